package dev.bastion.gateway.session;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Replies for one client session that could not be written when their turn came because the
 * session was not logged on (or, for a drop-copy session, every copy while it is away). They are
 * written in order once the session is logged on again, before anything newer for it. Kept in
 * memory up to a bound: past it the oldest reply is dropped and the first drop is logged, so a
 * client that never returns cannot exhaust the heap. With a {@link ReplyFile} the backlog is also
 * on disk and survives a restart of the gateway; the file holds at most twice the limit before it
 * is rewritten with what is kept.
 */
final class ReplyBacklog
{
    private static final Logger LOG = LogManager.getLogger(ReplyBacklog.class);

    private final String name;
    private final int limit;
    private final ArrayDeque<ReplyEvent> replies = new ArrayDeque<>();
    /** Null: in memory only. */
    private final ReplyFile file;
    private long fileRecords;
    private long dropped;
    /** Sent since the backlog last began to empty, for the log line when it is empty. */
    private long flushed;

    ReplyBacklog(final String name, final int limit)
    {
        this(name, limit, null);
    }

    /** @param file where the backlog is kept on disk; what it holds from before is loaded now. */
    ReplyBacklog(final String name, final int limit, final ReplyFile file)
    {
        this.name = name;
        this.limit = limit;
        this.file = file;
        if (file != null)
        {
            final List<ReplyEvent> kept = file.load();
            fileRecords = kept.size();
            for (int i = Math.max(0, kept.size() - limit); i < kept.size(); i++)
            {
                replies.addLast(kept.get(i));
            }
            if (!kept.isEmpty())
            {
                LOG.info("Session {}: {} replies kept before the restart, from {}, wait for its logon", name,
                    replies.size(), file.path());
            }
        }
    }

    String name()
    {
        return name;
    }

    boolean isEmpty()
    {
        return replies.isEmpty();
    }

    int size()
    {
        return replies.size();
    }

    long dropped()
    {
        return dropped;
    }

    void close()
    {
        if (file != null)
        {
            file.close();
        }
    }

    /** The oldest reply kept, or null. */
    ReplyEvent oldest()
    {
        return replies.peekFirst();
    }

    /** Keeps a copy of the reply (the caller's event is a ring slot that will be reused). */
    void keep(final ReplyEvent reply)
    {
        keepCopy(new ReplyEvent().copyFrom(reply));
    }

    void keepCopy(final ReplyEvent copy)
    {
        if (replies.size() >= limit)
        {
            final ReplyEvent oldest = replies.pollFirst();
            if (dropped++ == 0)
            {
                LOG.error("Session {} is not logged on and has {} replies waiting, the limit: dropping the oldest " +
                    "({}) and every further one over the limit", name, limit, oldest.kind);
            }
        }
        replies.addLast(copy);
        if (file != null)
        {
            if (fileRecords >= 2L * limit)
            {
                file.rewrite(replies);
                fileRecords = replies.size();
            }
            else
            {
                file.append(copy);
                fileRecords++;
            }
        }
    }

    /**
     * Writes kept replies in order until done or back-pressured.
     *
     * @return how many went out.
     */
    int flush(final ClientSessionHandler handler)
    {
        int sent = 0;
        ReplyEvent reply;
        while ((reply = replies.peekFirst()) != null)
        {
            if (handler.send(reply) != ClientSessionHandler.SENT)
            {
                break;
            }
            replies.pollFirst();
            sent++;
        }
        flushed += sent;
        if (sent > 0 && replies.isEmpty())
        {
            if (file != null)
            {
                file.clear();
                fileRecords = 0;
            }
            LOG.info("Session {}: {} replies kept while it was away have been sent", name, flushed);
            flushed = 0;
            if (dropped > 0)
            {
                LOG.error("Session {}: {} older replies were dropped over the limit of {}", name, dropped, limit);
                dropped = 0;
            }
        }
        return sent;
    }
}

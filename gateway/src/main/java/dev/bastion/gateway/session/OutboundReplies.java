package dev.bastion.gateway.session;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.YieldingWaitStrategy;
import dev.bastion.oms.api.BusinessReject;
import dev.bastion.oms.api.ClientReplies;
import dev.bastion.oms.api.ExecutionReport;
import dev.bastion.oms.api.OrderCancelReject;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2ObjectHashMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The OMS's replies on their way to client sessions. Any thread may offer a reply; it is copied
 * into a pre-allocated slot of a Disruptor ring, and the gateway's session thread drains the ring
 * in {@link #drain()}, encoding each reply for its session. A reply that meets back-pressure stays
 * at the head of the ring and is tried again on the next duty cycle, so order is kept. A reply
 * for a session that is not logged on when its turn comes is kept in the session's
 * {@link ReplyBacklog} (and its {@link ReplyFile} under the data directory) and written, in order,
 * after its next logon, also after a restart; replies behind it for the same session wait behind it. Every ExecutionReport for a trading session is also copied, with
 * PossResend (97) = Y and, in FIX 4.4, CopyMsgIndicator (797) = Y, to each drop-copy session (kept
 * the same way while one is away).
 */
public final class OutboundReplies implements ClientReplies
{
    private static final Logger LOG = LogManager.getLogger(OutboundReplies.class);
    private static final int CAPACITY = 16 * 1024;
    private static final int DRAIN_LIMIT = 64;

    private final RingBuffer<ReplyEvent> ring =
        RingBuffer.createMultiProducer(ReplyEvent::new, CAPACITY, new YieldingWaitStrategy());
    private final Sequence drained = new Sequence();
    /** Replies kept per session while it is away, bound per session (see {@link ReplyBacklog}). */
    public static final int DEFAULT_BACKLOG_LIMIT = 100_000;

    private final LongFunction<ClientSessionHandler> handlers;
    private static final String SESSION_FILE_PREFIX = "session-";
    private static final String FILE_SUFFIX = ".replies";

    private final int backlogLimit;
    private final Path directory;
    private final Long2ObjectHashMap<ReplyBacklog> backlogs = new Long2ObjectHashMap<>();
    private final List<DropCopyTarget> dropCopies = new ArrayList<>();
    private int waiting;

    public OutboundReplies(final LongFunction<ClientSessionHandler> handlers)
    {
        this(handlers, DEFAULT_BACKLOG_LIMIT, null);
    }

    /**
     * @param directory where replies kept for sessions that are away are written, so they survive a
     *                  restart; what it holds from before is loaded now. Null: in memory only.
     */
    public OutboundReplies(
        final LongFunction<ClientSessionHandler> handlers, final int backlogLimit, final Path directory)
    {
        this.handlers = handlers;
        this.backlogLimit = backlogLimit;
        this.directory = directory;
        ring.addGatingSequences(drained);
        if (directory != null)
        {
            loadSessionBacklogs(directory);
        }
    }

    private void loadSessionBacklogs(final Path directory)
    {
        if (!Files.isDirectory(directory))
        {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, SESSION_FILE_PREFIX + "*" + FILE_SUFFIX))
        {
            for (final Path file : files)
            {
                final String name = file.getFileName().toString();
                final long sessionId = Long.parseLong(
                    name.substring(SESSION_FILE_PREFIX.length(), name.length() - FILE_SUFFIX.length()));
                final ReplyBacklog backlog = new ReplyBacklog("#" + sessionId, backlogLimit, new ReplyFile(file));
                backlogs.put(sessionId, backlog);
                waiting += backlog.size();
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read the kept replies in " + directory, ex);
        }
    }

    private ReplyFile fileFor(final String name)
    {
        return directory == null ? null :
            new ReplyFile(directory.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + FILE_SUFFIX));
    }

    /**
     * A configured drop-copy session, by name; it receives copies from now on, kept until it logs
     * on. Called on the session thread (or before it starts).
     */
    public void addDropCopy(final String name)
    {
        final ReplyBacklog backlog = new ReplyBacklog(name, backlogLimit, fileFor("dropcopy-" + name));
        dropCopies.add(new DropCopyTarget(backlog));
        waiting += backlog.size();
    }

    /** The drop-copy session of that name logged on (handler) or went away (null); session thread only. */
    public void dropCopyHandler(final String name, final ClientSessionHandler handler)
    {
        for (final DropCopyTarget target : dropCopies)
        {
            if (target.backlog.name().equals(name))
            {
                target.handler = handler;
            }
        }
    }

    /** Replies kept for sessions that are away, for operators and tests; session thread only. */
    public int waitingReplies()
    {
        int total = 0;
        for (final ReplyBacklog backlog : backlogs.values())
        {
            total += backlog.size();
        }
        for (final DropCopyTarget target : dropCopies)
        {
            total += target.backlog.size();
        }
        return total;
    }

    @Override
    public boolean sendExecutionReport(final long sessionId, final ExecutionReport report)
    {
        final long sequence = claim(sessionId);
        if (sequence < 0)
        {
            return false;
        }
        final ReplyEvent event = ring.get(sequence);
        event.sessionId = sessionId;
        event.kind = ReplyEvent.Kind.EXECUTION_REPORT;
        event.executionReport.copyFrom(report);
        ring.publish(sequence);
        return true;
    }

    @Override
    public boolean sendOrderCancelReject(final long sessionId, final OrderCancelReject reject)
    {
        final long sequence = claim(sessionId);
        if (sequence < 0)
        {
            return false;
        }
        final ReplyEvent event = ring.get(sequence);
        event.sessionId = sessionId;
        event.kind = ReplyEvent.Kind.ORDER_CANCEL_REJECT;
        event.orderCancelReject.copyFrom(reject);
        ring.publish(sequence);
        return true;
    }

    @Override
    public boolean sendBusinessReject(final long sessionId, final BusinessReject reject)
    {
        final long sequence = claim(sessionId);
        if (sequence < 0)
        {
            return false;
        }
        final ReplyEvent event = ring.get(sequence);
        event.sessionId = sessionId;
        event.kind = ReplyEvent.Kind.BUSINESS_REJECT;
        event.businessReject.copyFrom(reject);
        ring.publish(sequence);
        return true;
    }

    @Override
    public boolean sendRaw(
        final long sessionId,
        final String msgType,
        final boolean possResend,
        final DirectBuffer body,
        final int offset,
        final int length)
    {
        final long sequence = claim(sessionId);
        if (sequence < 0)
        {
            return false;
        }
        final ReplyEvent event = ring.get(sequence);
        event.sessionId = sessionId;
        event.kind = ReplyEvent.Kind.RAW;
        event.raw(msgType, possResend, body, offset, length);
        ring.publish(sequence);
        return true;
    }

    /** Writes queued replies; called only by the gateway's session thread. */
    public int drain()
    {
        int work = waiting > 0 ? flushBacklogs() : 0;
        final long cursor = ring.getCursor();
        long next = drained.get() + 1;
        if (next > cursor)
        {
            return 0;
        }
        final long limit = Math.min(cursor, next + DRAIN_LIMIT - 1);
        // Multi-producer: a claimed slot may not be published yet; stop at the first such gap.
        while (next <= limit && ring.isAvailable(next))
        {
            final ReplyEvent event = ring.get(next);
            final ClientSessionHandler handler = handlers.apply(event.sessionId);
            final ReplyBacklog backlog = backlogs.get(event.sessionId);
            if (backlog != null && !backlog.isEmpty())
            {
                // Older replies for the session are still waiting: this one goes behind them.
                backlog.keep(event);
                waiting++;
            }
            else
            {
                final int outcome = handler == null ? ClientSessionHandler.NOT_LOGGED_ON : handler.send(event);
                if (outcome == ClientSessionHandler.BACK_PRESSURED)
                {
                    break;
                }
                if (outcome == ClientSessionHandler.NOT_LOGGED_ON)
                {
                    keepForLogon(event);
                }
            }
            if (event.kind == ReplyEvent.Kind.EXECUTION_REPORT && !dropCopies.isEmpty() &&
                (handler == null || !handler.isDropCopy()))
            {
                copyToDropCopies(event);
            }
            drained.set(next);
            next++;
            work++;
        }
        return work;
    }

    private void keepForLogon(final ReplyEvent event)
    {
        ReplyBacklog backlog = backlogs.get(event.sessionId);
        if (backlog == null)
        {
            backlog = new ReplyBacklog("#" + event.sessionId, backlogLimit,
                fileFor(SESSION_FILE_PREFIX + event.sessionId));
            backlogs.put(event.sessionId, backlog);
        }
        if (backlog.isEmpty())
        {
            LOG.info("Session {} is not logged on: keeping its replies for its next logon, starting with a {}",
                event.sessionId, event.kind);
        }
        backlog.keep(event);
        waiting++;
    }

    private void copyToDropCopies(final ReplyEvent event)
    {
        for (final DropCopyTarget target : dropCopies)
        {
            final ReplyEvent copy = new ReplyEvent().copyFrom(event);
            copy.executionReport.possResend(true).dropCopy(true);
            target.backlog.keepCopy(copy);
            waiting++;
        }
    }

    /** Writes what sessions that are logged on again have waiting, oldest first; drop copies the same way. */
    private int flushBacklogs()
    {
        int sent = 0;
        for (final DropCopyTarget target : dropCopies)
        {
            if (target.handler != null && target.handler.isLoggedOn() && !target.backlog.isEmpty())
            {
                sent += target.backlog.flush(target.handler);
            }
        }
        for (final Long2ObjectHashMap<ReplyBacklog>.EntryIterator it = backlogs.entrySet().iterator(); it.hasNext();)
        {
            it.next();
            final ReplyBacklog backlog = it.getValue();
            if (backlog.isEmpty())
            {
                continue;
            }
            final ClientSessionHandler handler = handlers.apply(it.getLongKey());
            if (handler != null && handler.isLoggedOn())
            {
                sent += backlog.flush(handler);
            }
        }
        waiting = Math.max(0, waiting - sent);
        if (waiting > 0 && sent == 0)
        {
            // Recount now and then so that drops over a limit do not leave the counter high for ever.
            waiting = waitingReplies();
        }
        return sent;
    }

    /** Closes the backlogs' files; what they hold stays for the next start. */
    public void close()
    {
        backlogs.values().forEach(ReplyBacklog::close);
        dropCopies.forEach(target -> target.backlog.close());
    }

    /** A drop-copy session: its copies wait in its backlog until it is logged on. */
    private static final class DropCopyTarget
    {
        private final ReplyBacklog backlog;
        private ClientSessionHandler handler;

        DropCopyTarget(final ReplyBacklog backlog)
        {
            this.backlog = backlog;
        }
    }

    /** @return the claimed sequence, or -1 when the ring is full. */
    private long claim(final long sessionId)
    {
        try
        {
            return ring.tryNext();
        }
        catch (final InsufficientCapacityException ex)
        {
            return -1;
        }
    }
}

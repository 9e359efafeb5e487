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
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.function.LongFunction;

/**
 * The OMS's replies on their way to client sessions. Any thread may offer a reply; it is copied
 * into a pre-allocated slot of a Disruptor ring, and the gateway's session thread drains the ring
 * in {@link #drain()}, encoding each reply for its session. A reply that meets back-pressure stays
 * at the head of the ring and is tried again on the next duty cycle, so order is kept. A reply
 * for a session that is not connected when its turn comes is dropped and logged: the OMS keeps
 * order state and answers a client again when it logs back on.
 */
public final class OutboundReplies implements ClientReplies
{
    private static final Logger LOG = LogManager.getLogger(OutboundReplies.class);
    private static final int CAPACITY = 16 * 1024;
    private static final int DRAIN_LIMIT = 64;

    private final RingBuffer<ReplyEvent> ring =
        RingBuffer.createMultiProducer(ReplyEvent::new, CAPACITY, new YieldingWaitStrategy());
    private final Sequence drained = new Sequence();
    private final LongFunction<ClientSessionHandler> handlers;

    public OutboundReplies(final LongFunction<ClientSessionHandler> handlers)
    {
        this.handlers = handlers;
        ring.addGatingSequences(drained);
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
        final long cursor = ring.getCursor();
        long next = drained.get() + 1;
        if (next > cursor)
        {
            return 0;
        }
        final long limit = Math.min(cursor, next + DRAIN_LIMIT - 1);
        int work = 0;
        // Multi-producer: a claimed slot may not be published yet; stop at the first such gap.
        while (next <= limit && ring.isAvailable(next))
        {
            final ReplyEvent event = ring.get(next);
            final ClientSessionHandler handler = handlers.apply(event.sessionId);
            if (handler == null)
            {
                LOG.warn("Dropped a {} for session {}: it is no longer connected", event.kind, event.sessionId);
            }
            else if (!handler.send(event))
            {
                break;
            }
            drained.set(next);
            next++;
            work++;
        }
        return work;
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

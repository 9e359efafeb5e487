package dev.bastion.oms.pipeline;

import com.lmax.disruptor.RingBuffer;
import dev.bastion.oms.api.CancelRequest;
import dev.bastion.oms.api.ClientOrderHandler;
import dev.bastion.oms.api.ClientRequest;
import dev.bastion.oms.api.ClientSessionInfo;
import dev.bastion.oms.api.MassCancelRequest;
import dev.bastion.oms.api.MassStatusRequest;
import dev.bastion.oms.api.NewOrderRequest;
import dev.bastion.oms.api.OrderFields;
import dev.bastion.oms.api.ReplaceRequest;
import dev.bastion.oms.api.StatusRequest;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.EpochNanoClock;

import static dev.bastion.oms.pipeline.OmsEvent.copy;

/**
 * The gateway's side of the ring: each decoded client request is copied into a ring slot, text
 * into the slot's own buffers, so nothing is allocated. A full ring answers false, so the gateway
 * holds the message and offers it again (back-pressure, nothing lost). Session events cannot be
 * refused; they wait a bounded time for a slot, then go through the overflow queue.
 */
final class ClientInbound implements ClientOrderHandler
{
    private final RingBuffer<OmsEvent> ring;
    private final InboundOverflow overflow;
    private final EpochNanoClock clock;
    /** Each session's last processed message when the pipeline was built; null: replay nothing. */
    private Long2LongHashMap processedMarks;

    ClientInbound(final RingBuffer<OmsEvent> ring, final InboundOverflow overflow, final EpochNanoClock clock)
    {
        this.ring = ring;
        this.overflow = overflow;
        this.clock = clock;
    }

    /** The marks the books held at start-up, read before the business thread runs. */
    void processedMarks(final Long2LongHashMap marks)
    {
        this.processedMarks = marks;
    }

    @Override
    public long processedUpTo(final long sessionId)
    {
        if (processedMarks == null)
        {
            return REPLAY_NOTHING;
        }
        final long mark = processedMarks.get(sessionId);
        return mark == processedMarks.missingValue() ? NOTHING_PROCESSED : mark;
    }

    @Override
    public void onLogon(final ClientSessionInfo session)
    {
        final long sequence = overflow.claim();
        final OmsEvent event = sequence >= 0 ? ring.get(sequence) : overflow.newEvent();
        start(event, OmsEvent.Kind.CLIENT_LOGON, session.sessionId(), 0);
        event.clientCompId = session.clientCompId();
        publish(sequence, event);
    }

    @Override
    public void onDisconnect(final long sessionId)
    {
        onDisconnect(sessionId, false);
    }

    @Override
    public void onDisconnect(final long sessionId, final boolean cancelOpenOrders)
    {
        final long sequence = overflow.claim();
        final OmsEvent event = sequence >= 0 ? ring.get(sequence) : overflow.newEvent();
        start(event, OmsEvent.Kind.CLIENT_DISCONNECT, sessionId, 0);
        event.cancelOpenOrders = cancelOpenOrders;
        publish(sequence, event);
    }

    @Override
    public void onRefused(final long sessionId, final int sequenceIndex, final int msgSeqNum)
    {
        final long sequence = overflow.claim();
        final OmsEvent event = sequence >= 0 ? ring.get(sequence) : overflow.newEvent();
        start(event, OmsEvent.Kind.CLIENT_REFUSED, sessionId, msgSeqNum);
        event.sequenceIndex = sequenceIndex;
        publish(sequence, event);
    }

    @Override
    public boolean onNewOrder(final NewOrderRequest order)
    {
        final long sequence = overflow.tryClaim();
        if (sequence < 0)
        {
            return false;
        }
        final OmsEvent event = start(ring.get(sequence), OmsEvent.Kind.NEW_ORDER, order);
        copyOrderFields(order, event);
        ring.publish(sequence);
        return true;
    }

    @Override
    public boolean onCancelRequest(final CancelRequest request)
    {
        final long sequence = overflow.tryClaim();
        if (sequence < 0)
        {
            return false;
        }
        final OmsEvent event =
            start(ring.get(sequence), OmsEvent.Kind.CANCEL, request);
        copy(event.clOrdId, request.clOrdId());
        copy(event.origClOrdId, request.origClOrdId());
        copy(event.symbol, request.symbol());
        copy(event.account, request.account());
        event.side = request.side();
        ring.publish(sequence);
        return true;
    }

    @Override
    public boolean onReplaceRequest(final ReplaceRequest request)
    {
        final long sequence = overflow.tryClaim();
        if (sequence < 0)
        {
            return false;
        }
        final OmsEvent event =
            start(ring.get(sequence), OmsEvent.Kind.REPLACE, request);
        copyOrderFields(request, event);
        copy(event.origClOrdId, request.origClOrdId());
        ring.publish(sequence);
        return true;
    }

    @Override
    public boolean onStatusRequest(final StatusRequest request)
    {
        final long sequence = overflow.tryClaim();
        if (sequence < 0)
        {
            return false;
        }
        final OmsEvent event =
            start(ring.get(sequence), OmsEvent.Kind.STATUS, request);
        copy(event.clOrdId, request.clOrdId());
        copy(event.symbol, request.symbol());
        event.side = request.side();
        ring.publish(sequence);
        return true;
    }

    @Override
    public boolean onMassCancelRequest(final MassCancelRequest request)
    {
        final long sequence = overflow.tryClaim();
        if (sequence < 0)
        {
            return false;
        }
        final OmsEvent event =
            start(ring.get(sequence), OmsEvent.Kind.MASS_CANCEL, request);
        copy(event.clOrdId, request.clOrdId());
        copy(event.symbol, request.symbol());
        event.requestType = request.massCancelRequestType();
        event.side = request.side();
        ring.publish(sequence);
        return true;
    }

    @Override
    public boolean onMassStatusRequest(final MassStatusRequest request)
    {
        final long sequence = overflow.tryClaim();
        if (sequence < 0)
        {
            return false;
        }
        final OmsEvent event =
            start(ring.get(sequence), OmsEvent.Kind.MASS_STATUS, request);
        copy(event.requestId, request.massStatusReqId());
        copy(event.symbol, request.symbol());
        event.requestType = (char)('0' + request.massStatusReqType());
        ring.publish(sequence);
        return true;
    }

    private void publish(final long sequence, final OmsEvent event)
    {
        if (sequence >= 0)
        {
            ring.publish(sequence);
        }
        else
        {
            overflow.offer(event);
        }
    }

    private OmsEvent start(final OmsEvent event, final OmsEvent.Kind kind, final ClientRequest request)
    {
        start(event, kind, request.sessionId(), request.msgSeqNum());
        event.sequenceIndex = request.sequenceIndex();
        event.replayed = request.replayed();
        return event;
    }

    private OmsEvent start(final OmsEvent event, final OmsEvent.Kind kind, final long sessionId, final int msgSeqNum)
    {
        event.clear();
        event.kind = kind;
        event.sessionId = sessionId;
        event.msgSeqNum = msgSeqNum;
        event.epochNanos = clock.nanoTime();
        return event;
    }

    private static void copyOrderFields(final OrderFields order, final OmsEvent event)
    {
        copy(event.clOrdId, order.clOrdId());
        copy(event.account, order.account());
        copy(event.symbol, order.symbol());
        copy(event.exDestination, order.exDestination());
        event.side = order.side();
        event.ordType = order.ordType();
        event.timeInForce = order.timeInForce();
        event.orderQty = order.orderQty();
        event.price = order.price();
        event.stopPrice = order.stopPrice();
        event.expireTimeNanos = order.expireTimeNanos();
        event.hasSizing = order.hasSizing();
        if (order.hasSizing())
        {
            event.winProbability = order.winProbability();
            event.winLossRatio = order.winLossRatio();
            event.confidence = order.sizingConfidence();
        }
    }
}

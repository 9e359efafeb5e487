package dev.bastion.oms.pipeline;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import dev.bastion.oms.api.CancelRequest;
import dev.bastion.oms.api.ClientOrderHandler;
import dev.bastion.oms.api.ClientSessionInfo;
import dev.bastion.oms.api.MassCancelRequest;
import dev.bastion.oms.api.MassStatusRequest;
import dev.bastion.oms.api.NewOrderRequest;
import dev.bastion.oms.api.OrderFields;
import dev.bastion.oms.api.ReplaceRequest;
import dev.bastion.oms.api.StatusRequest;

/**
 * The gateway's side of the ring: each decoded client request is copied into a ring slot. A full
 * ring answers false, so the gateway holds the message and offers it again (back-pressure, nothing
 * lost).
 */
final class ClientInbound implements ClientOrderHandler
{
    private final RingBuffer<OmsEvent> ring;

    ClientInbound(final RingBuffer<OmsEvent> ring)
    {
        this.ring = ring;
    }

    @Override
    public void onLogon(final ClientSessionInfo session)
    {
        publishSessionEvent(OmsEvent.Kind.CLIENT_LOGON, session.sessionId());
    }

    @Override
    public void onDisconnect(final long sessionId)
    {
        publishSessionEvent(OmsEvent.Kind.CLIENT_DISCONNECT, sessionId);
    }

    @Override
    public boolean onNewOrder(final NewOrderRequest order)
    {
        final long sequence = claim();
        if (sequence < 0)
        {
            return false;
        }
        final OmsEvent event = start(sequence, OmsEvent.Kind.NEW_ORDER, order.sessionId(), order.msgSeqNum());
        copyOrderFields(order, event);
        ring.publish(sequence);
        return true;
    }

    @Override
    public boolean onCancelRequest(final CancelRequest request)
    {
        final long sequence = claim();
        if (sequence < 0)
        {
            return false;
        }
        final OmsEvent event = start(sequence, OmsEvent.Kind.CANCEL, request.sessionId(), request.msgSeqNum());
        event.clOrdId = text(request.clOrdId());
        event.origClOrdId = text(request.origClOrdId());
        event.symbol = text(request.symbol());
        event.side = request.side();
        ring.publish(sequence);
        return true;
    }

    @Override
    public boolean onReplaceRequest(final ReplaceRequest request)
    {
        final long sequence = claim();
        if (sequence < 0)
        {
            return false;
        }
        final OmsEvent event = start(sequence, OmsEvent.Kind.REPLACE, request.sessionId(), request.msgSeqNum());
        copyOrderFields(request, event);
        event.origClOrdId = text(request.origClOrdId());
        ring.publish(sequence);
        return true;
    }

    @Override
    public boolean onStatusRequest(final StatusRequest request)
    {
        final long sequence = claim();
        if (sequence < 0)
        {
            return false;
        }
        final OmsEvent event = start(sequence, OmsEvent.Kind.STATUS, request.sessionId(), request.msgSeqNum());
        event.clOrdId = text(request.clOrdId());
        event.symbol = text(request.symbol());
        event.side = request.side();
        ring.publish(sequence);
        return true;
    }

    @Override
    public boolean onMassCancelRequest(final MassCancelRequest request)
    {
        final long sequence = claim();
        if (sequence < 0)
        {
            return false;
        }
        final OmsEvent event = start(sequence, OmsEvent.Kind.MASS_CANCEL, request.sessionId(), request.msgSeqNum());
        event.clOrdId = text(request.clOrdId());
        event.symbol = text(request.symbol());
        event.requestType = request.massCancelRequestType();
        ring.publish(sequence);
        return true;
    }

    @Override
    public boolean onMassStatusRequest(final MassStatusRequest request)
    {
        final long sequence = claim();
        if (sequence < 0)
        {
            return false;
        }
        final OmsEvent event = start(sequence, OmsEvent.Kind.MASS_STATUS, request.sessionId(), request.msgSeqNum());
        event.requestId = text(request.massStatusReqId());
        event.symbol = text(request.symbol());
        event.requestType = (char)('0' + request.massStatusReqType());
        ring.publish(sequence);
        return true;
    }

    private void publishSessionEvent(final OmsEvent.Kind kind, final long sessionId)
    {
        // Session events must not be lost: wait for a slot.
        final long sequence = ring.next();
        start(sequence, kind, sessionId, 0);
        ring.publish(sequence);
    }

    private long claim()
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

    private OmsEvent start(final long sequence, final OmsEvent.Kind kind, final long sessionId, final int msgSeqNum)
    {
        final OmsEvent event = ring.get(sequence);
        event.clear();
        event.kind = kind;
        event.sessionId = sessionId;
        event.msgSeqNum = msgSeqNum;
        event.publishedNanos = System.nanoTime();
        return event;
    }

    private static void copyOrderFields(final OrderFields order, final OmsEvent event)
    {
        event.clOrdId = text(order.clOrdId());
        event.account = text(order.account());
        event.symbol = text(order.symbol());
        event.exDestination = text(order.exDestination());
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

    private static String text(final CharSequence value)
    {
        return value == null || value.length() == 0 ? null : value.toString();
    }
}

package dev.bastion.gateway.support;

import dev.bastion.oms.api.BusinessReject;
import dev.bastion.oms.api.CancelRequest;
import dev.bastion.oms.api.ClientOrderHandler;
import dev.bastion.oms.api.ClientReplies;
import dev.bastion.oms.api.ClientRequest;
import dev.bastion.oms.api.ClientSessionInfo;
import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.ExecutionReport;
import dev.bastion.oms.api.MassCancelRequest;
import dev.bastion.oms.api.MassStatusRequest;
import dev.bastion.oms.api.NewOrderRequest;
import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.api.ReplaceRequest;
import dev.bastion.oms.api.StatusRequest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The OMS stand-in for gateway tests: it keeps what each order looked like when it arrived and
 * acknowledges it with ExecutionReport(New), numbering orders from 1.
 */
public final class RecordingOrderHandler implements ClientOrderHandler
{
    /** What the gateway decoded from a NewOrderSingle. */
    public record ReceivedOrder(
        long sessionId, int msgSeqNum, String clOrdId, String symbol, char side, char ordType, long orderQty,
        long price, String account, int sequenceIndex, boolean replayed)
    {
    }

    /** What the gateway decoded from a cancel, replace, status or mass request: its identifying fields. */
    public record ReceivedRequest(String msgType, int msgSeqNum, String id, String origClOrdId, String symbol,
        char side)
    {
    }

    private final List<ReceivedRequest> requests = new CopyOnWriteArrayList<>();
    private final ClientReplies replies;
    private final ExecutionReport report = new ExecutionReport();
    private final AtomicLong orderIds = new AtomicLong();
    private final List<ReceivedOrder> orders = new CopyOnWriteArrayList<>();
    private final List<ClientSessionInfo> logons = new CopyOnWriteArrayList<>();
    private final List<Integer> refused = new CopyOnWriteArrayList<>();
    private final BusinessReject unsupported = new BusinessReject();

    /** What {@link #processedUpTo} answers for every session; by default the gateway replays nothing. */
    private volatile long processedUpTo = REPLAY_NOTHING;

    public RecordingOrderHandler(final ClientReplies replies)
    {
        this.replies = replies;
    }

    /** Plays an OMS that had processed every session's messages up to this mark when the gateway started. */
    public RecordingOrderHandler withProcessedUpTo(final long mark)
    {
        this.processedUpTo = mark;
        return this;
    }

    @Override
    public long processedUpTo(final long sessionId)
    {
        return processedUpTo;
    }

    public List<ReceivedOrder> orders()
    {
        return orders;
    }

    public List<ReceivedRequest> requests()
    {
        return requests;
    }

    /** MsgSeqNums of the order-flow messages the gateway answered itself (its throttle). */
    public List<Integer> refused()
    {
        return refused;
    }

    @Override
    public void onRefused(final long sessionId, final int sequenceIndex, final int msgSeqNum)
    {
        refused.add(msgSeqNum);
    }

    public List<ClientSessionInfo> logons()
    {
        return logons;
    }

    @Override
    public void onLogon(final ClientSessionInfo session)
    {
        logons.add(session);
    }

    @Override
    public void onDisconnect(final long sessionId)
    {
    }

    @Override
    public boolean onNewOrder(final NewOrderRequest order)
    {
        final long orderId = orderIds.incrementAndGet();
        report.reset()
            .orderId(orderId)
            .execId(orderId)
            .clOrdId(order.clOrdId())
            .symbol(order.symbol())
            .side(order.side())
            .ordType(order.ordType())
            .orderQty(order.orderQty())
            .price(order.price())
            .execType(ExecType.NEW)
            .ordStatus(OrdStatus.NEW)
            .cumQty(0)
            .leavesQty(order.orderQty())
            .avgPx(0)
            .transactTimeNanos(System.currentTimeMillis() * 1_000_000L);
        if (!replies.sendExecutionReport(order.sessionId(), report))
        {
            orderIds.decrementAndGet();
            return false;
        }
        orders.add(new ReceivedOrder(order.sessionId(), order.msgSeqNum(), order.clOrdId().toString(),
            order.symbol().toString(), order.side(), order.ordType(), order.orderQty(), order.price(),
            order.account().toString(), order.sequenceIndex(), order.replayed()));
        return true;
    }

    @Override
    public boolean onCancelRequest(final CancelRequest request)
    {
        return decline(request, new ReceivedRequest(request.msgType(), request.msgSeqNum(),
            request.clOrdId().toString(), request.origClOrdId().toString(), request.symbol().toString(),
            request.side()));
    }

    @Override
    public boolean onReplaceRequest(final ReplaceRequest request)
    {
        return decline(request, new ReceivedRequest(request.msgType(), request.msgSeqNum(),
            request.clOrdId().toString(), request.origClOrdId().toString(), request.symbol().toString(),
            request.side()));
    }

    @Override
    public boolean onStatusRequest(final StatusRequest request)
    {
        return decline(request, new ReceivedRequest(request.msgType(), request.msgSeqNum(),
            request.clOrdId().toString(), "", request.symbol().toString(), request.side()));
    }

    @Override
    public boolean onMassCancelRequest(final MassCancelRequest request)
    {
        return decline(request, new ReceivedRequest(request.msgType(), request.msgSeqNum(),
            request.clOrdId().toString(), "", request.symbol().toString(), request.massCancelRequestType()));
    }

    @Override
    public boolean onMassStatusRequest(final MassStatusRequest request)
    {
        return decline(request, new ReceivedRequest(request.msgType(), request.msgSeqNum(),
            request.massStatusReqId().toString(), "", request.symbol().toString(),
            (char)('0' + request.massStatusReqType())));
    }

    private boolean decline(final ClientRequest request, final ReceivedRequest received)
    {
        unsupported.reset()
            .refMsgType(request.msgType())
            .refSeqNum(request.msgSeqNum())
            .reason(BusinessReject.UNSUPPORTED_MESSAGE_TYPE)
            .text("not handled by the test order handler");
        if (!replies.sendBusinessReject(request.sessionId(), unsupported))
        {
            return false;
        }
        requests.add(received);
        return true;
    }
}

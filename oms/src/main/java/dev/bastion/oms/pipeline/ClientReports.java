package dev.bastion.oms.pipeline;

import dev.bastion.oms.api.ClientReplies;
import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.ExecutionReport;
import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.api.OrderCancelReject;
import dev.bastion.oms.order.Order;
import dev.bastion.oms.order.OrderIdGenerator;
import dev.bastion.oms.order.OrderStateMachine;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;

import java.util.concurrent.TimeUnit;

/**
 * Writes what the state machine decides to the client sessions through the gateway. The gateway's
 * reply queue is bounded; when it is full the business thread waits for room, backing off from
 * spinning to parking, rather than drop a report.
 */
final class ClientReports
{
    private final ClientReplies replies;
    private final OrderIdGenerator execIds;
    private final EpochNanoClock clock;
    private final ExecutionReport report = new ExecutionReport();
    private final OrderCancelReject cancelReject = new OrderCancelReject();
    private final ExpandableArrayBuffer rawBody = new ExpandableArrayBuffer(256);
    private final IdleStrategy backPressure = new BackoffIdleStrategy(
        20, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(1));
    /** While answering an OrderMassStatusRequest: its id, how many reports it gets, how many went. */
    private String massStatusReqId;
    private int massStatusTotal;
    private int massStatusSent;

    ClientReports(final ClientReplies replies, final OrderIdGenerator execIds, final EpochNanoClock clock)
    {
        this.replies = replies;
        this.execIds = execIds;
        this.clock = clock;
    }

    void report(
        final Order order, final ExecType execType, final String clOrdId, final String origClOrdId, final long lastQty,
        final long lastPx, final String text, final int ordRejReason, final int riskRejectCode,
        final CharSequence riskWarningText)
    {
        report.reset()
            .orderId(order.orderId())
            .execId(execIds.next())
            .clOrdId(clOrdId)
            .origClOrdId(origClOrdId)
            .account(order.account())
            .symbol(order.symbol())
            .side(order.side().fixValue())
            .ordType(order.ordType().fixValue())
            .timeInForce(order.timeInForce().fixValue())
            .orderQty(order.orderQty())
            .price(order.price())
            .stopPrice(order.stopPrice())
            .execType(execType)
            .ordStatus(order.status())
            .lastQty(lastQty)
            .lastPx(lastPx)
            .cumQty(order.cumQty())
            .leavesQty(order.leavesQty())
            .avgPx(order.avgPx())
            .text(text)
            .riskWarningText(riskWarningText)
            .transactTimeNanos(clock.nanoTime());
        if (ordRejReason >= 0)
        {
            report.ordRejReason(ordRejReason);
        }
        if (riskRejectCode > 0)
        {
            report.riskRejectCode(riskRejectCode);
        }
        if (massStatusReqId != null)
        {
            report.massStatus(massStatusReqId, massStatusTotal, ++massStatusSent == massStatusTotal);
        }
        backPressure.reset();
        while (!replies.sendExecutionReport(order.sessionId(), report))
        {
            backPressure.idle();
        }
    }

    void unknownOrder(final long sessionId, final String clOrdId, final String symbol, final char side, final String text)
    {
        report.reset()
            .orderId("NONE")
            .execId(execIds.next())
            .clOrdId(clOrdId)
            .symbol(symbol)
            .side(side)
            .execType(ExecType.ORDER_STATUS)
            .ordStatus(OrdStatus.REJECTED)
            .ordRejReason(OrderStateMachine.REJECT_UNKNOWN_ORDER)
            .cumQty(0)
            .leavesQty(0)
            .avgPx(0)
            .text(text)
            .transactTimeNanos(clock.nanoTime());
        backPressure.reset();
        while (!replies.sendExecutionReport(sessionId, report))
        {
            backPressure.idle();
        }
    }

    void cancelReject(
        final long sessionId, final String clOrdId, final String origClOrdId, final Order order,
        final boolean forReplace, final int cxlRejReason, final String text)
    {
        cancelReject.reset()
            .orderId(order == null ? "NONE" : Long.toString(order.orderId()))
            .clOrdId(clOrdId)
            .origClOrdId(origClOrdId)
            .ordStatus(order == null ? OrdStatus.REJECTED : order.status())
            .responseTo(forReplace ? OrderCancelReject.RESPONSE_TO_REPLACE : OrderCancelReject.RESPONSE_TO_CANCEL)
            .cxlRejReason(cxlRejReason)
            .text(text);
        backPressure.reset();
        while (!replies.sendOrderCancelReject(sessionId, cancelReject))
        {
            backPressure.idle();
        }
    }

    /** The reports that follow answer this OrderMassStatusRequest (null: none), {@code total} of them. */
    void answeringMassStatus(final String requestId, final int total)
    {
        massStatusReqId = requestId;
        massStatusTotal = total;
        massStatusSent = 0;
    }

    /** An OrderMassStatusRequest that matches no open order: one report saying so. */
    void noOrdersForMassStatus(final long sessionId, final String requestId, final String symbol)
    {
        report.reset()
            .orderId("NONE")
            .execId(execIds.next())
            .symbol(symbol != null ? symbol : "[N/A]")
            .side('1')
            .execType(ExecType.ORDER_STATUS)
            .ordStatus(OrdStatus.REJECTED)
            .cumQty(0)
            .leavesQty(0)
            .avgPx(0)
            .text("No open orders match the request")
            .massStatus(requestId, 0, true)
            .transactTimeNanos(clock.nanoTime());
        backPressure.reset();
        while (!replies.sendExecutionReport(sessionId, report))
        {
            backPressure.idle();
        }
    }

    /** OrderMassCancelReport (r): how many orders a mass cancel request reached. */
    void massCancelReport(final long sessionId, final String clOrdId, final char requestType, final int affected)
    {
        final String body = "11=" + clOrdId + "\u0001" +
            "37=" + execIds.next() + "\u0001" +
            "530=" + requestType + "\u0001" +
            "531=" + requestType + "\u0001" +
            "533=" + affected + "\u0001";
        final int length = rawBody.putStringWithoutLengthAscii(0, body);
        backPressure.reset();
        while (!replies.sendRaw(sessionId, "r", false, rawBody, 0, length))
        {
            backPressure.idle();
        }
    }
}

package dev.bastion.oms.venue.sim;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.api.TimeInForce;

/**
 * One ExecutionReport the simulator sent, with the order as it stood after the event, in FIX 4.4
 * terms (the FIX 4.2 session writes them in 4.2 terms). Prices and quantities are fixed-point.
 *
 * @param session             the QuickFIX/J SessionID it went to.
 * @param orderId             OrderID (37); {@code NONE} for a status answer about an unknown order.
 * @param clOrdId             ClOrdID (11).
 * @param origClOrdId         OrigClOrdID (41) on cancel and replace reports, else null.
 * @param execId              ExecID (17), unique per simulator run.
 * @param execRefId           ExecRefID (19): the ExecID a bust or correction refers to, else null.
 * @param execType            ExecType (150).
 * @param ordStatus           OrdStatus (39).
 * @param symbol              Symbol (55).
 * @param side                Side (54).
 * @param ordType             OrdType (40), null when unknown.
 * @param timeInForce         TimeInForce (59), null when unknown.
 * @param orderQty            OrderQty (38).
 * @param price               Price (44) or {@link dev.bastion.oms.api.FixedPoint#NONE}.
 * @param stopPrice           StopPx (99) or {@link dev.bastion.oms.api.FixedPoint#NONE}.
 * @param expireTimeNanos     ExpireTime (126) of a GTD order, else {@link dev.bastion.oms.venue.VenueOrder#NO_TIME}.
 * @param account             Account (1), or null.
 * @param lastQty             LastQty (32) of a trade or correction, else 0.
 * @param lastPx              LastPx (31) of a trade or correction, else 0.
 * @param cumQty              CumQty (14).
 * @param leavesQty           LeavesQty (151).
 * @param avgPx               AvgPx (6).
 * @param text                Text (58), or null.
 * @param ordRejReason        OrdRejReason (103) in FIX 4.4 codes, or -1.
 * @param transactTimeNanos   TransactTime (60), epoch nanoseconds of the simulator's clock.
 * @param statusRequestId     OrdStatusReqID (790) this report answers, or null.
 * @param massStatusRequestId MassStatusReqID (584) this report answers, or null.
 * @param totalReports        TotNumReports (911) of a mass status answer, else 0.
 * @param lastReport          LastRptRequested (912): the last report of a mass status answer.
 * @param unsolicited         the venue ended the order on its own (IOC/FOK remainder, command, partial-then-cancel).
 */
public record SimExecution(
    String session,
    String orderId,
    String clOrdId,
    String origClOrdId,
    String execId,
    String execRefId,
    ExecType execType,
    OrdStatus ordStatus,
    String symbol,
    Side side,
    OrdType ordType,
    TimeInForce timeInForce,
    long orderQty,
    long price,
    long stopPrice,
    long expireTimeNanos,
    String account,
    long lastQty,
    long lastPx,
    long cumQty,
    long leavesQty,
    long avgPx,
    String text,
    int ordRejReason,
    long transactTimeNanos,
    String statusRequestId,
    String massStatusRequestId,
    int totalReports,
    boolean lastReport,
    boolean unsolicited)
{
    /** @return true for a report of a trade (ExecType F). */
    public boolean isTrade()
    {
        return execType == ExecType.TRADE;
    }
}

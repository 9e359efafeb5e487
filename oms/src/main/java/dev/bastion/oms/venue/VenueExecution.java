package dev.bastion.oms.venue;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.OrdStatus;

/**
 * One ExecutionReport from a venue, in FIX 4.4 terms whatever the venue speaks (a FIX 4.2 fill
 * arrives as {@link ExecType#TRADE}, a 4.2 ExecTransType Cancel as {@link ExecType#TRADE_CANCEL}).
 *
 * @param venue              the adapter's venue name.
 * @param venueClOrdId       ClOrdID (11) of the request this report answers (or the order's current one).
 * @param origVenueClOrdId   OrigClOrdID (41) on cancel/replace reports, else null.
 * @param venueOrderId       OrderID (37) the venue assigned.
 * @param execId             ExecID (17), unique per venue: the OMS de-duplicates resent reports by it.
 * @param execRefId          ExecRefID (19): the ExecID a trade bust or correction refers to, else null.
 * @param execType           ExecType (150).
 * @param ordStatus          OrdStatus (39) after this event.
 * @param lastQty            LastQty (32), or 0 when no trade.
 * @param lastPx             LastPx (31), or 0 when no trade.
 * @param cumQty             CumQty (14).
 * @param leavesQty          LeavesQty (151).
 * @param avgPx              AvgPx (6).
 * @param text               Text (58), or null.
 * @param ordRejReason       OrdRejReason (103), or -1.
 * @param transactTimeNanos  TransactTime (60) in epoch nanoseconds, or {@link VenueOrder#NO_TIME}.
 * @param unsolicited        true for a cancel the venue made on its own (no cancel request pending).
 * @param possibleDuplicate  PossDupFlag (43) or PossResend (97) was set: the OMS may have seen it already.
 */
public record VenueExecution(
    String venue,
    String venueClOrdId,
    String origVenueClOrdId,
    String venueOrderId,
    String execId,
    String execRefId,
    ExecType execType,
    OrdStatus ordStatus,
    long lastQty,
    long lastPx,
    long cumQty,
    long leavesQty,
    long avgPx,
    String text,
    int ordRejReason,
    long transactTimeNanos,
    boolean unsolicited,
    boolean possibleDuplicate)
{
    public static final int NO_REJECT_REASON = -1;

    /** @return true when this report changes the filled quantity (a trade, a bust or a correction). */
    public boolean affectsFills()
    {
        return execType == ExecType.TRADE || execType == ExecType.TRADE_CANCEL || execType == ExecType.TRADE_CORRECT;
    }
}

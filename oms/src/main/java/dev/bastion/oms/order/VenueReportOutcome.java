package dev.bastion.oms.order;

/** What the state machine did with one venue report; anything but {@link #APPLIED} is worth a log line. */
public enum VenueReportOutcome
{
    /** The report changed the order, or needed no change (an acknowledgement of a pending request). */
    APPLIED,
    /** It names no order the OMS knows, or a request the OMS no longer waits for. */
    UNKNOWN_ORDER,
    /** Its ExecID was applied before: a resend. */
    DUPLICATE,
    /** It does not fit where the order stands: a fill after the end, an overfill, a bust of an unknown fill. */
    OUT_OF_PLACE,
    /** A status answer that disagrees with the OMS in a way only reconciliation can settle (fills missing). */
    DISCREPANCY,
    /**
     * A status answer showed fills the OMS had not seen (their reports were lost in a crash or a
     * disconnect): the difference was applied as one fill at the price the venue's AvgPx implies.
     */
    MISSED_FILL_APPLIED
}

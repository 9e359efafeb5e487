package dev.bastion.oms.recon;

/** What reconciliation found, each with the level it is reported at. */
public enum FindingKind
{
    /** A fill's price is further from the limit (or, for a market order, the reference) price than allowed. */
    PRICE_DEVIATION(FindingLevel.WARNING),
    /** A fill's LastQty is not the step the venue's CumQty took from the order's. */
    QUANTITY_MISMATCH(FindingLevel.WARNING),
    /** A fill beyond the order's quantity: not booked. */
    OVERFILL(FindingLevel.CRITICAL),
    /** A report whose ExecID (or, after a restart, whose CumQty) was applied already: ignored. */
    DUPLICATE_EXECUTION(FindingLevel.INFO),
    /** A fill before the venue acknowledged the order. */
    FILL_BEFORE_ACK(FindingLevel.WARNING),
    /** A fill for an order whose cancel the venue had confirmed (within the allowed delay: crossed in flight). */
    FILL_AFTER_CANCEL(FindingLevel.WARNING),
    /** A fill for an order whose cancel the venue had confirmed longer ago than the allowed delay. */
    LATE_FILL_AFTER_CANCEL(FindingLevel.CRITICAL),
    /** A fill for an order that had ended otherwise (filled, rejected, expired): not booked. */
    FILL_AFTER_END(FindingLevel.CRITICAL),
    /** A report for an order the OMS does not know: not applied. */
    UNKNOWN_ORDER(FindingLevel.CRITICAL),
    /** A resent report (PossDup) for an order the OMS no longer holds: it was applied before. */
    RESENT_FOR_FORGOTTEN_ORDER(FindingLevel.INFO),
    /** Fills the OMS had missed, applied from the venue's order status after a reconnect or restart. */
    MISSED_FILL_APPLIED(FindingLevel.WARNING),
    /** An order's end (cancel, expiry, reject) the OMS had missed, applied from the venue's order status. */
    MISSED_END_APPLIED(FindingLevel.INFO),
    /** The venue's order status disagrees with the OMS in a way it cannot apply (less filled, different end). */
    STATUS_MISMATCH(FindingLevel.CRITICAL),
    /** After a restart the venue does not know an order the OMS had sent: ended as rejected. */
    ORDER_NOT_AT_VENUE(FindingLevel.CRITICAL),
    /** A venue did not answer the status request for an order restored after a restart. */
    STATUS_NOT_ANSWERED(FindingLevel.WARNING),
    /** A bust or correction of a fill, booked as an offsetting fill (cash and quantity exact, FIFO lots not). */
    FILL_CHANGE_BOOKED(FindingLevel.WARNING),
    /** A bust or correction that could not be applied (an unknown or forgotten fill): the books keep the fill. */
    FILL_CHANGE_NOT_APPLIED(FindingLevel.CRITICAL),
    /** The portfolio refused a fill the order accepted (capacity, overflow): positions lack it. */
    FILL_NOT_BOOKED(FindingLevel.CRITICAL);

    private final FindingLevel level;

    FindingKind(final FindingLevel level)
    {
        this.level = level;
    }

    public FindingLevel level()
    {
        return level;
    }
}

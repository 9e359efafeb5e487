package dev.bastion.oms.portfolio;

/** What {@link Portfolio#applyFill} did with a fill: a value, never an exception, on the fill path. */
public enum FillOutcome
{
    /** Booked into the position and the account's cash. */
    APPLIED,
    /**
     * The position had booked this fill before the last writer died, the cash had not: only the cash
     * was booked now. Seen once per crash at most, on the fill that was in flight.
     */
    COMPLETED,
    /** Both the position and the cash had booked this fill id already: ignored and counted. */
    DUPLICATE,
    REJECTED_FILL_ID,
    REJECTED_SIDE,
    REJECTED_QUANTITY,
    REJECTED_PRICE,
    REJECTED_UNKNOWN_ACCOUNT,
    REJECTED_UNKNOWN_SYMBOL,
    /**
     * The account booked a higher fill id on another position while this position never booked this
     * one: the OMS gave fill ids out of order. Nothing was booked.
     */
    REJECTED_OUT_OF_ORDER,
    /** An amount would not fit the fixed-point range (money beyond ~9.2e10 currency units). */
    REJECTED_OVERFLOW,
    /** A map is full (positions, overflow lots or trade records): raise its size in the configuration. */
    REJECTED_CAPACITY;

    public boolean booked()
    {
        return this == APPLIED || this == COMPLETED;
    }

    public boolean rejected()
    {
        return ordinal() >= REJECTED_FILL_ID.ordinal();
    }
}

package dev.bastion.risk.pretrade;

/** Which market price the price collar, stop and market-order checks compare against. */
public enum ReferencePriceSource
{
    /** The last trade price. */
    LAST,
    /** The mid of the best bid and offer; the last price when the quote is one-sided or missing. */
    MID
}

package dev.bastion.risk.stop;

/** How a position's stop price is set. */
public enum StopType
{
    /** A stop price given by the trader. */
    FIXED,
    /** A percentage below the entry price of a long (above, for a short). */
    PERCENTAGE,
    /** A percentage below the best price since entry of a long (above the lowest, for a short). */
    TRAILING
}

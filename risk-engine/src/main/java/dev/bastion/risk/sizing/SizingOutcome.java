package dev.bastion.risk.sizing;

/** Why a sizing gave the quantity it gave. */
public enum SizingOutcome
{
    /** A position of at least one lot. */
    SIZED,
    /** Full Kelly is zero or negative: the bet has no edge, size 0. */
    NO_EDGE,
    /** The position value is below the configured minimum, size 0. */
    BELOW_MINIMUM_VALUE,
    /** The position value does not buy one lot at this price, size 0. */
    LESS_THAN_ONE_LOT
}

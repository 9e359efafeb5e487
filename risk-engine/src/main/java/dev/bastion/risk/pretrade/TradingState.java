package dev.bastion.risk.pretrade;

/**
 * Where an account, or the whole firm, stands. The effective state of an account is the more restrictive
 * of its own and the firm's; the declaration order is the order of restriction.
 */
public enum TradingState
{
    /** All checks apply as configured. */
    NORMAL,
    /** Order size limits (and Kelly sizes) scaled down by the configured factor, e.g. while markets look abnormal. */
    SOFT_BRAKE,
    /** Only orders that reduce an existing position pass. */
    REDUCING,
    /** The kill switch: no new orders or replaces; cancels are never checked, so they always pass. */
    HALTED;

    /** The more restrictive of two states. */
    public static TradingState mostRestrictive(final TradingState a, final TradingState b)
    {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}

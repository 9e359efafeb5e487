package dev.bastion.oms.pipeline;

import dev.bastion.risk.pretrade.TradingState;

/**
 * A trading state as operators read it (the admin endpoint, {@code bastion kill-switch}).
 *
 * @param account    null for the firm-wide state.
 * @param state      the state now.
 * @param reason     why it was last changed, as the operator or the check gave it.
 * @param sinceNanos when, from the business clock (0: never changed).
 */
public record TradingStateView(String account, TradingState state, String reason, long sinceNanos)
{
}

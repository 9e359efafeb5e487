package dev.bastion.risk.pretrade;

/**
 * One transition of a trading state, as kept for the risk desk and compliance.
 *
 * @param scope      the account, or {@link #FIRM} for the firm-wide state.
 * @param from       the state before.
 * @param to         the state after.
 * @param reason     why, as given by the caller (an operator, the anomaly detector) or by the check that
 *                   tripped it (the daily loss limit).
 * @param epochNanos when, from the checker's clock.
 */
public record TradingStateChange(String scope, TradingState from, TradingState to, String reason, long epochNanos)
{
    public static final String FIRM = "*firm*";
}

package dev.bastion.risk.pretrade;

/**
 * Told of every trading-state transition, on the thread that made it (the business thread), so the OMS can
 * log it to the audit trail and alert the desk. Transitions are rare; the listener may allocate.
 */
@FunctionalInterface
public interface TradingStateListener
{
    TradingStateListener NO_OP = change ->
    {
    };

    void onTransition(TradingStateChange change);
}

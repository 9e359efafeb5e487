package dev.bastion.oms.pipeline;

import dev.bastion.risk.pretrade.TradingState;

import java.util.concurrent.CompletableFuture;

/** An operator's command, carried through the ring so that only the business thread changes state. */
sealed interface AdminCommand permits AdminCommand.TradingStateChange
{
    /**
     * Moves an account, or the whole firm, to a trading state (HALTED is the kill switch).
     *
     * @param account null for the firm-wide state.
     * @param result  completed on the business thread with the state before, or with the error.
     */
    record TradingStateChange(String account, TradingState state, String reason, CompletableFuture<TradingState> result)
        implements AdminCommand
    {
    }
}

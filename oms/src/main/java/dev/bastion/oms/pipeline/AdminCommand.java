package dev.bastion.oms.pipeline;

import dev.bastion.risk.pretrade.TradingState;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** An operator's command, carried through the ring so that only the business thread changes state. */
sealed interface AdminCommand
    permits AdminCommand.TradingStateChange, AdminCommand.KillSwitch, AdminCommand.TradingStatesQuery
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

    /**
     * Engages the kill switch (HALTED, then a cancel of every open order in scope) or releases it
     * (back to NORMAL; orders canceled stay canceled).
     *
     * @param account null for the whole firm.
     */
    record KillSwitch(String account, boolean engage, String reason, CompletableFuture<KillSwitchResult> result)
        implements AdminCommand
    {
    }

    /** Reads the trading states on the business thread, which owns them. */
    record TradingStatesQuery(CompletableFuture<List<TradingStateView>> result) implements AdminCommand
    {
    }
}

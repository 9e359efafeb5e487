package dev.bastion.oms.pipeline;

import dev.bastion.risk.pretrade.TradingState;

/**
 * What engaging or releasing the kill switch did.
 *
 * @param account              null for the whole firm.
 * @param before               the trading state before.
 * @param after                the trading state now (HALTED when engaged, NORMAL when released).
 * @param reason               as the operator gave it; kept with the state.
 * @param ordersCanceled       open orders a cancel was sent to the venue for (their Canceled follows
 *                             when the venue confirms); 0 on release.
 * @param ordersAlreadyPending open orders left to a cancel or replace already under way.
 */
public record KillSwitchResult(
    String account, TradingState before, TradingState after, String reason, int ordersCanceled,
    int ordersAlreadyPending)
{
}

package dev.bastion.risk.pretrade;

import static dev.bastion.risk.FixedPointMath.signedNotional;

/** An account's positions valued at the symbols' marks: the day's P&amp;L and the gross exposure. */
final class AccountValuation
{
    private final SymbolBook symbols;

    AccountValuation(final SymbolBook symbols)
    {
        this.symbols = symbols;
    }

    /** The signed notional of the position at its symbol's mark; 0 when flat. */
    long positionNotional(final SymbolExposure exposure)
    {
        return exposure.position == 0 ? 0 : signedNotional(exposure.position, symbols.markPrice(exposure.symbolId));
    }

    /** The day's P&amp;L, realized plus unrealized at the mark, in notional units. */
    long dailyPnl(final AccountRisk account)
    {
        long pnl = account.realizedPnl;
        for (int i = 0; i < account.active; i++)
        {
            final SymbolExposure exposure = account.exposures[i];
            if (exposure.position != 0)
            {
                pnl += exposure.unrealized(symbols.markPrice(exposure.symbolId));
            }
            else
            {
                pnl -= exposure.cost;
            }
        }
        return pnl;
    }

    /** The sum over the account's symbols of the worst-case exposure. */
    long grossExposure(final AccountRisk account)
    {
        long gross = 0;
        for (int i = 0; i < account.active; i++)
        {
            final SymbolExposure exposure = account.exposures[i];
            gross += worstCase(positionNotional(exposure), exposure.openBuyNotional, exposure.openSellNotional);
        }
        return gross;
    }

    /** The exposure in one symbol if all the open orders of one side fill: max(|P + B|, |P - S|). */
    static long worstCase(final long positionNotional, final long openBuys, final long openSells)
    {
        return Math.max(Math.abs(positionNotional + openBuys), Math.abs(positionNotional - openSells));
    }
}

package dev.bastion.oms.portfolio;

import dev.bastion.oms.api.FixedPoint;
import org.agrona.collections.IntArrayList;

import static dev.bastion.oms.portfolio.Portfolio.NO_ID;

/**
 * Values positions and accounts from the committed copy: a position at its symbol's last mark, or at cost
 * while the symbol has none. Allocation-free; never touches a map.
 */
final class Valuation
{
    private final PortfolioIds ids;
    private final CommittedState state;

    Valuation(final PortfolioIds ids, final CommittedState state)
    {
        this.ids = ids;
        this.state = state;
    }

    long cash(final int accountId)
    {
        return state.cash(ids.requireAccount(accountId));
    }

    long quantity(final int accountId, final int symbolId)
    {
        final int index = state.index(accountId, symbolId);
        return index == NO_ID ? 0 : state.quantity(index);
    }

    long costBasis(final int accountId, final int symbolId)
    {
        final int index = state.index(accountId, symbolId);
        return index == NO_ID ? 0 : state.costBasis(index);
    }

    long realizedPnl(final int accountId, final int symbolId)
    {
        final int index = state.index(accountId, symbolId);
        return index == NO_ID ? 0 : state.realizedPnl(index);
    }

    long unrealizedPnl(final int accountId, final int symbolId)
    {
        final int index = state.index(accountId, symbolId);
        return index == NO_ID ? 0 : marketValue(index) - state.costBasis(index);
    }

    /** @return the symbol's last mark, or {@link FixedPoint#NONE}. */
    long lastPrice(final int symbolId)
    {
        return ids.isSymbol(symbolId) ? state.mark(symbolId) : FixedPoint.NONE;
    }

    long realizedPnl(final int accountId)
    {
        final IntArrayList indexes = state.positionsOf(ids.requireAccount(accountId));
        long sum = 0;
        for (int i = 0, size = indexes.size(); i < size; i++)
        {
            sum += state.realizedPnl(indexes.getInt(i));
        }
        return sum;
    }

    long unrealizedPnl(final int accountId)
    {
        final IntArrayList indexes = state.positionsOf(ids.requireAccount(accountId));
        long sum = 0;
        for (int i = 0, size = indexes.size(); i < size; i++)
        {
            final int index = indexes.getInt(i);
            sum += marketValue(index) - state.costBasis(index);
        }
        return sum;
    }

    /** Cash plus the market value of every position: the account's equity. */
    long portfolioValue(final int accountId)
    {
        final IntArrayList indexes = state.positionsOf(ids.requireAccount(accountId));
        long sum = state.cash(accountId);
        for (int i = 0, size = indexes.size(); i < size; i++)
        {
            sum += marketValue(indexes.getInt(i));
        }
        return sum;
    }

    long grossExposure(final int accountId)
    {
        final IntArrayList indexes = state.positionsOf(ids.requireAccount(accountId));
        long sum = 0;
        for (int i = 0, size = indexes.size(); i < size; i++)
        {
            sum += Math.abs(marketValue(indexes.getInt(i)));
        }
        return sum;
    }

    long netExposure(final int accountId)
    {
        final IntArrayList indexes = state.positionsOf(ids.requireAccount(accountId));
        long sum = 0;
        for (int i = 0, size = indexes.size(); i < size; i++)
        {
            sum += marketValue(indexes.getInt(i));
        }
        return sum;
    }

    long totalValue()
    {
        long sum = 0;
        for (int accountId = 0; accountId < ids.accountCount(); accountId++)
        {
            sum += portfolioValue(accountId);
        }
        return sum;
    }

    /** The position's value at its symbol's mark, or its cost basis while the symbol is unmarked. */
    long marketValue(final int index)
    {
        final long qty = state.quantity(index);
        if (qty == 0)
        {
            return 0;
        }
        final long mark = state.mark(Cells.low(state.positionKey(index)));
        return mark == FixedPoint.NONE ? state.costBasis(index) : FixedMath.notional(qty, mark);
    }
}

package dev.bastion.oms.portfolio;

import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.Side;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A fill as the OMS hands it to the portfolio, and deterministic streams of them for tests. */
record Fill(long fillId, String account, String symbol, Side side, long qty, long price)
{
    private static final Side[] SIDES = {Side.BUY, Side.SELL, Side.SELL_SHORT, Side.BUY_MINUS};

    FillOutcome applyTo(final Portfolio portfolio)
    {
        return portfolio.applyFill(fillId, portfolio.accountId(account), portfolio.symbolId(symbol), side, qty,
            price, transactTimeNanos());
    }

    FillOutcome applyTo(final ReferencePortfolio reference)
    {
        return reference.apply(fillId, account, symbol, side, qty, price, transactTimeNanos());
    }

    long transactTimeNanos()
    {
        return 1_700_000_000_000_000_000L + fillId * 1_000L;
    }

    /**
     * Buys and sells of similar sizes on a few symbols, so positions grow, shrink, flip and go flat;
     * prices wander around 100 with all eight decimals used.
     */
    static List<Fill> stream(final long seed, final int count, final List<String> accounts, final List<String> symbols)
    {
        final Random random = new Random(seed);
        final List<Fill> fills = new ArrayList<>(count);
        final long[] prices = new long[symbols.size()];
        for (int i = 0; i < prices.length; i++)
        {
            prices[i] = FixedPoint.price(50 + random.nextInt(100));
        }
        for (int i = 0; i < count; i++)
        {
            final int symbol = random.nextInt(symbols.size());
            prices[symbol] = Math.max(FixedPoint.price(1), prices[symbol] + (random.nextInt(2_000_001) - 1_000_000) * 10L
                + random.nextInt(10));
            final long qty = FixedPoint.qty(1 + random.nextInt(500)) + random.nextInt(10_000);
            fills.add(new Fill(i + 1L, accounts.get(random.nextInt(accounts.size())), symbols.get(symbol),
                SIDES[random.nextInt(SIDES.length)], qty, prices[symbol]));
        }
        return fills;
    }
}

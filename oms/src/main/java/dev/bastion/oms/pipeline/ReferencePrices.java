package dev.bastion.oms.pipeline;

import dev.bastion.oms.api.FixedPoint;
import org.agrona.collections.Object2LongHashMap;

import java.util.Map;

/**
 * The last price the OMS knows for each symbol: a configured start-of-day price until the first
 * fill, then the last fill price any venue reported. Until a market data feed comes in, this is
 * the reference price of the risk checks (collar, stop through the market, the notional of a
 * market order) and the price Kelly sizes a market order at. Business thread only.
 */
final class ReferencePrices
{
    private final Object2LongHashMap<String> bySymbol = new Object2LongHashMap<>(FixedPoint.NONE);

    ReferencePrices(final Map<String, Long> initial)
    {
        bySymbol.putAll(initial);
    }

    /** @return the price, or {@link FixedPoint#NONE} when the symbol has none yet. */
    long price(final String symbol)
    {
        return bySymbol.getValue(symbol);
    }

    void onTrade(final String symbol, final long price)
    {
        if (price > 0)
        {
            bySymbol.put(symbol, price);
        }
    }

    Map<String, Long> snapshot()
    {
        return Map.copyOf(bySymbol);
    }
}

package dev.bastion.risk.pretrade;

import java.util.Arrays;

import static dev.bastion.risk.FixedPointMath.NONE;

/**
 * What the checks know of each symbol, by a dense id given on first sight: its market prices (last trade,
 * bid and ask, last fill), its tick size, its sector and whether the firm restricts it. The arrays grow only
 * when a new symbol outgrows them, so reading a known symbol allocates nothing.
 */
final class SymbolBook
{
    static final int NO_SECTOR = -1;

    private final boolean referenceIsMid;
    private final long defaultTickSize;
    private final CharSequenceIds ids;
    private final CharSequenceIds sectorNames = new CharSequenceIds(16);
    private long[] lastPrices;
    private long[] bids;
    private long[] asks;
    private long[] lastFillPrices;
    private long[] tickSizes;
    private int[] sectorIds;
    private boolean[] firmRestricted;

    SymbolBook(final PreTradeConfiguration configuration)
    {
        referenceIsMid = configuration.referencePriceSource() == ReferencePriceSource.MID;
        defaultTickSize = configuration.defaultTickSizePrice();
        ids = new CharSequenceIds(configuration.expectedSymbols());
        final int capacity = Math.max(16, configuration.expectedSymbols());
        lastPrices = filled(new long[capacity], 0);
        bids = filled(new long[capacity], 0);
        asks = filled(new long[capacity], 0);
        lastFillPrices = filled(new long[capacity], 0);
        tickSizes = new long[capacity];
        Arrays.fill(tickSizes, defaultTickSize);
        sectorIds = new int[capacity];
        Arrays.fill(sectorIds, NO_SECTOR);
        firmRestricted = new boolean[capacity];

        // the id first: giving one may grow the arrays, and a[f()] = v would write to the old array
        for (final String symbol : configuration.restrictedSymbols())
        {
            final int id = id(symbol);
            firmRestricted[id] = true;
        }
        configuration.sectors().forEach((symbol, sector) ->
        {
            final int id = id(symbol);
            sectorIds[id] = sectorNames.intern(sector);
        });
        configuration.tickSizePrices().forEach((symbol, tick) ->
        {
            final int id = id(symbol);
            tickSizes[id] = tick;
        });
    }

    /** @return the symbol's id, given now if the symbol is new. */
    int id(final CharSequence symbolName)
    {
        final int existing = ids.get(symbolName);
        if (existing >= 0)
        {
            return existing;
        }
        final int id = ids.intern(symbolName);
        if (id >= lastPrices.length)
        {
            grow(lastPrices.length * 2);
        }
        return id;
    }

    /** @return the symbol's id, or a negative number for a symbol never seen. */
    int find(final CharSequence symbolName)
    {
        return ids.get(symbolName);
    }

    /** The last trade price, or the mid of bid and ask when so configured and both are there; else NONE. */
    long referencePrice(final int symbol)
    {
        if (referenceIsMid)
        {
            final long bid = bids[symbol];
            final long ask = asks[symbol];
            if (bid != NONE && ask != NONE)
            {
                return (bid >> 1) + (ask >> 1) + (bid & ask & 1);
            }
        }
        return lastPrices[symbol];
    }

    /** The reference price, else the last fill price seen: what positions are valued at. */
    long markPrice(final int symbol)
    {
        final long reference = referencePrice(symbol);
        return reference != NONE ? reference : lastFillPrices[symbol];
    }

    void onMarketPrice(final int symbol, final long lastPrice)
    {
        lastPrices[symbol] = lastPrice > 0 ? lastPrice : NONE;
    }

    void onQuote(final int symbol, final long bid, final long ask)
    {
        bids[symbol] = bid > 0 ? bid : NONE;
        asks[symbol] = ask > 0 ? ask : NONE;
    }

    void onFillPrice(final int symbol, final long price)
    {
        lastFillPrices[symbol] = price;
    }

    long tickSize(final int symbol)
    {
        return tickSizes[symbol];
    }

    /** @return the symbol's sector id, or {@link #NO_SECTOR}. */
    int sector(final int symbol)
    {
        return sectorIds[symbol];
    }

    String sectorName(final int sector)
    {
        return sectorNames.name(sector);
    }

    boolean isFirmRestricted(final int symbol)
    {
        return firmRestricted[symbol];
    }

    private void grow(final int capacity)
    {
        final int old = lastPrices.length;
        lastPrices = filled(Arrays.copyOf(lastPrices, capacity), old);
        bids = filled(Arrays.copyOf(bids, capacity), old);
        asks = filled(Arrays.copyOf(asks, capacity), old);
        lastFillPrices = filled(Arrays.copyOf(lastFillPrices, capacity), old);
        tickSizes = Arrays.copyOf(tickSizes, capacity);
        Arrays.fill(tickSizes, old, capacity, defaultTickSize);
        sectorIds = Arrays.copyOf(sectorIds, capacity);
        Arrays.fill(sectorIds, old, capacity, NO_SECTOR);
        firmRestricted = Arrays.copyOf(firmRestricted, capacity);
    }

    private static long[] filled(final long[] prices, final int from)
    {
        Arrays.fill(prices, from, prices.length, NONE);
        return prices;
    }
}

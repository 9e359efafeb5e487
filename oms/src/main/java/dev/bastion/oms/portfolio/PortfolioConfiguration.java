package dev.bastion.oms.portfolio;

import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.SystemEpochClock;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of a {@link Portfolio}, with defaults; {@link #conclude()} validates them once at start.
 *
 * <p>The sizes are those the map and trade log files are created with. Chronicle Map grows a map up to
 * {@link #maxBloatFactor()} times its declared entries, then refuses inserts. A directory that exists
 * keeps the sizes and the inline lot capacity it was created with (they are in its
 * {@code portfolio.layout}); changing them here affects new directories only.
 */
public final class PortfolioConfiguration
{
    private Path directory;
    private int inlineLots = 32;
    private long maxPositions = 20_000;
    private long maxAccounts = 1_000;
    private long maxSymbols = 20_000;
    private long maxOverflowLots = 100_000;
    private long tradeLogSegmentRecords = 1L << 20;
    private long maxEquitySamples = 100_000;
    private double maxBloatFactor = 4.0;
    private long defaultInitialCash;
    private final Map<String, Long> initialCash = new LinkedHashMap<>();
    private EpochClock clock = SystemEpochClock.INSTANCE;
    private boolean concluded;

    /** The data directory the portfolio's map files live in (created when absent). Required. */
    public PortfolioConfiguration directory(final Path directory)
    {
        this.directory = directory;
        return this;
    }

    public Path directory()
    {
        return directory;
    }

    /**
     * Lots kept inside each position's entry. A position with more open lots at once keeps the newer
     * ones in {@code overflow-lots.cm} until it is next flat: still exact FIFO, a few hundred
     * nanoseconds slower per fill. 32 lots is 512 bytes of the ~670-byte entry.
     */
    public PortfolioConfiguration inlineLots(final int inlineLots)
    {
        this.inlineLots = inlineLots;
        return this;
    }

    public int inlineLots()
    {
        return inlineLots;
    }

    public PortfolioConfiguration maxPositions(final long maxPositions)
    {
        this.maxPositions = maxPositions;
        return this;
    }

    public long maxPositions()
    {
        return maxPositions;
    }

    public PortfolioConfiguration maxAccounts(final long maxAccounts)
    {
        this.maxAccounts = maxAccounts;
        return this;
    }

    public long maxAccounts()
    {
        return maxAccounts;
    }

    public PortfolioConfiguration maxSymbols(final long maxSymbols)
    {
        this.maxSymbols = maxSymbols;
        return this;
    }

    public long maxSymbols()
    {
        return maxSymbols;
    }

    public PortfolioConfiguration maxOverflowLots(final long maxOverflowLots)
    {
        this.maxOverflowLots = maxOverflowLots;
        return this;
    }

    public long maxOverflowLots()
    {
        return maxOverflowLots;
    }

    /**
     * Trade P&amp;L records (one per closing fill, 64 bytes) per file of the trade log: a full file is
     * followed by the next. The default, 2^20, makes 64 MB files.
     */
    public PortfolioConfiguration tradeLogSegmentRecords(final long tradeLogSegmentRecords)
    {
        this.tradeLogSegmentRecords = tradeLogSegmentRecords;
        return this;
    }

    public long tradeLogSegmentRecords()
    {
        return tradeLogSegmentRecords;
    }

    /** Daily equity samples over all accounts: 1,000 accounts for 100 days, or 10 for 27 years. */
    public PortfolioConfiguration maxEquitySamples(final long maxEquitySamples)
    {
        this.maxEquitySamples = maxEquitySamples;
        return this;
    }

    public long maxEquitySamples()
    {
        return maxEquitySamples;
    }

    public PortfolioConfiguration maxBloatFactor(final double maxBloatFactor)
    {
        this.maxBloatFactor = maxBloatFactor;
        return this;
    }

    public double maxBloatFactor()
    {
        return maxBloatFactor;
    }

    /** Cash (money scale 1e8) an account not named in {@link #initialCash(String, long)} starts with. */
    public PortfolioConfiguration defaultInitialCash(final long money)
    {
        this.defaultInitialCash = money;
        return this;
    }

    public long defaultInitialCash()
    {
        return defaultInitialCash;
    }

    /**
     * Cash (money scale 1e8) the account starts with when the portfolio first sees it. Accounts
     * named here are created when the portfolio opens. An account that exists keeps its booked cash.
     */
    public PortfolioConfiguration initialCash(final String account, final long money)
    {
        initialCash.put(account, money);
        return this;
    }

    public Map<String, Long> initialCash()
    {
        return Collections.unmodifiableMap(initialCash);
    }

    public long initialCash(final String account)
    {
        return initialCash.getOrDefault(account, defaultInitialCash);
    }

    /** Wall clock in epoch milliseconds: its UTC days delimit the equity curve's samples. */
    public PortfolioConfiguration clock(final EpochClock clock)
    {
        this.clock = clock;
        return this;
    }

    public EpochClock clock()
    {
        return clock;
    }

    /** Checks every setting once; the portfolio reads only concluded values. */
    public PortfolioConfiguration conclude()
    {
        if (concluded)
        {
            return this;
        }
        if (directory == null)
        {
            throw new IllegalArgumentException("portfolio directory is required");
        }
        if (inlineLots < 1 || inlineLots > 4096)
        {
            throw new IllegalArgumentException("inlineLots must be 1..4096, was " + inlineLots);
        }
        requirePositive("maxPositions", maxPositions);
        requirePositive("maxAccounts", maxAccounts);
        requirePositive("maxSymbols", maxSymbols);
        requirePositive("maxOverflowLots", maxOverflowLots);
        if (tradeLogSegmentRecords < 1 || tradeLogSegmentRecords > TradeLog.MAX_SEGMENT_RECORDS)
        {
            throw new IllegalArgumentException("tradeLogSegmentRecords must be 1.." + TradeLog.MAX_SEGMENT_RECORDS
                + ", was " + tradeLogSegmentRecords);
        }
        requirePositive("maxEquitySamples", maxEquitySamples);
        if (!(maxBloatFactor >= 1.0 && maxBloatFactor <= 1000.0))
        {
            throw new IllegalArgumentException("maxBloatFactor must be 1..1000, was " + maxBloatFactor);
        }
        if (clock == null)
        {
            throw new IllegalArgumentException("portfolio clock is required");
        }
        for (final String account : initialCash.keySet())
        {
            if (account == null || account.isEmpty())
            {
                throw new IllegalArgumentException("initial cash given for an empty account name");
            }
        }
        concluded = true;
        return this;
    }

    private static void requirePositive(final String name, final long value)
    {
        if (value <= 0)
        {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}

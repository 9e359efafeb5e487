package dev.bastion.risk.pretrade;

import dev.bastion.risk.FixedPointMath;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Everything the pre-trade checks are configured with, in the style of Aeron's {@code Context}: each setting
 * has a default from the issue or from common broker practice, setters are fluent, and {@link #conclude()}
 * validates once, at start, with a message naming the setting. The checker only ever sees concluded values.
 */
public final class PreTradeConfiguration
{
    public static final double DEFAULT_PRICE_COLLAR_PERCENT = 5.0;
    public static final double DEFAULT_TICK_SIZE = 0.01;
    public static final double DEFAULT_SOFT_BRAKE_SCALE = 0.5;
    public static final double DEFAULT_WARNING_THRESHOLD = 0.80;
    public static final int DEFAULT_CL_ORD_ID_HISTORY = 16_384;

    private final RiskLimits limits = new RiskLimits();
    private final Map<String, Consumer<RiskLimits>> accountOverrides = new LinkedHashMap<>();
    private final Set<String> restrictedSymbols = new TreeSet<>();
    private final Map<String, String> sectors = new LinkedHashMap<>();
    private final Map<String, Double> tickSizes = new LinkedHashMap<>();
    private boolean allowUnknownAccounts = true;
    private ReferencePriceSource referencePriceSource = ReferencePriceSource.LAST;
    private NoReferencePricePolicy noReferencePricePolicy = NoReferencePricePolicy.REJECT;
    private double priceCollarPercent = DEFAULT_PRICE_COLLAR_PERCENT;
    private int priceCollarTicks;
    private double defaultTickSize = DEFAULT_TICK_SIZE;
    private double softBrakeScale = DEFAULT_SOFT_BRAKE_SCALE;
    private double warningThreshold = DEFAULT_WARNING_THRESHOLD;
    private int clOrdIdHistory = DEFAULT_CL_ORD_ID_HISTORY;
    private int expectedAccounts = 64;
    private int expectedSymbols = 1024;
    private int expectedOpenOrders = 16_384;
    private EpochNanoClock clock;
    private TradingStateListener stateListener = TradingStateListener.NO_OP;

    private boolean concluded;
    private AccountLimits defaultAccountLimits;
    private Map<String, AccountLimits> accountLimits;
    private long priceCollarPpm;
    private long defaultTickSizePrice;
    private Map<String, Long> tickSizePrices;
    private long softBrakeScalePpm;
    private long warningThresholdPpm;

    /** The limits of every account without an override; change them in place. */
    public RiskLimits limits()
    {
        return limits;
    }

    /**
     * Limits for one account: the defaults of {@link #limits()} (as they stand at {@link #conclude()}), then
     * the given changes. A configured account is always known, even when unknown accounts are refused.
     */
    public PreTradeConfiguration account(final String account, final Consumer<RiskLimits> overrides)
    {
        accountOverrides.merge(account, overrides, Consumer::andThen);
        return this;
    }

    /** Whether an account that is not configured trades with the default limits (true) or is refused. */
    public PreTradeConfiguration allowUnknownAccounts(final boolean allow)
    {
        this.allowUnknownAccounts = allow;
        return this;
    }

    public boolean allowUnknownAccounts()
    {
        return allowUnknownAccounts;
    }

    /** Symbols no account may trade (the firm's restricted list). */
    public PreTradeConfiguration restrictSymbols(final Collection<String> symbols)
    {
        restrictedSymbols.addAll(symbols);
        return this;
    }

    public PreTradeConfiguration restrictSymbol(final String symbol)
    {
        restrictedSymbols.add(symbol);
        return this;
    }

    public Set<String> restrictedSymbols()
    {
        return Collections.unmodifiableSet(restrictedSymbols);
    }

    /** The sector of a symbol, for the sector exposure limit; symbols without one are not sector-limited. */
    public PreTradeConfiguration sector(final String symbol, final String sector)
    {
        sectors.put(symbol, sector);
        return this;
    }

    public Map<String, String> sectors()
    {
        return Collections.unmodifiableMap(sectors);
    }

    /** The tick size of a symbol, for a price collar in ticks. */
    public PreTradeConfiguration tickSize(final String symbol, final double tickSize)
    {
        tickSizes.put(symbol, tickSize);
        return this;
    }

    /** The tick size of symbols without their own. */
    public PreTradeConfiguration defaultTickSize(final double tickSize)
    {
        this.defaultTickSize = tickSize;
        return this;
    }

    public PreTradeConfiguration referencePriceSource(final ReferencePriceSource source)
    {
        this.referencePriceSource = source;
        return this;
    }

    public ReferencePriceSource referencePriceSource()
    {
        return referencePriceSource;
    }

    public PreTradeConfiguration noReferencePricePolicy(final NoReferencePricePolicy policy)
    {
        this.noReferencePricePolicy = policy;
        return this;
    }

    public NoReferencePricePolicy noReferencePricePolicy()
    {
        return noReferencePricePolicy;
    }

    /** A limit price may differ from the reference price by at most this percentage (clears a collar in ticks). */
    public PreTradeConfiguration priceCollarPercent(final double percent)
    {
        this.priceCollarPercent = percent;
        this.priceCollarTicks = 0;
        return this;
    }

    /** A limit price may differ from the reference price by at most this many ticks (replaces the percentage). */
    public PreTradeConfiguration priceCollarTicks(final int ticks)
    {
        this.priceCollarTicks = ticks;
        this.priceCollarPercent = 0;
        return this;
    }

    /** The factor order size limits (and sizes) are multiplied by in {@link TradingState#SOFT_BRAKE}. */
    public PreTradeConfiguration softBrakeScale(final double scale)
    {
        this.softBrakeScale = scale;
        return this;
    }

    /** The fraction of a limit above which an accepted order carries a warning (0.80: above 80% used). */
    public PreTradeConfiguration warningThreshold(final double fraction)
    {
        this.warningThreshold = fraction;
        return this;
    }

    /**
     * How many recent ClOrdIDs (firm-wide) the duplicate check remembers; the oldest is forgotten first. The
     * default, 16,384, covers minutes of a busy firm's flow, where resent and replayed orders turn up. The
     * OMS's order book stays the authority for uniqueness over the whole day; this bound keeps the check's
     * memory (64 bytes an id) and time constant.
     */
    public PreTradeConfiguration clOrdIdHistory(final int size)
    {
        this.clOrdIdHistory = size;
        return this;
    }

    /** Sizes the tables so the first accounts, symbols and open orders do not grow them on the order path. */
    public PreTradeConfiguration expectedSizes(final int accounts, final int symbols, final int openOrders)
    {
        this.expectedAccounts = accounts;
        this.expectedSymbols = symbols;
        this.expectedOpenOrders = openOrders;
        return this;
    }

    /** The clock of rate windows and state changes; the system clock unless a test or a replay sets one. */
    public PreTradeConfiguration clock(final EpochNanoClock clock)
    {
        this.clock = clock;
        return this;
    }

    public EpochNanoClock clock()
    {
        return clock;
    }

    public PreTradeConfiguration stateListener(final TradingStateListener listener)
    {
        this.stateListener = listener;
        return this;
    }

    public TradingStateListener stateListener()
    {
        return stateListener;
    }

    /**
     * Validates every setting and computes the fixed-point values the checks use.
     *
     * @throws IllegalArgumentException naming the first bad setting.
     */
    public PreTradeConfiguration conclude()
    {
        if (concluded)
        {
            throw new IllegalStateException("already concluded");
        }
        defaultAccountLimits = new AccountLimits(null, limits);
        final Map<String, AccountLimits> byAccount = new LinkedHashMap<>();
        accountOverrides.forEach((account, overrides) ->
        {
            if (account == null || account.isEmpty())
            {
                throw new IllegalArgumentException("account: the name of an account with its own limits is empty");
            }
            final RiskLimits own = limits.copy();
            overrides.accept(own);
            byAccount.put(account, new AccountLimits(account, own));
        });
        accountLimits = Collections.unmodifiableMap(byAccount);

        if (priceCollarTicks < 0)
        {
            throw new IllegalArgumentException("priceCollarTicks must be positive, was " + priceCollarTicks);
        }
        if (priceCollarTicks == 0 && (!(priceCollarPercent > 0) || priceCollarPercent > 100))
        {
            throw new IllegalArgumentException("priceCollarPercent must be above 0 and at most 100, was " +
                priceCollarPercent);
        }
        priceCollarPpm = Math.round(priceCollarPercent / 100.0 * FixedPointMath.PPM);
        defaultTickSizePrice = tick("defaultTickSize", defaultTickSize);
        final Map<String, Long> ticks = new LinkedHashMap<>();
        tickSizes.forEach((symbol, size) -> ticks.put(symbol, tick("tickSize." + symbol, size)));
        tickSizePrices = Collections.unmodifiableMap(ticks);
        softBrakeScalePpm = fraction("softBrakeScale", softBrakeScale);
        warningThresholdPpm = fraction("warningThreshold", warningThreshold);
        if (clOrdIdHistory <= 0)
        {
            throw new IllegalArgumentException("clOrdIdHistory must be positive, was " + clOrdIdHistory);
        }
        if (expectedAccounts <= 0 || expectedSymbols <= 0 || expectedOpenOrders <= 0)
        {
            throw new IllegalArgumentException("expectedSizes must be positive, were " + expectedAccounts + ", " +
                expectedSymbols + ", " + expectedOpenOrders);
        }
        for (final Map.Entry<String, String> sector : sectors.entrySet())
        {
            if (sector.getValue() == null || sector.getValue().isEmpty())
            {
                throw new IllegalArgumentException("sector." + sector.getKey() + " is empty");
            }
        }
        if (referencePriceSource == null || noReferencePricePolicy == null)
        {
            throw new IllegalArgumentException(referencePriceSource == null ? "referencePriceSource is not set" :
                "noReferencePricePolicy is not set");
        }
        if (clock == null)
        {
            clock = new SystemEpochNanoClock();
        }
        if (stateListener == null)
        {
            stateListener = TradingStateListener.NO_OP;
        }
        concluded = true;
        return this;
    }

    private static long tick(final String name, final double size)
    {
        if (!(size > 0) || !Double.isFinite(size) || FixedPointMath.toPrice(size) <= 0)
        {
            throw new IllegalArgumentException(name + " must be a positive price (at least 1e-8), was " + size);
        }
        return FixedPointMath.toPrice(size);
    }

    private static long fraction(final String name, final double value)
    {
        if (!(value > 0) || value > 1)
        {
            throw new IllegalArgumentException(name + " must be above 0 and at most 1, was " + value);
        }
        return Math.round(value * FixedPointMath.PPM);
    }

    /** The checker's collaborators read settings in any order: it asks first, so the error is always this one. */
    void requireConcluded()
    {
        if (!concluded)
        {
            throw new IllegalStateException("conclude() the configuration before use");
        }
    }

    AccountLimits defaultAccountLimits()
    {
        requireConcluded();
        return defaultAccountLimits;
    }

    Map<String, AccountLimits> accountLimits()
    {
        requireConcluded();
        return accountLimits;
    }

    /** The collar in ppm of the reference price, or 0 when the collar is in ticks. */
    long priceCollarPpm()
    {
        return priceCollarTicks > 0 ? 0 : priceCollarPpm;
    }

    int priceCollarTicks()
    {
        return priceCollarTicks;
    }

    long defaultTickSizePrice()
    {
        return defaultTickSizePrice;
    }

    Map<String, Long> tickSizePrices()
    {
        return tickSizePrices;
    }

    long softBrakeScalePpm()
    {
        return softBrakeScalePpm;
    }

    long warningThresholdPpm()
    {
        return warningThresholdPpm;
    }

    int clOrdIdHistorySize()
    {
        return clOrdIdHistory;
    }

    int expectedAccounts()
    {
        return expectedAccounts;
    }

    int expectedSymbols()
    {
        return expectedSymbols;
    }

    int expectedOpenOrders()
    {
        return expectedOpenOrders;
    }
}

package dev.bastion.oms.pipeline;

import dev.bastion.oms.order.OrderStateMachine;
import dev.bastion.oms.portfolio.PortfolioConfiguration;
import dev.bastion.oms.recon.ReconciliationConfiguration;
import dev.bastion.oms.route.Router;
import dev.bastion.oms.venue.VenueAdapter;
import dev.bastion.oms.venue.VenueListener;
import dev.bastion.risk.FixedPointMath;
import dev.bastion.risk.pretrade.PreTradeChecker;
import dev.bastion.risk.pretrade.PreTradeConfiguration;
import dev.bastion.risk.sizing.KellyConfiguration;
import dev.bastion.risk.sizing.KellySizer;
import org.agrona.collections.Object2LongHashMap;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Everything one {@link OrderPipeline} is built from, in the style of Aeron's {@code Context}: each
 * setting has a default, setters are fluent, and {@link #conclude()} validates once, at start, with
 * a message naming the setting. Only {@link #router} has no default.
 *
 * <p>Risk: the checks are the risk engine's, configured by {@link #preTradeConfiguration()} (not yet
 * concluded: the pipeline gives it its business clock), Kelly sizing by {@link #kellyConfiguration()}
 * with the capital of each account ({@link #capital}); a test may put its own
 * {@link #preTradeCheck}/{@link #positionSizer} instead.
 */
public final class OmsConfiguration
{
    public static final int DEFAULT_RING_SIZE = 1 << 14;
    /**
     * BLOCKING, from the pipeline benchmarks on the 2-core machine ({@code dev.bastion.bench.pipeline}):
     * throughput does not tell the three apart (about 320,000-360,000 orders/s each, within the noise);
     * idle cost and wake-up do. The business thread idle: BLOCKING 0 % of a core, SLEEPING 10 %,
     * YIELDING 99 % (a whole core taken from Artio and QuickFIX/J). One order after idle, publish to
     * venue send, median: BLOCKING 10-40 µs, SLEEPING 56-145 µs (its 100 µs sleeps), YIELDING 5-13 µs
     * when it has a core to itself but milliseconds once the cores are busy. BLOCKING costs nothing
     * idle and wakes in tens of microseconds.
     */
    public static final WaitStrategyChoice DEFAULT_WAIT_STRATEGY = WaitStrategyChoice.BLOCKING;
    public static final Duration DEFAULT_TIMER_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_OVERFLOW_WAIT = Duration.ofMillis(1);
    /** Entries the order store is created with (it grows to four times that). */
    public static final long DEFAULT_MAX_ORDERS = 200_000;

    private int ringSize = DEFAULT_RING_SIZE;
    private WaitStrategyChoice waitStrategy = DEFAULT_WAIT_STRATEGY;
    private Duration timerInterval = DEFAULT_TIMER_INTERVAL;
    private Duration overflowWait = DEFAULT_OVERFLOW_WAIT;
    private EpochNanoClock clock = new SystemEpochNanoClock();
    private Function<VenueListener, List<VenueAdapter>> venues = listener -> List.of();
    private Router router;
    private final PreTradeConfiguration preTradeConfiguration = new PreTradeConfiguration();
    private final KellyConfiguration kellyConfiguration = new KellyConfiguration();
    private final Map<String, Double> capitalByAccount = new LinkedHashMap<>();
    private final Map<String, Double> referencePrices = new LinkedHashMap<>();
    private LocalTime tradingDayStart;
    private PreTradeCheck preTradeCheck;
    private PositionSizer positionSizer;
    private int doneOrdersRemembered = OrderStateMachine.DEFAULT_DONE_ORDERS_REMEMBERED;
    private final List<TimerListener> timerListeners = new ArrayList<>();
    private Path dataDirectory;
    private long maxOrders = DEFAULT_MAX_ORDERS;
    private final ReconciliationConfiguration reconciliationConfiguration = new ReconciliationConfiguration();
    private final PortfolioConfiguration portfolioConfiguration = new PortfolioConfiguration();

    private boolean concluded;
    private BusinessClock businessClock;
    private ReferencePrices concludedReferencePrices;

    /** Slots of the inbound ring, a power of two. */
    public OmsConfiguration ringSize(final int ringSize)
    {
        this.ringSize = ringSize;
        return this;
    }

    public int ringSize()
    {
        return ringSize;
    }

    public OmsConfiguration waitStrategy(final WaitStrategyChoice waitStrategy)
    {
        this.waitStrategy = waitStrategy;
        return this;
    }

    public WaitStrategyChoice waitStrategy()
    {
        return waitStrategy;
    }

    /** How often the timer publishes a tick onto the ring. */
    public OmsConfiguration timerInterval(final Duration timerInterval)
    {
        this.timerInterval = timerInterval;
        return this;
    }

    public Duration timerInterval()
    {
        return timerInterval;
    }

    /** How long a venue or session thread waits for a ring slot before its event goes to the overflow queue. */
    public OmsConfiguration overflowWait(final Duration overflowWait)
    {
        this.overflowWait = overflowWait;
        return this;
    }

    public Duration overflowWait()
    {
        return overflowWait;
    }

    /** The clock events are stamped with when published; the system clock unless a test or a replay sets one. */
    public OmsConfiguration clock(final EpochNanoClock clock)
    {
        this.clock = clock;
        return this;
    }

    public EpochNanoClock clock()
    {
        return clock;
    }

    /** Builds the venue adapters given the listener they report to, e.g. {@code FixVenues.adapters(definitions)}. */
    public OmsConfiguration venues(final Function<VenueListener, List<VenueAdapter>> venues)
    {
        this.venues = venues;
        return this;
    }

    public Function<VenueListener, List<VenueAdapter>> venues()
    {
        return venues;
    }

    public OmsConfiguration router(final Router router)
    {
        this.router = router;
        return this;
    }

    public Router router()
    {
        return router;
    }

    /** The risk engine's settings; change them in place before {@link #conclude()}. */
    public PreTradeConfiguration preTradeConfiguration()
    {
        return preTradeConfiguration;
    }

    /** Kelly sizing's settings; change them in place before {@link #conclude()}. */
    public KellyConfiguration kellyConfiguration()
    {
        return kellyConfiguration;
    }

    /**
     * The capital Kelly sizes an account's orders against, in currency units; accounts without
     * their own use the risk limits' capital.
     */
    public OmsConfiguration capital(final String account, final double capital)
    {
        capitalByAccount.put(account, capital);
        return this;
    }

    /** A symbol's reference price until its first fill (start-of-day price, e.g. yesterday's close). */
    public OmsConfiguration referencePrice(final String symbol, final double price)
    {
        referencePrices.put(symbol, price);
        return this;
    }

    public Map<String, Double> referencePrices()
    {
        return Map.copyOf(referencePrices);
    }

    /** UTC time of day at which the risk checks start a new trading day; null (the default): never. */
    public OmsConfiguration tradingDayStart(final LocalTime tradingDayStart)
    {
        this.tradingDayStart = tradingDayStart;
        return this;
    }

    public LocalTime tradingDayStart()
    {
        return tradingDayStart;
    }

    /** Replaces the risk engine's checks (tests, benchmarks). */
    public OmsConfiguration preTradeCheck(final PreTradeCheck preTradeCheck)
    {
        this.preTradeCheck = preTradeCheck;
        return this;
    }

    /** Replaces Kelly sizing (tests, benchmarks). */
    public OmsConfiguration positionSizer(final PositionSizer positionSizer)
    {
        this.positionSizer = positionSizer;
        return this;
    }

    /** How many done orders keep their execution history for busts and corrections. */
    public OmsConfiguration doneOrdersRemembered(final int doneOrdersRemembered)
    {
        this.doneOrdersRemembered = doneOrdersRemembered;
        return this;
    }

    public int doneOrdersRemembered()
    {
        return doneOrdersRemembered;
    }

    /** Adds work done on the business thread at each timer tick (issue 5: the portfolio's clock). */
    public OmsConfiguration timerListener(final TimerListener listener)
    {
        timerListeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    public List<TimerListener> timerListeners()
    {
        return List.copyOf(timerListeners);
    }

    /**
     * Where the OMS keeps its orders ({@code orders/}) and portfolio ({@code portfolio/}) so that a
     * restart recovers them; null (the default): nothing is kept, a restart starts empty.
     */
    public OmsConfiguration dataDirectory(final Path dataDirectory)
    {
        this.dataDirectory = dataDirectory;
        return this;
    }

    public Path dataDirectory()
    {
        return dataDirectory;
    }

    /** Entries the order store is created with; done orders stay a day, open ones until done. */
    public OmsConfiguration maxOrders(final long maxOrders)
    {
        this.maxOrders = maxOrders;
        return this;
    }

    public long maxOrders()
    {
        return maxOrders;
    }

    /** Fill reconciliation's settings; change them in place before {@link #conclude()}. */
    public ReconciliationConfiguration reconciliationConfiguration()
    {
        return reconciliationConfiguration;
    }

    /**
     * The portfolio's settings (its directory is {@code <dataDirectory>/portfolio}); an account's
     * initial cash defaults to its risk capital.
     */
    public PortfolioConfiguration portfolioConfiguration()
    {
        return portfolioConfiguration;
    }

    /**
     * Validates every setting and builds the risk stages.
     *
     * @throws IllegalArgumentException naming the first bad setting.
     */
    public OmsConfiguration conclude()
    {
        if (concluded)
        {
            return this;
        }
        if (ringSize < 4 || Integer.bitCount(ringSize) != 1)
        {
            throw new IllegalArgumentException("ringSize must be a power of two, at least 4, was " + ringSize);
        }
        Objects.requireNonNull(waitStrategy, "waitStrategy");
        if (timerInterval == null || timerInterval.isNegative() || timerInterval.isZero())
        {
            throw new IllegalArgumentException("timerInterval must be positive, was " + timerInterval);
        }
        if (overflowWait == null || overflowWait.isNegative())
        {
            throw new IllegalArgumentException("overflowWait must not be negative, was " + overflowWait);
        }
        if (router == null)
        {
            throw new IllegalArgumentException("router is not set (routing: defaultVenue)");
        }
        if (doneOrdersRemembered < 1)
        {
            throw new IllegalArgumentException("doneOrdersRemembered must be positive, was " + doneOrdersRemembered);
        }
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(venues, "venues");
        reconciliationConfiguration.conclude();
        if (maxOrders < 1)
        {
            throw new IllegalArgumentException("maxOrders must be positive, was " + maxOrders);
        }
        if (dataDirectory != null && portfolioConfiguration.defaultInitialCash() == 0)
        {
            // The portfolio's cash starts at the capital the risk limits give each account.
            portfolioConfiguration.defaultInitialCash(Math.round(preTradeConfiguration.limits().capital() * 1e8));
            capitalByAccount.forEach((account, capital) ->
                portfolioConfiguration.initialCash(account, Math.round(capital * 1e8)));
        }
        final Map<String, Long> prices = new LinkedHashMap<>();
        referencePrices.forEach((symbol, price) ->
        {
            if (!(price > 0) || !Double.isFinite(price))
            {
                throw new IllegalArgumentException("referencePrices." + symbol + " must be a positive price, was " +
                    price);
            }
            prices.put(symbol, FixedPointMath.toPrice(price));
        });
        capitalByAccount.forEach((account, capital) ->
        {
            if (!(capital > 0) || !Double.isFinite(capital))
            {
                throw new IllegalArgumentException("capital of account " + account + " must be positive, was " +
                    capital);
            }
        });
        businessClock = new BusinessClock(clock.nanoTime());
        concludedReferencePrices = new ReferencePrices(prices);
        if (preTradeCheck == null)
        {
            if (preTradeConfiguration.clock() == null)
            {
                preTradeConfiguration.clock(businessClock);
            }
            preTradeConfiguration.conclude();
            preTradeCheck = new RiskEngineCheck(new PreTradeChecker(preTradeConfiguration), concludedReferencePrices,
                tradingDayStart, businessClock.nanoTime());
        }
        if (positionSizer == null)
        {
            kellyConfiguration.conclude();
            final Object2LongHashMap<String> capital = new Object2LongHashMap<>(Long.MIN_VALUE);
            capitalByAccount.forEach((account, value) -> capital.put(account, FixedPointMath.toNotional(value)));
            positionSizer = new KellyPositionSizer(new KellySizer(kellyConfiguration),
                FixedPointMath.toNotional(preTradeConfiguration.limits().capital()), capital,
                preTradeCheck instanceof RiskEngineCheck ? (RiskEngineCheck)preTradeCheck : null,
                concludedReferencePrices);
        }
        concluded = true;
        return this;
    }

    /** The pre-trade stage: the risk engine's checks unless replaced; available after {@link #conclude()}. */
    public PreTradeCheck preTradeCheck()
    {
        return preTradeCheck;
    }

    public PositionSizer positionSizer()
    {
        return positionSizer;
    }

    ReferencePrices concludedReferencePrices()
    {
        requireConcluded();
        return concludedReferencePrices;
    }

    BusinessClock businessClock()
    {
        requireConcluded();
        return businessClock;
    }

    private void requireConcluded()
    {
        if (!concluded)
        {
            throw new IllegalStateException("conclude() the OMS configuration before building the pipeline");
        }
    }
}

package dev.bastion.bench.risk;

import dev.bastion.risk.FixedPointMath;
import dev.bastion.risk.pretrade.CheckResult;
import dev.bastion.risk.pretrade.OrderTerms;
import dev.bastion.risk.pretrade.PreTradeChecker;
import dev.bastion.risk.pretrade.PreTradeConfiguration;
import org.agrona.concurrent.EpochNanoClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static dev.bastion.risk.FixedPointMath.toPrice;
import static dev.bastion.risk.FixedPointMath.toQty;

/**
 * The full set of pre-trade checks on the hit path: an account with five positions in two sectors and three
 * working orders, a limit order that passes every check without a warning, a fresh ClOrdID each time. The
 * clock moves so that {@code recentOrders} earlier orders, all with different terms, are always inside the
 * 1 s rate and duplicate windows (the load generator's 5,000 orders a second keeps 5,000 there); the rate
 * limits are set high enough that none warns. The order object is reused, as the OMS reuses its ring events.
 * Teardown fails the run if any order was not a clean accept, so the figure is always the hit path's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PreTradeCheckBenchmark
{
    private static final String[] SYMBOLS = {"AAPL", "MSFT", "NVDA", "XOM", "CVX"};
    private static final long WINDOW_NANOS = 1_000_000_000L;

    /** The orders of the last second (the rate and duplicate windows) when an order is checked. */
    @Param({"0", "1000", "10000"})
    public int recentOrders;

    /**
     * The account's order-rate limit, which sizes its window (0: twice the recent orders and 50 more); the
     * load generator configures 200,000 ({@code -p maxOrders=200000}).
     */
    @Param({"0"})
    public int maxOrders;

    private final MovingClock clock = new MovingClock();
    private final ReusedOrder order = new ReusedOrder();
    private final CheckResult result = new CheckResult();
    private PreTradeChecker checker;
    private long notClean;

    @Setup(Level.Trial)
    public void warmAccount()
    {
        // recentOrders + 1 ticks span the window, so the oldest of them has just left it
        clock.tickNanos = (WINDOW_NANOS + recentOrders) / (recentOrders + 1);
        // twice the orders in the window keeps every check below the 80% warning level
        if (maxOrders > 0 && maxOrders < 2 * recentOrders)
        {
            throw new IllegalArgumentException("maxOrders " + maxOrders + " would warn with " + recentOrders +
                " recent orders: give at least twice as many");
        }
        final int orderLimit = maxOrders > 0 ? maxOrders : 2 * recentOrders + 50;
        final PreTradeConfiguration configuration = new PreTradeConfiguration();
        configuration.limits()
            .orderRate(orderLimit, Duration.ofNanos(WINDOW_NANOS))
            .messageRate(orderLimit + 50, Duration.ofNanos(WINDOW_NANOS))
            .duplicateOrderWindow(Duration.ofNanos(WINDOW_NANOS));
        checker = new PreTradeChecker(configuration
            .clock(clock)
            .sector("AAPL", "TECH").sector("MSFT", "TECH").sector("NVDA", "TECH")
            .sector("XOM", "ENERGY").sector("CVX", "ENERGY")
            .restrictSymbol("GME")
            .conclude());
        for (final String symbol : SYMBOLS)
        {
            checker.onMarketPrice(symbol, toPrice(100));
            checker.loadPosition("ACC-1", symbol, toQty(20), toPrice(99));
        }
        for (int i = 0; i < 3; i++)
        {
            order.next();
            checker.check(order, result);
            checker.onOrderOpen(order);
            clock.tick();
        }
        for (int i = 0; i < recentOrders; i++)
        {
            checkHitPath();
        }
    }

    @Benchmark
    public CheckResult.Outcome checkHitPath()
    {
        clock.tick();
        order.next();
        final CheckResult.Outcome outcome = checker.check(order, result);
        if (outcome != CheckResult.Outcome.ACCEPT)
        {
            notClean++;
        }
        return outcome;
    }

    @TearDown(Level.Trial)
    public void onlyCleanAccepts()
    {
        if (notClean > 0)
        {
            throw new IllegalStateException(notClean + " checks were not a clean accept; last: " + result);
        }
    }

    /** Time the benchmark moves by hand, one tick per order. */
    static final class MovingClock implements EpochNanoClock
    {
        private long nanos = 1_700_000_000_000_000_000L;
        private long tickNanos = 30_000_000L;

        void tick()
        {
            nanos += tickNanos;
        }

        @Override
        public long nanoTime()
        {
            return nanos;
        }
    }

    /**
     * One order object for every check, as the OMS reuses its events: new ClOrdID, symbol and price each time.
     * The terms repeat only after 800,560 orders (5 symbols, 16 side and quantity pairs, 10,007 prices), so the
     * window never holds a duplicate.
     */
    static final class ReusedOrder implements OrderTerms
    {
        private final StringBuilder clOrdId = new StringBuilder(24);
        private long orderId;
        private String symbol;
        private char side;
        private long quantity;
        private long price;

        void next()
        {
            final int i = (int)orderId++;
            clOrdId.setLength(0);
            clOrdId.append("ORD-").append(orderId);
            symbol = SYMBOLS[i % SYMBOLS.length];
            side = (i & 8) == 0 ? '1' : '2';
            quantity = toQty(5 + (i & 3));
            price = toPrice(100) + (i % 10_007) * 10_000L;
        }

        @Override
        public long orderId()
        {
            return orderId;
        }

        @Override
        public CharSequence account()
        {
            return "ACC-1";
        }

        @Override
        public CharSequence symbol()
        {
            return symbol;
        }

        @Override
        public CharSequence clOrdId()
        {
            return clOrdId;
        }

        @Override
        public char side()
        {
            return side;
        }

        @Override
        public char ordType()
        {
            return '2';
        }

        @Override
        public long quantity()
        {
            return quantity;
        }

        @Override
        public long price()
        {
            return price;
        }

        @Override
        public long stopPrice()
        {
            return FixedPointMath.NONE;
        }
    }
}

package dev.bastion.bench.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.api.TimeInForce;
import dev.bastion.oms.order.Order;
import dev.bastion.oms.order.OrderActions;
import dev.bastion.oms.order.OrderBook;
import dev.bastion.oms.order.OrderIdGenerator;
import dev.bastion.oms.order.OrderStateMachine;
import dev.bastion.oms.order.PendingChange;
import dev.bastion.oms.pipeline.WaitStrategyChoice;
import dev.bastion.risk.pretrade.CheckResult;
import dev.bastion.risk.pretrade.OrderTerms;
import dev.bastion.risk.pretrade.PreTradeChecker;
import dev.bastion.risk.pretrade.PreTradeConfiguration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stage grouping on two cores: the same work — the risk engine's check, then the order state machine
 * books and routes the order — on one business thread (ONE_THREAD, as the OMS runs it) or with
 * risk on its own thread handing each event to the order thread (TWO_THREADS, a Disruptor chain).
 * The work per order is identical; only the hand-off differs. (A real two-thread split would also
 * need the order thread's outcomes fed back to the risk thread; that is left out, so TWO_THREADS is
 * its best case.)
 *
 * <pre>{@code
 * java -jar bench/target/benchmarks.jar StageGroupingBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@OutputTimeUnit(TimeUnit.SECONDS)
public class StageGroupingBenchmark
{
    public enum Grouping
    {
        ONE_THREAD, TWO_THREADS
    }

    @Param({"ONE_THREAD", "TWO_THREADS"})
    public String grouping;

    @Param({"BLOCKING", "SLEEPING", "YIELDING"})
    public String waitStrategy;

    private Disruptor<OrderEvent> disruptor;
    private RingBuffer<OrderEvent> ring;
    private final AtomicLong routed = new AtomicLong();
    private long published;

    @Setup(Level.Iteration)
    public void start()
    {
        routed.set(0);
        published = 0;
        final ThreadFactory threads = runnable ->
        {
            final Thread thread = new Thread(runnable, "bench-stage");
            thread.setDaemon(true);
            return thread;
        };
        disruptor = new Disruptor<>(OrderEvent::new, 1 << 14, threads, ProducerType.MULTI,
            WaitStrategyChoice.valueOf(waitStrategy).create());
        final RiskStage risk = new RiskStage();
        final OrderStage orders = new OrderStage(routed);
        if (Grouping.valueOf(grouping) == Grouping.ONE_THREAD)
        {
            disruptor.handleEventsWith((event, sequence, endOfBatch) ->
            {
                risk.onEvent(event, sequence, endOfBatch);
                orders.onEvent(event, sequence, endOfBatch);
            });
        }
        else
        {
            disruptor.handleEventsWith(risk).then(orders);
        }
        ring = disruptor.start();
    }

    @Benchmark
    @OperationsPerInvocation(PipelineBenchmark.BATCH)
    public long newOrders()
    {
        for (int i = 0; i < PipelineBenchmark.BATCH; i++)
        {
            final long sequence = ring.next();
            ring.get(sequence).next(++published);
            ring.publish(sequence);
        }
        while (routed.get() < published)
        {
            Thread.yield();
        }
        return published;
    }

    @TearDown(Level.Iteration)
    public void stop() throws com.lmax.disruptor.TimeoutException
    {
        disruptor.shutdown(5, TimeUnit.SECONDS);
    }

    /** One order's terms, as the OMS ring carries them, and the risk verdict for the next stage. */
    static final class OrderEvent implements OrderTerms
    {
        final StringBuilder clOrdId = new StringBuilder(24);
        String account;
        String symbol;
        char side;
        long quantity;
        long price;
        long orderId;
        boolean accepted;

        void next(final long n)
        {
            orderId = n;
            clOrdId.setLength(0);
            clOrdId.append('B').append(n);
            account = BenchPipelinesNames.ACCOUNTS[(int)(n % BenchPipelinesNames.ACCOUNTS.length)];
            symbol = BenchPipelines.SYMBOLS[(int)(n % BenchPipelines.SYMBOLS.length)];
            side = (n & 1) == 0 ? '1' : '2';
            quantity = FixedPoint.QTY_SCALE * (1 + n % 100);
            price = FixedPoint.PRICE_SCALE * 100 + (n % 50) * 1_000_000L;
        }

        @Override
        public long orderId()
        {
            return orderId;
        }

        @Override
        public CharSequence account()
        {
            return account;
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
            return FixedPoint.NONE;
        }
    }

    /** The pre-trade stage: the risk engine's checks, with the pipeline benchmark's wide limits. */
    static final class RiskStage implements EventHandler<OrderEvent>
    {
        private final PreTradeChecker checker;
        private final CheckResult result = new CheckResult();

        RiskStage()
        {
            final PreTradeConfiguration configuration = new PreTradeConfiguration().expectedSizes(64, 64, 1 << 20);
            configuration.limits()
                .capital(1e11).maxOrderQuantity(1e6).maxOrderNotional(1e11).creditLimitGross(1e14)
                .creditLimitNet(1e14).positionLimit(1e14).maxPositions(100).maxSectorExposure(1).maxLeverage(1_000)
                .dailyLossLimit(1e11).orderRate(100_000, Duration.ofSeconds(1))
                .messageRate(200_000, Duration.ofSeconds(1)).duplicateOrderWindow(Duration.ofNanos(1));
            checker = new PreTradeChecker(configuration.conclude());
            for (final String symbol : BenchPipelines.SYMBOLS)
            {
                checker.onMarketPrice(symbol, FixedPoint.PRICE_SCALE * 100);
            }
        }

        @Override
        public void onEvent(final OrderEvent event, final long sequence, final boolean endOfBatch)
        {
            event.accepted = checker.check(event, result) != CheckResult.Outcome.REJECT;
        }
    }

    /** The order stage: the state machine books the order and routes it (reports and venue sends counted). */
    static final class OrderStage implements EventHandler<OrderEvent>, OrderActions
    {
        private final OrderStateMachine machine;
        private final AtomicLong routed;

        OrderStage(final AtomicLong routed)
        {
            this.routed = routed;
            machine = new OrderStateMachine(new OrderBook(), this, OrderIdGenerator.systemClock());
        }

        @Override
        public void onEvent(final OrderEvent event, final long sequence, final boolean endOfBatch)
        {
            final Order order = machine.newOrder(1, event.clOrdId.toString(), event.account, event.symbol,
                event.side == '1' ? Side.BUY : Side.SELL, OrdType.LIMIT, TimeInForce.DAY, event.quantity, event.price,
                FixedPoint.NONE, Long.MIN_VALUE);
            if (!event.accepted)
            {
                machine.reject(order, OrderStateMachine.REJECT_EXCEEDS_LIMIT, "risk");
                throw new IllegalStateException("the benchmark's orders must all pass the checks");
            }
            machine.route(order, StubVenue.NAME);
        }

        @Override
        public void report(final Order order, final ExecType execType, final String clOrdId, final String origClOrdId,
            final long lastQty, final long lastPx, final String text, final int ordRejReason)
        {
        }

        @Override
        public void unknownOrder(final long sessionId, final String clOrdId, final String symbol, final char side,
            final String text)
        {
        }

        @Override
        public void cancelReject(final long sessionId, final String clOrdId, final String origClOrdId,
            final Order order, final boolean forReplace, final int cxlRejReason, final String text)
        {
        }

        @Override
        public void sendToVenue(final Order order)
        {
            routed.lazySet(routed.get() + 1);
        }

        @Override
        public void cancelAtVenue(final Order order, final PendingChange cancel)
        {
        }

        @Override
        public void replaceAtVenue(final Order order, final PendingChange replace)
        {
        }
    }

    /** Account names built once. */
    static final class BenchPipelinesNames
    {
        static final String[] ACCOUNTS = new String[BenchPipelines.ACCOUNTS];

        static
        {
            for (int i = 0; i < ACCOUNTS.length; i++)
            {
                ACCOUNTS[i] = "ACC-" + i;
            }
        }

        private BenchPipelinesNames()
        {
        }
    }
}

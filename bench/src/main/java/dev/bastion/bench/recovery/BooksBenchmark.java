package dev.bastion.bench.recovery;

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
import dev.bastion.oms.portfolio.PortfolioConfiguration;
import dev.bastion.oms.recon.FindingRing;
import dev.bastion.oms.recovery.Books;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the business thread pays per order change and per fill now that the OMS keeps its books on
 * disk, over persisted Chronicle Maps in a temporary directory:
 *
 * <ul>
 *   <li>{@code orderChanged}: one order written to the order store (an acknowledgement, a cancel).</li>
 *   <li>{@code bookFill}: a fill as the pipeline books it — the highest fill id, the order with its
 *       journal entry, then the portfolio (the position's FIFO lots, cash and the trade record), on
 *       one of {@code orders} orders round robin, alternately buying and selling 100. Compare with
 *       {@code PortfolioBenchmark.bookFill}, the portfolio alone.</li>
 * </ul>
 *
 * Run short: {@code -f 1 -wi 2 -w 1s -i 3 -r 1s}, and {@code -prof gc} for bytes allocated per op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {
    "--add-opens", "java.base/java.lang=ALL-UNNAMED",
    "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
    "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
    "-Dchronicle.analytics.disable=true"})
public class BooksBenchmark
{
    @Param({"1000"})
    int orders;

    private Path directory;
    private Books books;
    private Order[] open;
    private int next;
    private boolean buy;
    private long now = 1_700_000_000_000_000_000L;

    @Setup(Level.Trial)
    public void open() throws IOException
    {
        directory = Files.createTempDirectory("books-bench");
        books = Books.open(directory, 4L * orders, new PortfolioConfiguration()
            .defaultInitialCash(1_000_000_000L * FixedPoint.PRICE_SCALE)
            .tradeLogSegmentRecords(1L << 20), new FindingRing(1024));
        final OrderStateMachine machine = new OrderStateMachine(new OrderBook(), new NoActions(),
            OrderIdGenerator.systemClock());
        open = new Order[orders];
        for (int i = 0; i < orders; i++)
        {
            final Order order = machine.newOrder(1, "B" + i, "BENCH", "S" + i, Side.BUY, OrdType.LIMIT,
                TimeInForce.DAY, FixedPoint.qty(1_000_000), FixedPoint.price(100), FixedPoint.NONE, Long.MIN_VALUE);
            machine.route(order, "SIM");
            books.onOrderChanged(order, "BENCH", now);
            open[i] = order;
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException
    {
        books.close();
        try (Stream<Path> files = Files.walk(directory))
        {
            for (final Path file : files.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(file);
            }
        }
    }

    @Benchmark
    public void orderChanged()
    {
        final Order order = open[next];
        next = next + 1 == orders ? 0 : next + 1;
        books.onOrderChanged(order, "BENCH", ++now);
    }

    @Benchmark
    public void bookFill()
    {
        final Order order = open[next];
        next = next + 1 == orders ? 0 : next + 1;
        if (next == 0)
        {
            buy = !buy;
        }
        books.bookFill(order, "BENCH", buy ? Side.BUY : Side.SELL, FixedPoint.qty(100), FixedPoint.price(100), ++now,
            now);
    }

    private static final class NoActions implements OrderActions
    {
        @Override
        public void report(final Order order, final ExecType execType, final String clOrdId,
            final String origClOrdId, final long lastQty, final long lastPx, final String text,
            final int ordRejReason)
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
}

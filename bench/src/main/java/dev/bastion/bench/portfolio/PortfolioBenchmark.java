package dev.bastion.bench.portfolio;

import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.portfolio.FillOutcome;
import dev.bastion.oms.portfolio.Portfolio;
import dev.bastion.oms.portfolio.PortfolioConfiguration;
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
 * The portfolio's fill path and valuation, over persisted Chronicle Maps in a temporary directory.
 *
 * <ul>
 *   <li>{@code bookFill}: one fill into one of {@code positions} positions of an account, round robin,
 *       alternately a buy of 100 (opens a lot) and a sell of 100 (closes 100 FIFO and writes its trade
 *       P&amp;L record); with the cash entry and the duplicate check. Target: at most 1 µs. No timer
 *       calls onClock() here, so making the next 64 MB trade log file (~40 ms per 2^20 closing fills)
 *       is inside the average, as it would be in an OMS without the timer.</li>
 *   <li>{@code bookDuplicateFill}: a fill sent again (recovery resend): found booked and ignored.</li>
 *   <li>{@code mark}: a last-price update.</li>
 *   <li>{@code portfolioValue}: cash plus the market value of every position of the account.</li>
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
public class PortfolioBenchmark
{
    @Param({"1000"})
    int positions;

    private Path directory;
    private Portfolio portfolio;
    private int account;
    private int[] symbols;
    private long fillId;
    private int next;
    private boolean buy;
    private long duplicateId;

    @Setup(Level.Trial)
    public void open() throws IOException
    {
        directory = Files.createTempDirectory("portfolio-bench");
        portfolio = Portfolio.open(new PortfolioConfiguration()
            .directory(directory)
            .defaultInitialCash(1_000_000_000L * FixedPoint.PRICE_SCALE)
            .maxPositions(2L * positions)
            .maxSymbols(2L * positions)
            .tradeLogSegmentRecords(1L << 20)
            .maxOverflowLots(100_000L));
        account = portfolio.accountId("BENCH");
        symbols = new int[positions];
        for (int i = 0; i < positions; i++)
        {
            symbols[i] = portfolio.symbolId("SYM" + i);
            portfolio.openPosition(account, symbols[i]);
            portfolio.applyFill(++fillId, account, symbols[i], Side.BUY, FixedPoint.qty(1_000),
                FixedPoint.price(100), 0);
            portfolio.mark(symbols[i], FixedPoint.price(101));
        }
        duplicateId = fillId;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException
    {
        portfolio.close();
        try (Stream<Path> files = Files.walk(directory))
        {
            for (final Path file : files.sorted(Comparator.reverseOrder()).toList())
            {
                Files.delete(file);
            }
        }
    }

    @Benchmark
    public FillOutcome bookFill()
    {
        final int symbol = symbols[next];
        if (++next == symbols.length)
        {
            next = 0;
            buy = !buy;
        }
        return portfolio.applyFill(++fillId, account, symbol, buy ? Side.BUY : Side.SELL, FixedPoint.qty(100),
            FixedPoint.price(100) + fillId % 1_000, 0);
    }

    @Benchmark
    public FillOutcome bookDuplicateFill()
    {
        return portfolio.applyFill(duplicateId, account, symbols[symbols.length - 1], Side.BUY, FixedPoint.qty(1_000),
            FixedPoint.price(100), 0);
    }

    @Benchmark
    public void mark()
    {
        final int symbol = symbols[next];
        if (++next == symbols.length)
        {
            next = 0;
        }
        portfolio.mark(symbol, FixedPoint.price(100) + next);
    }

    @Benchmark
    public long portfolioValue()
    {
        return portfolio.portfolioValue(account);
    }
}

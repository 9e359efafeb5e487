package dev.bastion.oms.portfolio;

import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The portfolio directory across closes, crashes and damaged files. A crash is simulated in this JVM
 * by stopping a fill at a chosen step and abandoning the maps without the clean mark, as a killed
 * process would; {@link PortfolioKillTest} does it for real.
 */
class PortfolioDurabilityTest
{
    private static final long INITIAL_CASH = 10_000_000 * FixedMath.MONEY_SCALE;
    private static final List<String> ACCOUNTS = List.of("ACC1", "ACC2", "ACC3");
    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "IBM", "ORCL");
    /** Longer than Chronicle's one-minute wait would be, shorter than a test run. */
    private static final Duration NO_HANG = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    private static final class SimulatedCrash extends Error
    {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(final Portfolio.CrashPoint point)
        {
            super("simulated crash at " + point, null, false, false);
        }
    }

    private PortfolioConfiguration configuration(final Path dir)
    {
        return new PortfolioConfiguration()
            .directory(dir)
            .inlineLots(2)
            .defaultInitialCash(INITIAL_CASH)
            .maxPositions(1_000)
            .maxAccounts(100)
            .maxSymbols(100)
            .maxOverflowLots(10_000)
            .tradeLogSegmentRecords(500)
            .maxEquitySamples(1_000)
            .clock(() -> 1_767_225_600_000L);
    }

    private static ReferencePortfolio reference(final List<Fill> fills)
    {
        final ReferencePortfolio reference = new ReferencePortfolio();
        ACCOUNTS.forEach(account -> reference.openAccount(account, INITIAL_CASH));
        fills.forEach(fill -> fill.applyTo(reference));
        return reference;
    }

    private static void assertSameAs(final ReferencePortfolio reference, final Portfolio portfolio)
    {
        ACCOUNTS.forEach(account -> PortfolioAssertions.assertSameAs(reference, portfolio, account));
    }

    /** Everything a report could read, to compare two portfolios (or one before and after a reopen). */
    private static List<Object> state(final Portfolio portfolio)
    {
        final List<Object> state = new ArrayList<>();
        for (final String account : ACCOUNTS)
        {
            final int accountId = portfolio.findAccountId(account);
            state.add(portfolio.cash(accountId));
            state.add(portfolio.positions(accountId));
            state.add(portfolio.trades(accountId));
            state.add(List.of(portfolio.equityCurve(accountId).length, portfolio.portfolioValue(accountId)));
            for (final String symbol : SYMBOLS)
            {
                state.add(portfolio.lots(accountId, portfolio.findSymbolId(symbol)));
            }
        }
        return state;
    }

    @Test
    void shouldReopenAfterACloseWithEveryPositionLotTradeAndMarkAsItWas()
    {
        final List<Fill> fills = Fill.stream(11, 3_000, ACCOUNTS, SYMBOLS);
        final List<Object> before;
        try (Portfolio portfolio = Portfolio.open(configuration(directory)))
        {
            fills.subList(0, 2_000).forEach(fill -> fill.applyTo(portfolio));
            portfolio.mark(portfolio.symbolId("AAPL"), FixedPoint.price(101.25));
            before = state(portfolio);
        }

        try (Portfolio portfolio = Portfolio.open(configuration(directory)))
        {
            assertThat(portfolio.recoveredFromCrash()).isFalse();
            assertThat(state(portfolio)).isEqualTo(before);
            assertThat(portfolio.lastPrice(portfolio.findSymbolId("AAPL"))).isEqualTo(FixedPoint.price(101.25));

            fills.forEach(fill -> fill.applyTo(portfolio));
            assertThat(portfolio.duplicateFills()).isEqualTo(2_000);
            final ReferencePortfolio reference = reference(fills);
            reference.mark("AAPL", FixedPoint.price(101.25));
            assertSameAs(reference, portfolio);
        }
    }

    @ParameterizedTest
    @EnumSource(Portfolio.CrashPoint.class)
    void shouldBookEveryFillOnceWhereverACrashInterruptsAFill(final Portfolio.CrashPoint point)
    {
        final List<Fill> fills = Fill.stream(29, 1_500, ACCOUNTS, SYMBOLS);
        final int[] reached = new int[1];
        final Portfolio crashing = Portfolio.open(configuration(directory));
        crashing.crashHook(p ->
        {
            if (p == point && ++reached[0] == 40)
            {
                throw new SimulatedCrash(p);
            }
        });
        int crashedAt = -1;
        for (int i = 0; i < fills.size() && crashedAt < 0; i++)
        {
            try
            {
                fills.get(i).applyTo(crashing);
            }
            catch (final SimulatedCrash crash)
            {
                crashedAt = i;
            }
        }
        assertThat(crashedAt).as("crash point %s reached 40 times", point).isPositive();
        crashing.abandon();

        try (Portfolio portfolio = Portfolio.open(configuration(directory)))
        {
            assertThat(portfolio.recoveredFromCrash()).isTrue();
            final List<FillOutcome> outcomes = new ArrayList<>();
            fills.forEach(fill -> outcomes.add(fill.applyTo(portfolio)));

            assertThat(outcomes.subList(0, crashedAt)).containsOnly(FillOutcome.DUPLICATE);
            assertThat(outcomes.get(crashedAt)).isEqualTo(expectedOnResend(point));
            assertThat(outcomes.subList(crashedAt + 1, fills.size())).containsOnly(FillOutcome.APPLIED);
            assertSameAs(reference(fills), portfolio);

            // What the dead writer left beside its commit is gone: the maps hold what an uncrashed run holds.
            try (Portfolio uncrashed = Portfolio.open(configuration(directory.resolve("uncrashed"))))
            {
                fills.forEach(fill -> fill.applyTo(uncrashed));
                assertThat(state(portfolio)).isEqualTo(state(uncrashed));
                assertThat(portfolio.store().overflowLots.size())
                    .isEqualTo(uncrashed.store().overflowLots.size());
                assertThat(portfolio.store().tradeLog.size()).isEqualTo(uncrashed.store().tradeLog.size());
            }
        }
    }

    private static FillOutcome expectedOnResend(final Portfolio.CrashPoint point)
    {
        switch (point)
        {
            case POSITION_COMMITTED:
            case CASH_SLOT_WRITTEN:
                return FillOutcome.COMPLETED;
            case CASH_COMMITTED:
                return FillOutcome.DUPLICATE;
            default:
                return FillOutcome.APPLIED;
        }
    }

    @Test
    void shouldSweepWhatADeadWriterLeftOnEitherSideOfItsCommit()
    {
        // Five lots, three of them past the two inline; one sell closes all five.
        final List<Fill> fills = new ArrayList<>();
        for (int i = 1; i <= 5; i++)
        {
            fills.add(new Fill(i, "ACC1", "AAPL", Side.BUY, FixedPoint.qty(10), FixedPoint.price(10 + i)));
        }
        fills.add(new Fill(6, "ACC1", "AAPL", Side.SELL, FixedPoint.qty(50), FixedPoint.price(20)));
        fills.add(new Fill(7, "ACC1", "AAPL", Side.BUY, FixedPoint.qty(5), FixedPoint.price(19)));

        // Killed after the sell committed, before it removed the three overflow lots it closed.
        final Portfolio first = Portfolio.open(configuration(directory));
        first.crashHook(point ->
        {
            if (point == Portfolio.CrashPoint.POSITION_COMMITTED && first.quantity(0, 0) == 0)
            {
                throw new SimulatedCrash(point);
            }
        });
        assertThatThrownBy(() -> fills.forEach(fill -> fill.applyTo(first))).isInstanceOf(SimulatedCrash.class);
        assertThat(first.store().overflowLots.size()).isEqualTo(3);
        first.abandon();

        // Killed after a closing sell wrote its trade record, before the position committed.
        final Portfolio second = Portfolio.open(configuration(directory));
        assertThat(second.store().overflowLots.size()).isZero();
        assertThat(second.trade(6)).as("trade record staged before the commit, counted on open").isNotNull();
        second.crashHook(point ->
        {
            if (point == Portfolio.CrashPoint.TRADE_WRITTEN)
            {
                throw new SimulatedCrash(point);
            }
        });
        final Fill closing = new Fill(8, "ACC1", "AAPL", Side.SELL, FixedPoint.qty(2), FixedPoint.price(21));
        fills.forEach(fill -> fill.applyTo(second));
        final long tradesBefore = second.store().tradeLog.size();
        assertThatThrownBy(() -> closing.applyTo(second)).isInstanceOf(SimulatedCrash.class);
        assertThat(second.store().tradeLog.size()).as("staged, not counted").isEqualTo(tradesBefore);
        second.abandon();

        try (Portfolio third = Portfolio.open(configuration(directory)))
        {
            assertThat(third.trade(8)).as("trade record of a fill the position never booked").isNull();
            fills.forEach(fill -> fill.applyTo(third));
            assertThat(closing.applyTo(third)).isEqualTo(FillOutcome.APPLIED);
            assertThat(third.trade(8).realizedPnl()).isEqualTo(2 * 2 * FixedMath.MONEY_SCALE);
            fills.add(closing);
            PortfolioAssertions.assertSameAs(reference(fills), third, "ACC1");
            assertThat(third.store().overflowLots.size()).isZero();
        }
    }

    @Test
    void shouldStartAfreshWhenTheFirstStartDiedWhileCreatingTheMaps() throws IOException
    {
        final Path template = directory.resolve("template");
        Portfolio.open(configuration(template)).close();
        final Path fresh = directory.resolve("fresh");
        Files.createDirectories(fresh);
        // A first start killed mid-creation: one map half-made under its temporary name, one under
        // its final name (as an older Bastion might have left it), and no layout yet.
        copyHalfMade(template.resolve(PortfolioStore.CASH_FILE), fresh.resolve(PortfolioStore.CASH_FILE));
        copyHalfMade(template.resolve(PortfolioStore.POSITIONS_FILE),
            fresh.resolve(PortfolioStore.POSITIONS_FILE + PortfolioStore.TEMP_SUFFIX));

        assertTimeoutPreemptively(NO_HANG, () ->
        {
            try (Portfolio portfolio = Portfolio.open(configuration(fresh)))
            {
                final Fill fill = new Fill(1, "ACC1", "AAPL", Side.BUY, FixedPoint.qty(1),
                    FixedPoint.price(10));
                assertThat(fill.applyTo(portfolio)).isEqualTo(FillOutcome.APPLIED);
            }
        });
        assertThat(fresh.resolve(PortfolioStore.POSITIONS_FILE + PortfolioStore.TEMP_SUFFIX)).doesNotExist();
    }

    @Test
    void shouldRefuseAtOnceAMapFileThatWasNeverCompletelyCreated() throws IOException
    {
        Portfolio.open(configuration(directory)).close();
        final Path positions = directory.resolve(PortfolioStore.POSITIONS_FILE);
        setNotComplete(positions);

        assertTimeoutPreemptively(NO_HANG, () ->
            assertThatThrownBy(() -> Portfolio.open(configuration(directory)))
                .isInstanceOf(PortfolioException.class)
                .hasMessageContaining(positions.toString())
                .hasMessageContaining("never completely created"));
    }

    @Test
    void shouldRefuseAnInitialisedDirectoryThatLostAMapFile() throws IOException
    {
        Portfolio.open(configuration(directory)).close();
        Files.delete(directory.resolve(PortfolioStore.CASH_FILE));

        assertThatThrownBy(() -> Portfolio.open(configuration(directory)))
            .isInstanceOf(PortfolioException.class)
            .hasMessageContaining(PortfolioStore.CASH_FILE)
            .hasMessageContaining("is missing");
    }

    @Test
    void shouldRefuseASecondWriterOnTheSameDirectory()
    {
        try (Portfolio first = Portfolio.open(configuration(directory)))
        {
            assertThatThrownBy(() -> Portfolio.open(configuration(directory)))
                .isInstanceOf(PortfolioException.class)
                .hasMessageContaining("already open");
            assertThat(first.accountId("ACC1")).isZero();
        }
        Portfolio.open(configuration(directory)).close();
    }

    @Test
    void shouldKeepTheLayoutADirectoryWasCreatedWith()
    {
        try (Portfolio portfolio = Portfolio.open(configuration(directory)))
        {
            final int account = portfolio.accountId("ACC1");
            final int symbol = portfolio.symbolId("AAPL");
            for (int i = 1; i <= 5; i++)
            {
                portfolio.applyFill(i, account, symbol, Side.BUY, FixedPoint.qty(1),
                    FixedPoint.price(10 + i), 0);
            }
        }
        try (Portfolio portfolio = Portfolio.open(configuration(directory).inlineLots(64).maxPositions(5)))
        {
            assertThat(portfolio.lots(0, 0)).hasSize(5);
            assertThat(portfolio.store().layout.inlineLots()).isEqualTo(2);
        }
    }

    private static void copyHalfMade(final Path from, final Path to) throws IOException
    {
        Files.copy(from, to);
        setNotComplete(to);
    }

    /** Sets Chronicle Map's "not complete" bit, as a creation interrupted before its end leaves it. */
    private static void setNotComplete(final Path file) throws IOException
    {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.seek(11);
            final int b = raf.read();
            raf.seek(11);
            raf.write(b | 0x80);
        }
    }
}

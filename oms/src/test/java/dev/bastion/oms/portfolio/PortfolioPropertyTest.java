package dev.bastion.oms.portfolio;

import dev.bastion.oms.api.Side;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random fill sequences (buys, sells, short sales, flips through zero, resent fills, marks) booked
 * by the portfolio and by the naive reference: positions, lots, realized and unrealized P&amp;L, cash
 * and trade records must be identical. Three inline lots per position, so spilling to the overflow
 * map and coming back happens often. One portfolio serves every try, each on its own account.
 */
class PortfolioPropertyTest
{
    private static final long INITIAL_CASH = 1_000_000 * FixedMath.MONEY_SCALE;
    private static final Side[] SIDES = {Side.BUY, Side.SELL, Side.SELL_SHORT, Side.BUY_MINUS, Side.SELL_PLUS};

    private static Path directory;
    private static Portfolio portfolio;
    private static long fillIds;
    private static int tries;

    enum Kind
    {
        FILL, RESEND, MARK
    }

    record Step(Kind kind, int symbol, int side, long qty, long price, int back)
    {
    }

    @BeforeContainer
    static void open() throws IOException
    {
        directory = Files.createTempDirectory("portfolio-property");
        portfolio = Portfolio.open(new PortfolioConfiguration()
            .directory(directory)
            .inlineLots(3)
            .defaultInitialCash(INITIAL_CASH)
            .maxAccounts(2_000)
            .maxSymbols(10_000)
            .maxPositions(10_000)
            .maxOverflowLots(20_000)
            .tradeLogSegmentRecords(1_000)
            .maxEquitySamples(10_000)
            .clock(() -> 1_767_225_600_000L));
    }

    @AfterContainer
    static void close() throws IOException
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

    @Property(tries = 400)
    void shouldBookEveryFillSequenceExactlyLikeTheNaiveReference(@ForAll("steps") final List<Step> steps)
    {
        final String account = "PROP" + ++tries;
        final String[] symbols = {account + "-X", account + "-Y", account + "-Z"};
        final ReferencePortfolio reference = new ReferencePortfolio();
        reference.openAccount(account, INITIAL_CASH);
        portfolio.accountId(account);
        final long duplicatesBefore = portfolio.duplicateFills();
        final List<Fill> sent = new ArrayList<>();

        for (final Step step : steps)
        {
            switch (step.kind())
            {
                case FILL:
                    final Fill fill = new Fill(++fillIds, account, symbols[step.symbol()], SIDES[step.side()], step.qty(),
                        step.price());
                    assertThat(fill.applyTo(portfolio)).isEqualTo(fill.applyTo(reference)).isEqualTo(FillOutcome.APPLIED);
                    sent.add(fill);
                    break;
                case RESEND:
                    if (!sent.isEmpty())
                    {
                        final Fill again = sent.get(sent.size() - 1 - step.back() % sent.size());
                        assertThat(again.applyTo(portfolio)).isEqualTo(again.applyTo(reference))
                            .isEqualTo(FillOutcome.DUPLICATE);
                    }
                    break;
                default:
                    portfolio.mark(portfolio.symbolId(symbols[step.symbol()]), step.price());
                    reference.mark(symbols[step.symbol()], step.price());
                    break;
            }
        }

        PortfolioAssertions.assertSameAs(reference, portfolio, account);
        assertThat(portfolio.duplicateFills() - duplicatesBefore).isEqualTo(reference.duplicates());
    }

    @Provide
    Arbitrary<List<Step>> steps()
    {
        final Arbitrary<Kind> kinds = Arbitraries.frequency(
            Tuple.of(8, Kind.FILL), Tuple.of(2, Kind.RESEND), Tuple.of(1, Kind.MARK));
        // 0.0001 to 100 shares, round lots more often than odd ones; prices 1e-8 to 2,000.
        final Arbitrary<Long> quantities = Arbitraries.oneOf(
            Arbitraries.longs().between(1, 1_000_000),
            Arbitraries.longs().between(1, 100).map(units -> units * 10_000));
        final Arbitrary<Long> prices = Arbitraries.oneOf(
            Arbitraries.longs().between(1, 200_000_000_000L),
            Arbitraries.longs().between(90, 110).map(units -> units * 100_000_000L));
        final Arbitrary<Step> step = Combinators.combine(kinds, Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(0, SIDES.length - 1), quantities, prices, Arbitraries.integers().between(0, 50))
            .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(60);
    }
}

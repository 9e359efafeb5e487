package dev.bastion.oms.portfolio;

import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.bastion.oms.api.FixedPoint.price;
import static dev.bastion.oms.api.FixedPoint.qty;
import static org.assertj.core.api.Assertions.assertThat;

class PortfolioTest
{
    private static final long MONEY = FixedMath.MONEY_SCALE;
    private static final long START_MILLIS = 1_767_225_600_000L; // 2026-01-01T00:00Z

    @TempDir
    Path directory;

    private long now = START_MILLIS + 10 * 3_600_000L;
    private Portfolio portfolio;
    private int account;
    private int aapl;
    private int msft;
    private long nextFillId = 1;

    @BeforeEach
    void open()
    {
        portfolio = Portfolio.open(configuration());
        account = portfolio.accountId("ACC1");
        aapl = portfolio.symbolId("AAPL");
        msft = portfolio.symbolId("MSFT");
    }

    @AfterEach
    void close()
    {
        portfolio.close();
    }

    private PortfolioConfiguration configuration()
    {
        return new PortfolioConfiguration()
            .directory(directory)
            .initialCash("ACC1", 1_000_000 * MONEY)
            .defaultInitialCash(5_000 * MONEY)
            .maxPositions(1_000)
            .maxAccounts(100)
            .maxSymbols(1_000)
            .maxOverflowLots(1_000)
            .tradeLogSegmentRecords(10_000)
            .maxEquitySamples(10_000)
            .clock(() -> now);
    }

    private FillOutcome fill(final int symbolId, final Side side, final double quantity, final double px)
    {
        return portfolio.applyFill(nextFillId++, account, symbolId, side, qty(quantity), price(px), 0);
    }

    @Test
    void shouldOpenLongPositionAndPayCash()
    {
        assertThat(fill(aapl, Side.BUY, 100, 10.0)).isEqualTo(FillOutcome.APPLIED);
        assertThat(fill(aapl, Side.BUY, 100, 12.0)).isEqualTo(FillOutcome.APPLIED);

        final PositionSnapshot position = portfolio.position(account, aapl);
        assertThat(position.quantity()).isEqualTo(qty(200));
        assertThat(position.costBasis()).isEqualTo(2_200 * MONEY);
        assertThat(position.averageEntryPrice()).isEqualTo(price(11.0));
        assertThat(position.realizedPnl()).isZero();
        assertThat(position.openLots()).isEqualTo(2);
        assertThat(portfolio.cash(account)).isEqualTo((1_000_000 - 2_200) * MONEY);
    }

    @Test
    void shouldCloseOldestLotsFirstWhenSelling()
    {
        fill(aapl, Side.BUY, 100, 10.0);
        fill(aapl, Side.BUY, 100, 20.0);
        fill(aapl, Side.SELL, 150, 30.0);

        // FIFO: 100 bought at 10 and 50 of those bought at 20 are sold at 30.
        assertThat(portfolio.realizedPnl(account, aapl)).isEqualTo((100 * 20 + 50 * 10) * MONEY);
        assertThat(portfolio.lots(account, aapl)).containsExactly(new Lot(1, qty(50), price(20.0)));
        assertThat(portfolio.position(account, aapl).averageEntryPrice()).isEqualTo(price(20.0));
        assertThat(portfolio.cash(account)).isEqualTo((1_000_000 - 1_000 - 2_000 + 4_500) * MONEY);
    }

    @Test
    void shouldCoverOldestShortLotsFirstWhenBuying()
    {
        fill(aapl, Side.SELL_SHORT, 100, 50.0);
        fill(aapl, Side.SELL_SHORT, 100, 40.0);
        fill(aapl, Side.BUY, 120, 45.0);

        // The short at 50 covered at 45 gains 5 a share; 20 of the short at 40 covered at 45 lose 5.
        assertThat(portfolio.realizedPnl(account, aapl)).isEqualTo((100 * 5 - 20 * 5) * MONEY);
        assertThat(portfolio.quantity(account, aapl)).isEqualTo(-qty(80));
        assertThat(portfolio.costBasis(account, aapl)).isEqualTo(-80 * 40 * MONEY);
        assertThat(portfolio.lots(account, aapl)).containsExactly(new Lot(1, -qty(80), price(40.0)));
    }

    @Test
    void shouldCloseEveryLotAndOpenTheOtherWayWhenAFillCrossesZero()
    {
        fill(aapl, Side.BUY, 100, 10.0);
        fill(aapl, Side.BUY, 50, 11.0);
        fill(aapl, Side.SELL, 200, 12.0);

        assertThat(portfolio.realizedPnl(account, aapl)).isEqualTo((100 * 2 + 50 * 1) * MONEY);
        assertThat(portfolio.quantity(account, aapl)).isEqualTo(-qty(50));
        assertThat(portfolio.lots(account, aapl)).containsExactly(new Lot(2, -qty(50), price(12.0)));
        assertThat(portfolio.position(account, aapl).averageEntryPrice()).isEqualTo(price(12.0));

        final TradePnl trade = portfolio.trade(3);
        assertThat(trade.closedQty()).isEqualTo(qty(150));
        assertThat(trade.signedQty()).isEqualTo(-qty(200));
        assertThat(trade.realizedPnl()).isEqualTo(250 * MONEY);
        assertThat(trade.positionQtyAfter()).isEqualTo(-qty(50));
    }

    @Test
    void shouldKeepTradePnlOnlyForFillsThatClose()
    {
        fill(aapl, Side.BUY, 10, 100.0);
        fill(aapl, Side.SELL, 4, 101.0);
        fill(msft, Side.SELL_SHORT, 5, 300.0);
        fill(aapl, Side.SELL, 6, 99.0);

        assertThat(portfolio.trade(1)).isNull();
        assertThat(portfolio.trade(3)).isNull();
        assertThat(portfolio.trades(account)).extracting(TradePnl::fillId, TradePnl::symbol, TradePnl::realizedPnl)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, "AAPL", 4 * MONEY),
                org.assertj.core.groups.Tuple.tuple(4L, "AAPL", -6 * MONEY));
    }

    @Test
    void shouldIgnoreAndCountAFillAlreadyBooked()
    {
        assertThat(portfolio.applyFill(7, account, aapl, Side.BUY, qty(10), price(10), 0)).isEqualTo(FillOutcome.APPLIED);
        assertThat(portfolio.applyFill(7, account, aapl, Side.BUY, qty(10), price(10), 0))
            .isEqualTo(FillOutcome.DUPLICATE);
        assertThat(portfolio.applyFill(5, account, aapl, Side.SELL, qty(10), price(10), 0))
            .isEqualTo(FillOutcome.DUPLICATE);

        assertThat(portfolio.quantity(account, aapl)).isEqualTo(qty(10));
        assertThat(portfolio.cash(account)).isEqualTo((1_000_000 - 100) * MONEY);
        assertThat(portfolio.duplicateFills()).isEqualTo(2);
        assertThat(portfolio.appliedFills()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAFillIdBelowOneTheAccountBookedOnAnotherPosition()
    {
        assertThat(portfolio.applyFill(10, account, aapl, Side.BUY, qty(10), price(10), 0))
            .isEqualTo(FillOutcome.APPLIED);
        assertThat(portfolio.applyFill(9, account, msft, Side.BUY, qty(10), price(10), 0))
            .isEqualTo(FillOutcome.REJECTED_OUT_OF_ORDER);

        assertThat(portfolio.quantity(account, msft)).isZero();
        assertThat(portfolio.cash(account)).isEqualTo((1_000_000 - 100) * MONEY);
    }

    @Test
    void shouldRejectFillsItCannotBookWithAReason()
    {
        assertThat(portfolio.applyFill(0, account, aapl, Side.BUY, qty(1), price(1), 0))
            .isEqualTo(FillOutcome.REJECTED_FILL_ID);
        assertThat(portfolio.applyFill(1, account, aapl, null, qty(1), price(1), 0))
            .isEqualTo(FillOutcome.REJECTED_SIDE);
        assertThat(portfolio.applyFill(1, account, aapl, Side.BUY, 0, price(1), 0))
            .isEqualTo(FillOutcome.REJECTED_QUANTITY);
        assertThat(portfolio.applyFill(1, account, aapl, Side.BUY, qty(1), -5, 0))
            .isEqualTo(FillOutcome.REJECTED_PRICE);
        assertThat(portfolio.applyFill(1, 99, aapl, Side.BUY, qty(1), price(1), 0))
            .isEqualTo(FillOutcome.REJECTED_UNKNOWN_ACCOUNT);
        assertThat(portfolio.applyFill(1, account, 99, Side.BUY, qty(1), price(1), 0))
            .isEqualTo(FillOutcome.REJECTED_UNKNOWN_SYMBOL);
        assertThat(portfolio.applyFill(1, account, aapl, Side.BUY, Long.MAX_VALUE / 2, Long.MAX_VALUE / 2, 0))
            .isEqualTo(FillOutcome.REJECTED_OVERFLOW);

        assertThat(portfolio.rejectedFills()).isEqualTo(7);
        assertThat(portfolio.position(account, aapl)).satisfiesAnyOf(
            p -> assertThat(p).isNull(),
            p -> assertThat(p.quantity()).isZero());
        assertThat(portfolio.cash(account)).isEqualTo(1_000_000 * MONEY);
    }

    @Test
    void shouldValueUnrealizedPnlFromTheLastMarkAndUnmarkedPositionsAtCost()
    {
        fill(aapl, Side.BUY, 100, 10.0);
        fill(msft, Side.SELL_SHORT, 10, 200.0);

        assertThat(portfolio.unrealizedPnl(account)).isZero();
        assertThat(portfolio.portfolioValue(account)).isEqualTo((1_000_000 - 1_000 + 2_000 + 1_000 - 2_000) * MONEY);

        portfolio.mark(aapl, price(12.5));
        portfolio.mark(msft, price(190.0));

        assertThat(portfolio.lastPrice(aapl)).isEqualTo(price(12.5));
        assertThat(portfolio.unrealizedPnl(account, aapl)).isEqualTo(250 * MONEY);
        assertThat(portfolio.unrealizedPnl(account, msft)).isEqualTo(100 * MONEY);
        assertThat(portfolio.unrealizedPnl(account)).isEqualTo(350 * MONEY);
        // Cash 1,001,000; long worth 1,250; short owes 1,900.
        assertThat(portfolio.portfolioValue(account)).isEqualTo((1_001_000 + 1_250 - 1_900) * MONEY);
        assertThat(portfolio.grossExposure(account)).isEqualTo((1_250 + 1_900) * MONEY);
        assertThat(portfolio.netExposure(account)).isEqualTo((1_250 - 1_900) * MONEY);
    }

    @Test
    void shouldKeepFifoExactWhenLotsSpillPastTheInlineRing()
    {
        portfolio.close();
        final Path spillDirectory = directory.resolve("spill");
        portfolio = Portfolio.open(configuration().directory(spillDirectory).inlineLots(4));
        account = portfolio.accountId("ACC1");
        aapl = portfolio.symbolId("AAPL");
        final ReferencePortfolio reference = new ReferencePortfolio();
        reference.openAccount("ACC1", 1_000_000 * MONEY);

        // Ten lots (four inline, six spilled), partly closed, refilled, flipped and flipped back.
        final List<double[]> script = List.of(
            new double[] {1, 10, 10.0}, new double[] {1, 10, 10.5}, new double[] {1, 10, 11.0},
            new double[] {1, 10, 11.5}, new double[] {1, 10, 12.0}, new double[] {1, 10, 12.5},
            new double[] {1, 10, 13.0}, new double[] {1, 10, 13.5}, new double[] {1, 10, 14.0},
            new double[] {1, 10, 14.5}, new double[] {-1, 35, 15.0}, new double[] {1, 5, 9.0},
            new double[] {-1, 45, 16.0}, new double[] {-1, 30, 17.0}, new double[] {1, 7, 18.0},
            new double[] {-1, 1, 18.5}, new double[] {1, 3, 19.0}, new double[] {1, 3, 19.5},
            new double[] {1, 3, 20.0}, new double[] {1, 3, 20.5}, new double[] {1, 50, 21.0},
            new double[] {-1, 20, 22.0});
        for (final double[] step : script)
        {
            final Fill fill = new Fill(nextFillId++, "ACC1", "AAPL", step[0] > 0 ? Side.BUY : Side.SELL,
                qty(step[1]), price(step[2]));
            assertThat(fill.applyTo(portfolio)).isEqualTo(FillOutcome.APPLIED);
            fill.applyTo(reference);
            PortfolioAssertions.assertSameAs(reference, portfolio, "ACC1");
        }
    }

    @Test
    void shouldBookFillsOnAThreadOtherThanTheOneThatOpened() throws Exception
    {
        final ExecutorService businessThread = Executors.newSingleThreadExecutor();
        try
        {
            final Future<FillOutcome> outcome = businessThread.submit(() -> fill(aapl, Side.BUY, 5, 20.0));
            assertThat(outcome.get(30, TimeUnit.SECONDS)).isEqualTo(FillOutcome.APPLIED);
        }
        finally
        {
            businessThread.shutdownNow();
        }
        assertThat(portfolio.quantity(account, aapl)).isEqualTo(qty(5));
    }

    @Test
    void shouldGiveNewAccountsTheirConfiguredInitialCashAndKeepBookedCashOnReopen()
    {
        final int other = portfolio.accountId("ACC2");
        assertThat(portfolio.cash(other)).isEqualTo(5_000 * MONEY);
        portfolio.applyFill(nextFillId++, other, aapl, Side.BUY, qty(10), price(100), 0);
        portfolio.close();

        portfolio = Portfolio.open(configuration().initialCash("ACC2", 9_999 * MONEY));
        assertThat(portfolio.recoveredFromCrash()).isFalse();
        assertThat(portfolio.cash(portfolio.findAccountId("ACC2"))).isEqualTo(4_000 * MONEY);
        assertThat(portfolio.findAccountId("NOBODY")).isEqualTo(Portfolio.NO_ID);
    }

    @Test
    void shouldRoundNotionalsHalfAwayFromZeroAtMoneyScale()
    {
        // 0.0001 shares at 0.00000001: 1e-12 of money rounds to nothing; the position still holds it.
        assertThat(portfolio.applyFill(1, account, aapl, Side.BUY, 1, 1, 0)).isEqualTo(FillOutcome.APPLIED);
        assertThat(portfolio.cash(account)).isEqualTo(1_000_000 * MONEY);
        assertThat(portfolio.quantity(account, aapl)).isEqualTo(1);
        // 1.5 shares at 0.00000001 is 1.5e-8: one and a half money units, rounded up to 2.
        assertThat(portfolio.applyFill(2, account, msft, Side.BUY, qty(1.5), 1, 0)).isEqualTo(FillOutcome.APPLIED);
        assertThat(portfolio.cash(account)).isEqualTo(1_000_000 * MONEY - 2);
        assertThat(FixedPoint.NONE).isEqualTo(portfolio.lastPrice(aapl));
    }
}

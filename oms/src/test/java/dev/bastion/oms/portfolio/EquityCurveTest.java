package dev.bastion.oms.portfolio;

import dev.bastion.oms.api.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static dev.bastion.oms.api.FixedPoint.price;
import static dev.bastion.oms.api.FixedPoint.qty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EquityCurveTest
{
    private static final long MONEY = FixedMath.MONEY_SCALE;
    private static final long HOUR = 3_600_000L;

    @TempDir
    Path directory;

    private long now = millis(LocalDate.of(2026, 3, 30)) + 10 * HOUR; // a Monday, 10:00 UTC
    private Portfolio portfolio;
    private int account;
    private int symbol;
    private long fillId;

    private static long millis(final LocalDate day)
    {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private PortfolioConfiguration configuration()
    {
        return new PortfolioConfiguration()
            .directory(directory)
            .initialCash("FUND", 100_000 * MONEY)
            .maxPositions(100)
            .maxAccounts(10)
            .maxSymbols(10)
            .maxOverflowLots(100)
            .tradeLogSegmentRecords(100)
            .maxEquitySamples(1_000)
            .clock(() -> now);
    }

    @BeforeEach
    void open()
    {
        portfolio = Portfolio.open(configuration());
        account = portfolio.accountId("FUND");
        symbol = portfolio.symbolId("AAPL");
    }

    @AfterEach
    void close()
    {
        portfolio.close();
    }

    @Test
    void shouldStartTheCurveWithTheOpeningCashOnTheDayBeforeTheAccountsFirstDay()
    {
        assertThat(portfolio.equityCurveDays(account)).containsExactly(LocalDate.of(2026, 3, 29).toEpochDay());
        assertThat(portfolio.equityCurve(account)).containsExactly(100_000.0);
        assertThat(portfolio.dailyReturns(account)).isEmpty();
    }

    @Test
    void shouldSampleEquityAtEachUtcMidnightAndCarryItOverDaysWithoutEvents()
    {
        portfolio.applyFill(++fillId, account, symbol, Side.BUY, qty(1_000), price(10), 0);
        portfolio.mark(symbol, price(11));                 // Monday closes at 101,000
        now = millis(LocalDate.of(2026, 3, 31)) + HOUR;
        portfolio.mark(symbol, price(9));                  // Tuesday closes at 99,000
        now = millis(LocalDate.of(2026, 4, 3)) + 5 * HOUR; // Friday: nothing happened Wed and Thu
        portfolio.onClock();

        assertThat(portfolio.equityCurveDays(account)).containsExactly(
            LocalDate.of(2026, 3, 29).toEpochDay(), LocalDate.of(2026, 3, 30).toEpochDay(),
            LocalDate.of(2026, 3, 31).toEpochDay(), LocalDate.of(2026, 4, 1).toEpochDay(),
            LocalDate.of(2026, 4, 2).toEpochDay());
        assertThat(portfolio.equityCurve(account)).containsExactly(100_000.0, 101_000.0, 99_000.0, 99_000.0, 99_000.0);
        assertThat(portfolio.dailyReturns(account)).containsExactly(
            new double[] {0.01, 99_000.0 / 101_000.0 - 1, 0.0, 0.0}, within(1e-12));
    }

    @Test
    void shouldReportPnlAndReturnSinceTheStartOfTheDayWeekAndMonth()
    {
        portfolio.applyFill(++fillId, account, symbol, Side.BUY, qty(1_000), price(10), 0);
        portfolio.mark(symbol, price(12));                 // Mon 30 March closes at 102,000
        now = millis(LocalDate.of(2026, 3, 31)) + HOUR;
        portfolio.mark(symbol, price(15));                 // Tue 31 March closes at 105,000
        now = millis(LocalDate.of(2026, 4, 1)) + HOUR;
        portfolio.mark(symbol, price(14));                 // Wed 1 April, now 104,000

        final PeriodPnl day = portfolio.pnl(account, PnlPeriod.DAY);
        assertThat(day.start()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(day.startEquity()).isEqualTo(105_000 * MONEY);
        assertThat(day.pnl()).isEqualTo(-1_000 * MONEY);
        assertThat(day.returnPercent()).isCloseTo(-100.0 / 105, within(1e-9));

        final PeriodPnl week = portfolio.pnl(account, PnlPeriod.WEEK);
        assertThat(week.start()).isEqualTo(LocalDate.of(2026, 3, 30));
        assertThat(week.startEquity()).isEqualTo(100_000 * MONEY);
        assertThat(week.pnl()).isEqualTo(4_000 * MONEY);
        assertThat(week.returnPercent()).isCloseTo(4.0, within(1e-9));

        final PeriodPnl month = portfolio.pnl(account, PnlPeriod.MONTH);
        assertThat(month.start()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(month.startEquity()).isEqualTo(105_000 * MONEY);
        assertThat(month.equity()).isEqualTo(104_000 * MONEY);
    }

    @Test
    void shouldKeepTheCurveAcrossAReopenAndGoOnSampling()
    {
        portfolio.applyFill(++fillId, account, symbol, Side.BUY, qty(100), price(10), 0);
        portfolio.mark(symbol, price(20));
        now = millis(LocalDate.of(2026, 3, 31)) + HOUR;
        portfolio.onClock();
        final double[] before = portfolio.equityCurve(account);
        portfolio.close();

        now = millis(LocalDate.of(2026, 4, 2)) + HOUR;
        portfolio = Portfolio.open(configuration());
        assertThat(portfolio.equityCurve(account)).startsWith(before);
        portfolio.onClock();

        // Tuesday and Wednesday passed while closed: each closed at the state the portfolio was left in.
        assertThat(portfolio.equityCurve(account)).containsExactly(100_000.0, 101_000.0, 101_000.0, 101_000.0);
        assertThat(portfolio.pnl(account, PnlPeriod.WEEK).pnl()).isEqualTo(1_000 * MONEY);
    }
}

package dev.bastion.oms.portfolio;

import dev.bastion.oms.portfolio.Cells.LongCell;
import net.openhft.chronicle.map.ChronicleMap;
import org.agrona.concurrent.EpochClock;

import java.time.LocalDate;

/**
 * Each account's equity at the close of every UTC day, sampled into the {@link EquityCurve} when a fill,
 * a mark or the timer first sees a new day, and what is read from it: P&amp;L since the start of a day,
 * week or month, the curve itself and its daily returns.
 */
final class DailyEquity
{
    private final EpochClock clock;
    private final PortfolioIds ids;
    private final CommittedCopy copy;
    private final EquityCurve curve;
    private long nextDayMillis;

    DailyEquity(
        final ChronicleMap<LongCell, LongCell> equityMap,
        final EpochClock clock,
        final PortfolioIds ids,
        final CommittedCopy copy)
    {
        this.clock = clock;
        this.ids = ids;
        this.copy = copy;
        curve = new EquityCurve(equityMap);
    }

    void load()
    {
        curve.load();
    }

    void ensureAccount(final int accountId)
    {
        curve.ensureAccount(accountId);
    }

    /** The opening balance of a new account: the close of the day before its first day. */
    void openingBalance(final int accountId, final long initialCash)
    {
        if (curve.size(accountId) == 0)
        {
            curve.closeThrough(accountId, Math.floorDiv(clock.time(), EquityCurve.MILLIS_PER_DAY) - 1, initialCash);
        }
    }

    /**
     * Samples the equity curve when a UTC day boundary has passed since the last check. Fills and marks
     * check first, so a sample is the state at midnight.
     */
    void checkDay()
    {
        final long now = clock.time();
        if (now >= nextDayMillis)
        {
            final long today = Math.floorDiv(now, EquityCurve.MILLIS_PER_DAY);
            for (int accountId = 0; accountId < ids.accountCount(); accountId++)
            {
                curve.closeThrough(accountId, today - 1, copy.portfolioValue(accountId));
            }
            nextDayMillis = (today + 1) * EquityCurve.MILLIS_PER_DAY;
        }
    }

    PeriodPnl pnl(final int accountId, final PnlPeriod period)
    {
        ids.requireAccount(accountId);
        checkDay();
        final long today = Math.floorDiv(clock.time(), EquityCurve.MILLIS_PER_DAY);
        final LocalDate start = period.start(LocalDate.ofEpochDay(today));
        final long startEquity = curve.closeBefore(accountId, start.toEpochDay());
        final long equity = copy.portfolioValue(accountId);
        final long pnl = equity - startEquity;
        final double returnPercent = startEquity > 0 ? 100.0 * pnl / startEquity : Double.NaN;
        return new PeriodPnl(period, start, startEquity, equity, pnl, returnPercent);
    }

    long[] days(final int accountId)
    {
        return curve.days(ids.requireAccount(accountId));
    }

    /** Daily closing equity in currency units, oldest first. */
    double[] equityCurve(final int accountId)
    {
        final long[] equities = curve.equities(ids.requireAccount(accountId));
        final double[] result = new double[equities.length];
        for (int i = 0; i < equities.length; i++)
        {
            result[i] = (double)equities[i] / FixedMath.MONEY_SCALE;
        }
        return result;
    }

    /** Simple daily returns {@code e[i] / e[i-1] - 1}, one fewer than closes. */
    double[] dailyReturns(final int accountId)
    {
        final long[] equities = curve.equities(ids.requireAccount(accountId));
        final double[] returns = new double[Math.max(0, equities.length - 1)];
        for (int i = 1; i < equities.length; i++)
        {
            returns[i - 1] = equities[i - 1] == 0 ? Double.NaN : (double)equities[i] / equities[i - 1] - 1.0;
        }
        return returns;
    }
}

package dev.bastion.risk.returns;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

import java.util.Arrays;

/**
 * Return analytics with the conventions of empyrical (Quantopian's library, the reference most quant tools
 * agree with), so figures can be compared across tools:
 * <ul>
 *     <li>NaN returns are dropped; 252 periods per year for daily returns.</li>
 *     <li>Sharpe = mean(r − rf) / std(r − rf) x √252, std the sample standard deviation (n − 1).</li>
 *     <li>Sortino = mean(r − rf) x 252 / (√mean(min(r − rf, 0)²) x √252): the downside deviation averages
 *     over all observations, not only the negative ones.</li>
 *     <li>Max drawdown of compounded wealth, the starting value counting as a peak.</li>
 * </ul>
 * The risk-free rate is given per year and converted to a per-period rate by simple division (rf / 252);
 * empyrical takes it per period, and with the default of 0 the two agree.
 */
public final class ReturnAnalytics
{
    public static final int TRADING_DAYS_PER_YEAR = 252;

    private final int periodsPerYear;
    private final double riskFreePerPeriod;

    /** Daily returns, no risk-free rate. */
    public ReturnAnalytics()
    {
        this(TRADING_DAYS_PER_YEAR, 0);
    }

    /**
     * @param periodsPerYear     252 for daily returns, 52 weekly, 12 monthly.
     * @param annualRiskFreeRate e.g. 0.04 for 4% a year.
     */
    public ReturnAnalytics(final int periodsPerYear, final double annualRiskFreeRate)
    {
        if (periodsPerYear < 1)
        {
            throw new IllegalArgumentException("periods per year must be at least 1, was " + periodsPerYear);
        }
        if (!Double.isFinite(annualRiskFreeRate))
        {
            throw new IllegalArgumentException("the risk-free rate must be a number, was " + annualRiskFreeRate);
        }
        this.periodsPerYear = periodsPerYear;
        this.riskFreePerPeriod = annualRiskFreeRate / periodsPerYear;
    }

    /** @throws IllegalArgumentException with fewer than 2 returns (no standard deviation). */
    public ReturnStatistics analyze(final double[] returns)
    {
        final double[] r = Arrays.stream(returns).filter(x -> !Double.isNaN(x)).toArray();
        final int n = r.length;
        if (n < 2)
        {
            throw new IllegalArgumentException("at least 2 returns are needed, got " + n);
        }
        for (final double value : r)
        {
            if (!Double.isFinite(value) || value <= -1)
            {
                throw new IllegalArgumentException("a return must be a finite number above -1 (-100%), was " + value);
            }
        }

        double wealth = 1;
        double peak = 1;
        double maxDrawdown = 0;
        double gains = 0;
        double losses = 0;
        int wins = 0;
        int lossCount = 0;
        double downsideSquares = 0;
        final double[] excess = new double[n];
        for (int i = 0; i < n; i++)
        {
            final double value = r[i];
            wealth *= 1 + value;
            peak = Math.max(peak, wealth);
            maxDrawdown = Math.min(maxDrawdown, wealth / peak - 1);
            if (value > 0)
            {
                gains += value;
                wins++;
            }
            else if (value < 0)
            {
                losses += value;
                lossCount++;
            }
            excess[i] = value - riskFreePerPeriod;
            final double downside = Math.min(excess[i], 0);
            downsideSquares += downside * downside;
        }

        final double totalReturn = wealth - 1;
        final double annualReturn = Math.pow(wealth, (double)periodsPerYear / n) - 1;
        final double rootYear = Math.sqrt(periodsPerYear);
        final double volatility = new StandardDeviation(true).evaluate(r);
        final double meanExcess = new Mean().evaluate(excess);
        final double excessDeviation = new StandardDeviation(true).evaluate(excess);
        final double sharpe = meanExcess / excessDeviation * rootYear;
        final double downsideRisk = Math.sqrt(downsideSquares / n) * rootYear;
        final double sortino = downsideRisk == 0 ? (meanExcess > 0 ? Double.POSITIVE_INFINITY : Double.NaN) :
            meanExcess * periodsPerYear / downsideRisk;
        final int decided = wins + lossCount;
        return new ReturnStatistics(
            n,
            totalReturn,
            annualReturn,
            volatility * rootYear,
            sharpe,
            sortino,
            maxDrawdown,
            decided == 0 ? Double.NaN : (double)wins / decided,
            wins == 0 ? Double.NaN : gains / wins,
            lossCount == 0 ? Double.NaN : losses / lossCount,
            lossCount == 0 ? (wins == 0 ? Double.NaN : Double.POSITIVE_INFINITY) : gains / -losses);
    }

    /**
     * Simple returns p(t) / p(t−1) − 1 of a price series (or an equity curve).
     *
     * @throws IllegalArgumentException when a price is not positive.
     */
    public static double[] fromPrices(final double[] prices)
    {
        if (prices.length < 2)
        {
            throw new IllegalArgumentException("at least 2 prices are needed for a return, got " + prices.length);
        }
        final double[] returns = new double[prices.length - 1];
        for (int i = 0; i < prices.length; i++)
        {
            if (!(prices[i] > 0) || !Double.isFinite(prices[i]))
            {
                throw new IllegalArgumentException("price " + i + " must be positive, was " + prices[i]);
            }
            if (i > 0)
            {
                returns[i - 1] = prices[i] / prices[i - 1] - 1;
            }
        }
        return returns;
    }
}

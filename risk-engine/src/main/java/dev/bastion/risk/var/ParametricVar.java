package dev.bastion.risk.var;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

import java.util.Arrays;

/**
 * Parametric (variance–covariance) VaR and expected shortfall under a normal distribution of P&amp;L:
 * VaR = z·σ·√h − μ·h and ES = σ·√h·φ(z)/(1 − c) − μ·h, with z the standard normal quantile at the confidence
 * c, σ and μ the one-day standard deviation and mean of P&amp;L, h the horizon in days. Risk systems usually
 * set μ to zero for short horizons (Hull, RiskMetrics); the callers choose.
 */
public final class ParametricVar
{
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private ParametricVar()
    {
    }

    /**
     * @param meanPnl      the one-day mean P&amp;L (0 for the usual zero-mean VaR).
     * @param stdDevPnl    the one-day standard deviation of P&amp;L, in currency.
     * @param confidence   e.g. 0.99.
     * @param horizonDays  the holding period.
     */
    public static VarEstimate ofPnl(
        final double meanPnl, final double stdDevPnl, final double confidence, final int horizonDays)
    {
        VarEstimate.validate(confidence, horizonDays);
        if (!(stdDevPnl >= 0) || !Double.isFinite(stdDevPnl) || !Double.isFinite(meanPnl))
        {
            throw new IllegalArgumentException("standard deviation must be finite and not negative, was " + stdDevPnl);
        }
        final double z = STANDARD_NORMAL.inverseCumulativeProbability(confidence);
        final double sigma = stdDevPnl * Math.sqrt(horizonDays);
        final double drift = meanPnl * horizonDays;
        final double valueAtRisk = z * sigma - drift;
        final double shortfall = sigma * STANDARD_NORMAL.density(z) / (1 - confidence) - drift;
        return new VarEstimate(VarMethod.PARAMETRIC, confidence, horizonDays, valueAtRisk, shortfall);
    }

    /** A position of {@code value} whose daily returns have this mean and volatility. */
    public static VarEstimate of(
        final double value, final double meanReturn, final double volatility, final double confidence,
        final int horizonDays)
    {
        return ofPnl(value * meanReturn, Math.abs(value) * volatility, confidence, horizonDays);
    }

    /**
     * From a sample of daily returns of a portfolio worth {@code value}: sample standard deviation (n − 1),
     * the sample mean only when {@code withMean}.
     */
    public static VarEstimate ofReturns(
        final double[] returns, final double value, final double confidence, final int horizonDays,
        final boolean withMean)
    {
        final double[] finite = Arrays.stream(returns).filter(Double::isFinite).toArray();
        if (finite.length < 2)
        {
            throw new IllegalArgumentException("at least 2 returns are needed for a standard deviation, got " +
                finite.length);
        }
        final double mean = withMean ? new Mean().evaluate(finite) : 0;
        final double sigma = new StandardDeviation(true).evaluate(finite);
        return of(value, mean, sigma, confidence, horizonDays);
    }

    /** The standard deviation of the P&amp;L of positions {@code exposures} (currency): √(wᵀ Σ w). */
    public static double portfolioStdDev(final double[] exposures, final double[][] covariance)
    {
        final int n = exposures.length;
        if (covariance.length != n)
        {
            throw new IllegalArgumentException("covariance is " + covariance.length + "x" + covariance.length +
                " for " + n + " positions");
        }
        double variance = 0;
        for (int i = 0; i < n; i++)
        {
            if (covariance[i].length != n)
            {
                throw new IllegalArgumentException("covariance row " + i + " has " + covariance[i].length +
                    " columns, expected " + n);
            }
            for (int j = 0; j < n; j++)
            {
                variance += exposures[i] * covariance[i][j] * exposures[j];
            }
        }
        return Math.sqrt(Math.max(0, variance));
    }

    /** Σ = D·ρ·D from daily volatilities and a correlation matrix. */
    public static double[][] covariance(final double[] volatilities, final double[][] correlation)
    {
        final int n = volatilities.length;
        final double[][] covariance = new double[n][n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                covariance[i][j] = volatilities[i] * correlation[i][j] * volatilities[j];
            }
        }
        return covariance;
    }
}

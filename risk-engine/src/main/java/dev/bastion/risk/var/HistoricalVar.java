package dev.bastion.risk.var;

import java.util.Arrays;

/**
 * Historical VaR and expected shortfall from a sample of one-day P&amp;L (or returns times the portfolio value).
 *
 * <h2>Quantile convention</h2>
 * With n observations and m = n(1 − confidence) (rounded to 9 decimals, so 500 x 0.01 is 5 and not
 * 5.000000000000004): VaR is the k-th worst loss, k = max(1, ceil(m)), the lower empirical quantile of the
 * P&amp;L (Hyndman–Fan type 1, Commons Math's {@code Percentile} with {@code EstimationType.R_1}); with 500 days
 * at 99% it is the 5th worst loss, as in Hull's examples. Expected shortfall is the mean of the worst m losses,
 * the last one weighted by the fractional part of m (Acerbi and Tasche): for integer m, the mean of the m
 * worst losses, the VaR included; so ES ≥ VaR always.
 * <p>
 * A horizon of h days scales both by √h (square-root-of-time, i.i.d. days); {@link MonteCarloVar} simulates
 * the horizon instead.
 */
public final class HistoricalVar
{
    private HistoricalVar()
    {
    }

    /** From daily P&amp;L in currency, profits positive. The array is not changed. */
    public static VarEstimate ofPnl(final double[] pnl, final double confidence, final int horizonDays)
    {
        VarEstimate.validate(confidence, horizonDays);
        final double[] sorted = finiteSorted(pnl);
        return fromSortedPnl(
            VarMethod.HISTORICAL, sorted, sorted.length, confidence, horizonDays, Math.sqrt(horizonDays));
    }

    /** From daily returns (0.01 is 1%) of a portfolio worth {@code value}. */
    public static VarEstimate ofReturns(
        final double[] returns, final double value, final double confidence, final int horizonDays)
    {
        final double[] pnl = new double[returns.length];
        for (int i = 0; i < returns.length; i++)
        {
            pnl[i] = returns[i] * value;
        }
        return ofPnl(pnl, confidence, horizonDays);
    }

    /**
     * VaR and ES of the first {@code n} values of {@code sortedPnl}, sorted ascending (worst first), each
     * multiplied by {@code scale}.
     */
    static VarEstimate fromSortedPnl(
        final VarMethod method,
        final double[] sortedPnl,
        final int n,
        final double confidence,
        final int horizonDays,
        final double scale)
    {
        final double m = Math.round(n * (1 - confidence) * 1e9) / 1e9;
        final int k = Math.max(1, (int)Math.ceil(m));
        final double valueAtRisk = -sortedPnl[k - 1];
        final double shortfall;
        if (m < 1)
        {
            shortfall = -sortedPnl[0];
        }
        else
        {
            final int whole = (int)Math.floor(m);
            double sum = 0;
            for (int i = 0; i < whole; i++)
            {
                sum -= sortedPnl[i];
            }
            final double part = m - whole;
            if (part > 0)
            {
                sum -= part * sortedPnl[whole];
            }
            shortfall = sum / m;
        }
        return new VarEstimate(method, confidence, horizonDays, valueAtRisk * scale, shortfall * scale);
    }

    private static double[] finiteSorted(final double[] pnl)
    {
        final double[] sorted = Arrays.stream(pnl).filter(Double::isFinite).toArray();
        if (sorted.length == 0)
        {
            throw new IllegalArgumentException("no P&L observations (empty, or all NaN)");
        }
        Arrays.sort(sorted);
        return sorted;
    }
}

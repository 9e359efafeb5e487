package dev.bastion.risk.correlation;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pearson correlation of returns (Commons Math), the pairs that move together, and the diversification ratio
 * of a portfolio.
 */
public final class CorrelationAnalysis
{
    public static final double DEFAULT_THRESHOLD = 0.7;

    private CorrelationAnalysis()
    {
    }

    /**
     * @param symbols   the name of each column.
     * @param returns   {@code returns[t][i]}: the return of symbol i on day t; no NaN.
     * @param threshold pairs with a correlation strictly above it are reported.
     * @throws IllegalArgumentException when a symbol's returns are constant (its correlation is undefined) or
     *                                  there are fewer than 3 days.
     */
    public static CorrelationSummary analyze(
        final List<String> symbols, final double[][] returns, final double threshold)
    {
        final int n = symbols.size();
        if (returns.length < 3)
        {
            throw new IllegalArgumentException("correlation needs at least 3 days of returns, got " + returns.length);
        }
        for (final double[] day : returns)
        {
            if (day.length != n)
            {
                throw new IllegalArgumentException("each day needs a return for each of the " + n + " symbols");
            }
        }
        for (int i = 0; i < n; i++)
        {
            final double first = returns[0][i];
            boolean constant = true;
            for (final double[] day : returns)
            {
                constant &= day[i] == first;
            }
            if (constant)
            {
                throw new IllegalArgumentException(symbols.get(i) + " has constant returns: its correlation is " +
                    "undefined");
            }
        }
        final double[][] matrix;
        if (n == 1)
        {
            matrix = new double[][]{{1}};
        }
        else
        {
            matrix = new PearsonsCorrelation(returns).getCorrelationMatrix().getData();
        }

        final Map<String, Double> averages = new LinkedHashMap<>();
        final List<CorrelatedPair> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int j = 0; j < n; j++)
            {
                if (j != i)
                {
                    sum += matrix[i][j];
                }
                if (j > i && matrix[i][j] > threshold)
                {
                    pairs.add(new CorrelatedPair(symbols.get(i), symbols.get(j), matrix[i][j]));
                }
            }
            averages.put(symbols.get(i), n > 1 ? sum / (n - 1) : Double.NaN);
        }
        pairs.sort(Comparator.comparingDouble(CorrelatedPair::correlation).reversed());
        return new CorrelationSummary(List.copyOf(symbols), matrix, averages, List.copyOf(pairs), threshold);
    }

    /**
     * The diversification ratio Σ|wᵢ|σᵢ / σₚ (Choueifaty and Coignard): 1 for a single asset or perfectly
     * correlated ones, higher the more the positions offset each other.
     *
     * @param exposures    the money in each asset (shorts negative).
     * @param volatilities each asset's standard deviation of returns.
     * @param correlation  the correlation matrix.
     */
    public static double diversificationRatio(
        final double[] exposures, final double[] volatilities, final double[][] correlation)
    {
        final int n = exposures.length;
        double weightedVolatility = 0;
        double variance = 0;
        for (int i = 0; i < n; i++)
        {
            weightedVolatility += Math.abs(exposures[i]) * volatilities[i];
            for (int j = 0; j < n; j++)
            {
                variance += exposures[i] * volatilities[i] * correlation[i][j] * volatilities[j] * exposures[j];
            }
        }
        if (!(variance > 0))
        {
            throw new IllegalArgumentException("the portfolio has no variance: the diversification ratio is undefined");
        }
        return weightedVolatility / Math.sqrt(variance);
    }
}

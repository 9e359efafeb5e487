package dev.bastion.risk.correlation;

import java.util.List;
import java.util.Map;

/**
 * What a risk desk reads from a correlation matrix.
 *
 * @param symbols             the symbols, in the order of the matrix.
 * @param matrix              Pearson correlations of the returns.
 * @param averageCorrelation  per symbol, the mean of its correlations with every other symbol.
 * @param highlyCorrelated    the pairs with a correlation above the threshold, highest first.
 * @param threshold           the threshold used.
 */
public record CorrelationSummary(
    List<String> symbols,
    double[][] matrix,
    Map<String, Double> averageCorrelation,
    List<CorrelatedPair> highlyCorrelated,
    double threshold)
{
    public double correlation(final String first, final String second)
    {
        final int i = indexOf(first);
        final int j = indexOf(second);
        return matrix[i][j];
    }

    private int indexOf(final String symbol)
    {
        final int index = symbols.indexOf(symbol);
        if (index < 0)
        {
            throw new IllegalArgumentException("no symbol " + symbol + " in " + symbols);
        }
        return index;
    }
}

package dev.bastion.risk.correlation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CorrelationAnalysisTest
{
    /** B is A doubled plus a little noise, C moves against A, D is unrelated. */
    private static final double[][] RETURNS = {
        {0.01, 0.021, -0.012, 0.003},
        {-0.02, -0.039, 0.018, -0.004},
        {0.015, 0.030, -0.016, 0.001},
        {0.000, 0.001, 0.001, 0.006},
        {-0.01, -0.022, 0.011, -0.002},
        {0.005, 0.009, -0.004, -0.005},
    };

    @Test
    void shouldFindThePairsAboveTheThresholdAndTheAverageCorrelationOfEachSymbol()
    {
        final CorrelationSummary summary =
            CorrelationAnalysis.analyze(List.of("A", "B", "C", "D"), RETURNS, CorrelationAnalysis.DEFAULT_THRESHOLD);

        assertThat(summary.correlation("A", "A")).isEqualTo(1.0);
        assertThat(summary.correlation("A", "B")).isGreaterThan(0.99);
        assertThat(summary.correlation("A", "C")).isLessThan(-0.95);
        assertThat(summary.highlyCorrelated()).extracting(pair -> pair.first() + pair.second()).containsExactly("AB");
        final double[] row = summary.matrix()[3];
        assertThat(summary.averageCorrelation().get("D")).isCloseTo((row[0] + row[1] + row[2]) / 3, within(1e-15));
    }

    @Test
    void shouldMatchPearsonsFormulaComputedByHand()
    {
        final double[] x = {1, 2, 3, 4, 5};
        final double[] y = {2, 4, 5, 4, 5};
        final double[][] returns = new double[5][];
        for (int t = 0; t < 5; t++)
        {
            returns[t] = new double[]{x[t], y[t]};
        }

        // sxy = 6, sxx = 10, syy = 6: r = 6 / sqrt(60)
        assertThat(CorrelationAnalysis.analyze(List.of("X", "Y"), returns, 0.7).correlation("X", "Y"))
            .isCloseTo(6 / Math.sqrt(60), within(1e-15));
    }

    @Test
    void shouldMeasureDiversification()
    {
        final double[] volatilities = {0.02, 0.02};

        assertThat(CorrelationAnalysis.diversificationRatio(new double[]{1, 1}, volatilities,
            new double[][]{{1, 1}, {1, 1}})).isCloseTo(1.0, within(1e-12));
        // two equal independent assets: 2 / sqrt(2)
        assertThat(CorrelationAnalysis.diversificationRatio(new double[]{1, 1}, volatilities,
            new double[][]{{1, 0}, {0, 1}})).isCloseTo(Math.sqrt(2), within(1e-12));
    }

    @Test
    void shouldRefuseASymbolWithConstantReturns()
    {
        final double[][] returns = {{0.01, 0}, {0.02, 0}, {-0.01, 0}};

        assertThatThrownBy(() -> CorrelationAnalysis.analyze(List.of("A", "FLAT"), returns, 0.7))
            .hasMessage("FLAT has constant returns: its correlation is undefined");
    }
}

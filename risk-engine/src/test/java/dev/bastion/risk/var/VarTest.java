package dev.bastion.risk.var;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

class VarTest
{
    /** Hull's example: $10M in one asset, $5M in another, daily volatilities 2% and 1%, correlation 0.3. */
    private static final double[] HULL_EXPOSURES = {10_000_000, 5_000_000};
    private static final double[] HULL_VOLATILITIES = {0.02, 0.01};
    private static final double[][] HULL_CORRELATION = {{1, 0.3}, {0.3, 1}};

    @Nested
    class Historical
    {
        /** P&L of -250 .. 249: the k-th worst loss is 251 - k. */
        private final double[] pnl = IntStream.range(0, 500).mapToDouble(i -> i - 250).toArray();

        @Test
        void shouldTakeTheFifthWorstOf500DaysAs99PercentVarAndAverageTheFiveWorstForExpectedShortfall()
        {
            final VarEstimate estimate = HistoricalVar.ofPnl(pnl, 0.99, 1);

            assertThat(estimate.valueAtRisk()).isEqualTo(246);
            assertThat(estimate.expectedShortfall()).isEqualTo((250 + 249 + 248 + 247 + 246) / 5.0);
            assertThat(estimate.method()).isEqualTo(VarMethod.HISTORICAL);
        }

        @Test
        void shouldTakeThe25thWorstOf500DaysAs95PercentVar()
        {
            final VarEstimate estimate = HistoricalVar.ofPnl(pnl, 0.95, 1);

            assertThat(estimate.valueAtRisk()).isEqualTo(226);
            assertThat(estimate.expectedShortfall()).isEqualTo(238);
        }

        @Test
        void shouldWeightThePartialObservationWhenTheTailIsNotAWholeNumberOfDays()
        {
            // 250 days at 99%: a tail of 2.5 days, VaR the 3rd worst loss
            final double[] days = IntStream.range(0, 250).mapToDouble(i -> i - 100).toArray();
            final VarEstimate estimate = HistoricalVar.ofPnl(days, 0.99, 1);

            assertThat(estimate.valueAtRisk()).isEqualTo(98);
            assertThat(estimate.expectedShortfall()).isCloseTo((100 + 99 + 0.5 * 98) / 2.5, within(1e-12));
        }

        @Test
        void shouldAgreeWithCommonsMathsLowerEmpiricalQuantile()
        {
            final Random random = new Random(7);
            for (final int n : new int[]{250, 500, 1_000, 2_520, 777})
            {
                final double[] sample = random.doubles(n).map(x -> x - 0.45).toArray();
                for (final double confidence : new double[]{0.95, 0.975, 0.99})
                {
                    // 100 x (1 - 0.95) is 5.000000000000004 in binary, one observation off: give the decimal
                    final double percent = Math.round((1 - confidence) * 100 * 1e9) / 1e9;
                    final double quantile = new Percentile().withEstimationType(EstimationType.R_1)
                        .evaluate(sample, percent);
                    assertThat(HistoricalVar.ofPnl(sample, confidence, 1).valueAtRisk())
                        .as("n=%d confidence=%s", n, confidence).isEqualTo(-quantile);
                }
            }
        }

        @Test
        void shouldScaleToTheHorizonBySquareRootOfTime()
        {
            final VarEstimate oneDay = HistoricalVar.ofPnl(pnl, 0.99, 1);
            final VarEstimate tenDays = HistoricalVar.ofPnl(pnl, 0.99, 10);

            assertThat(tenDays.valueAtRisk()).isCloseTo(oneDay.valueAtRisk() * Math.sqrt(10), within(1e-9));
            assertThat(tenDays.expectedShortfall()).isCloseTo(oneDay.expectedShortfall() * Math.sqrt(10), within(1e-9));
        }

        @Test
        void shouldValueReturnsAtThePortfolioValueAndSkipMissingDays()
        {
            final double[] returns = {0.01, Double.NaN, -0.02, 0.005, -0.01};
            final VarEstimate estimate = HistoricalVar.ofReturns(returns, 1_000_000, 0.95, 1);

            assertThat(estimate.valueAtRisk()).isEqualTo(20_000);
        }
    }

    @Nested
    class Parametric
    {
        @Test
        void shouldMatchHullsTenDayVarOfTenMillionAtTwoPercentDailyVolatility()
        {
            // Hull: 10,000,000 x 0.02 x sqrt(10) x 2.326 = $1,471,300
            final VarEstimate estimate = ParametricVar.of(10_000_000, 0, 0.02, 0.99, 10);

            assertThat(estimate.valueAtRisk()).isCloseTo(1_471_300, withinPercentage(0.01));
            // ES of a normal at 99%: sigma x phi(2.3263) / 0.01 = 2.6652 sigma
            assertThat(estimate.expectedShortfall()).isCloseTo(632_455.5 * 2.665214, withinPercentage(0.001));
        }

        @Test
        void shouldMatchHullsTwoAssetPortfolioWithCorrelation03()
        {
            final double[][] covariance = ParametricVar.covariance(HULL_VOLATILITIES, HULL_CORRELATION);
            final double sigma = ParametricVar.portfolioStdDev(HULL_EXPOSURES, covariance);
            final VarEstimate estimate = ParametricVar.ofPnl(0, sigma, 0.99, 10);

            // Hull: sigma_P = 220,227; 10-day 99% VaR = 220,227 x sqrt(10) x 2.326 = $1,620,100
            assertThat(sigma).isCloseTo(220_227, offset(1.0));
            assertThat(estimate.valueAtRisk()).isCloseTo(1_620_100, withinPercentage(0.02));
            // the diversification benefit: below 1,471,300 + 367,800
            assertThat(estimate.valueAtRisk()).isLessThan(1_471_300 + 367_800);
        }

        @Test
        void shouldSubtractTheMeanOverTheHorizonWhenAsked()
        {
            final double[] returns = {0.01, 0.02, -0.01, 0.0, 0.015, -0.005};
            final VarEstimate zeroMean = ParametricVar.ofReturns(returns, 1_000, 0.95, 1, false);
            final VarEstimate withMean = ParametricVar.ofReturns(returns, 1_000, 0.95, 1, true);

            assertThat(zeroMean.valueAtRisk() - withMean.valueAtRisk()).isCloseTo(1_000 * 0.005, within(1e-9));
        }

        @Test
        void shouldRefuseAConfidenceOutsideItsRange()
        {
            assertThatThrownBy(() -> ParametricVar.of(1, 0, 0.01, 99, 1))
                .hasMessage("confidence must be above 0.5 and below 1, was 99.0");
            assertThatThrownBy(() -> ParametricVar.of(1, 0, 0.01, 0.99, 0))
                .hasMessage("horizon must be at least 1 day, was 0");
        }
    }

    @Nested
    class MonteCarlo
    {
        @Test
        void shouldConvergeToTheParametricFigureForAPortfolioOfCorrelatedNormals()
        {
            final double sigma = ParametricVar.portfolioStdDev(HULL_EXPOSURES,
                ParametricVar.covariance(HULL_VOLATILITIES, HULL_CORRELATION));
            final MonteCarloVar monteCarlo =
                new MonteCarloVar(HULL_EXPOSURES, HULL_VOLATILITIES, HULL_CORRELATION, null);

            for (final double confidence : new double[]{0.95, 0.99})
            {
                final VarEstimate exact = ParametricVar.ofPnl(0, sigma, confidence, 10);
                final VarEstimate tenThousand = monteCarlo.estimate(MonteCarloVar.DEFAULT_PATHS, 42, confidence, 10);
                final VarEstimate many = monteCarlo.estimate(200_000, 42, confidence, 10);

                assertThat(tenThousand.valueAtRisk()).isCloseTo(exact.valueAtRisk(), withinPercentage(5));
                assertThat(tenThousand.expectedShortfall()).isCloseTo(exact.expectedShortfall(), withinPercentage(5));
                assertThat(many.valueAtRisk()).isCloseTo(exact.valueAtRisk(), withinPercentage(1.5));
                assertThat(many.expectedShortfall()).isCloseTo(exact.expectedShortfall(), withinPercentage(1.5));
            }
        }

        @Test
        void shouldReproduceARunFromItsSeed()
        {
            final MonteCarloVar monteCarlo =
                new MonteCarloVar(HULL_EXPOSURES, HULL_VOLATILITIES, HULL_CORRELATION, null);

            final VarEstimate first = monteCarlo.estimate(10_000, 7, 0.99, 1);
            final VarEstimate again = monteCarlo.estimate(10_000, 7, 0.99, 1);
            final VarEstimate other = monteCarlo.estimate(10_000, 8, 0.99, 1);

            assertThat(again).isEqualTo(first);
            assertThat(other.valueAtRisk()).isNotEqualTo(first.valueAtRisk());
        }

        @Test
        void shouldHandlePerfectlyCorrelatedAssetsWithFewerFactors()
        {
            final double[][] identical = {{1, 1}, {1, 1}};
            final MonteCarloVar twoAsOne = new MonteCarloVar(new double[]{1_000, 3_000}, new double[]{0.01, 0.01},
                identical, null);
            final MonteCarloVar one = new MonteCarloVar(new double[]{4_000}, new double[]{0.01}, new double[][]{{1}},
                null);

            assertThat(twoAsOne.factors()).isEqualTo(1);
            assertThat(twoAsOne.estimate(20_000, 3, 0.99, 1).valueAtRisk())
                .isCloseTo(one.estimate(20_000, 3, 0.99, 1).valueAtRisk(), withinPercentage(1e-9));
        }

        @Test
        void shouldAddTheMeanOverTheHorizon()
        {
            final MonteCarloVar zero = new MonteCarloVar(new double[]{1_000}, new double[]{0.01}, new double[][]{{1}},
                null);
            final MonteCarloVar drifting = new MonteCarloVar(new double[]{1_000}, new double[]{0.01},
                new double[][]{{1}}, new double[]{0.001});

            assertThat(zero.estimate(10_000, 1, 0.99, 5).valueAtRisk() - drifting.estimate(10_000, 1, 0.99, 5)
                .valueAtRisk()).isCloseTo(5.0, within(1e-9));
        }

        @Test
        void shouldRefuseACorrelationMatrixNoReturnsCanHave()
        {
            final double[][] impossible = {{1, 0.9, -0.9}, {0.9, 1, 0.9}, {-0.9, 0.9, 1}};

            assertThatThrownBy(() -> new MonteCarloVar(new double[]{1, 1, 1}, new double[]{0.01, 0.01, 0.01},
                impossible, null)).hasMessageContaining("not positive semi-definite");
        }
    }
}

package dev.bastion.risk.returns;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ReturnAnalyticsTest
{
    /** empyrical's test series: daily returns of 1, 10, -4, 2, 3, 2, 1, -10 percent after a NaN. */
    private static final double[] EMPYRICAL = {Double.NaN, 0.01, 0.10, -0.04, 0.02, 0.03, 0.02, 0.01, -0.10};

    private final ReturnStatistics statistics = new ReturnAnalytics().analyze(EMPYRICAL);

    @Test
    void shouldMatchEmpyricalsPublishedSharpeAndSortino()
    {
        assertThat(statistics.sharpe()).isCloseTo(1.7238613961706866, within(1e-12));
        assertThat(statistics.sortino()).isCloseTo(2.605531251673693, within(1e-12));
        assertThat(statistics.maxDrawdown()).isCloseTo(-0.10, within(1e-12));
        assertThat(statistics.observations()).isEqualTo(8);
    }

    @Test
    void shouldCompoundTheTotalAndAnnualReturn()
    {
        assertThat(statistics.totalReturn()).isCloseTo(0.03893109170048037, within(1e-12));
        assertThat(statistics.annualReturn()).isCloseTo(2.330292797300439, within(1e-9));
        assertThat(statistics.annualVolatility()).isCloseTo(0.9136465399704637, within(1e-12));
    }

    @Test
    void shouldCountWinsAndLossesAndTheirSizes()
    {
        assertThat(statistics.winRate()).isEqualTo(6 / 8.0);
        assertThat(statistics.averageWin()).isCloseTo(0.19 / 6, within(1e-15));
        assertThat(statistics.averageLoss()).isCloseTo(-0.07, within(1e-15));
        assertThat(statistics.profitFactor()).isCloseTo(0.19 / 0.14, within(1e-12));
    }

    @Test
    void shouldCountTheStartingValueAsAPeakForDrawdown()
    {
        final ReturnStatistics fallFromTheStart = new ReturnAnalytics().analyze(new double[]{-0.2, 0.1, 0.05});

        assertThat(fallFromTheStart.maxDrawdown()).isCloseTo(-0.2, within(1e-15));
    }

    @Test
    void shouldSubtractTheRiskFreeRatePerPeriod()
    {
        final ReturnStatistics withRate = new ReturnAnalytics(252, 0.0252).analyze(EMPYRICAL);

        // sharpe is (mean - 0.0001) / std x sqrt(252); std does not move with a constant
        final double std = statistics.annualVolatility() / Math.sqrt(252);
        assertThat(withRate.sharpe()).isCloseTo((0.00625 - 0.0001) / std * Math.sqrt(252), within(1e-12));
        assertThat(withRate.sortino()).isLessThan(statistics.sortino());
    }

    @Test
    void shouldTurnPricesIntoSimpleReturns()
    {
        assertThat(ReturnAnalytics.fromPrices(new double[]{100, 110, 99})).containsExactly(
            new double[]{0.1, -0.1}, within(1e-15));
        assertThatThrownBy(() -> ReturnAnalytics.fromPrices(new double[]{100, 0}))
            .hasMessage("price 1 must be positive, was 0.0");
    }

    @Test
    void shouldRefuseTooFewReturns()
    {
        assertThatThrownBy(() -> new ReturnAnalytics().analyze(new double[]{Double.NaN, 0.01}))
            .hasMessage("at least 2 returns are needed, got 1");
    }
}

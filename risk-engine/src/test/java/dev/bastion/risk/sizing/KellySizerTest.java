package dev.bastion.risk.sizing;

import org.junit.jupiter.api.Test;

import static dev.bastion.risk.FixedPointMath.toNotional;
import static dev.bastion.risk.FixedPointMath.toPrice;
import static dev.bastion.risk.FixedPointMath.toQty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class KellySizerTest
{
    private final SizingResult result = new SizingResult();
    private final KellySizer sizer = new KellySizer(new KellyConfiguration().conclude());

    @Test
    void shouldComputeFullKellyForTheWorkedExamples()
    {
        // p = 0.6, b = 1: (0.6 - 0.4) / 1
        assertThat(KellySizer.fullKelly(0.6, 1)).isCloseTo(0.20, within(1e-15));
        // p = 0.55, b = 2: (1.1 - 0.45) / 2
        assertThat(KellySizer.fullKelly(0.55, 2)).isCloseTo(0.325, within(1e-15));
        // an even-money coin: no edge
        assertThat(KellySizer.fullKelly(0.5, 1)).isZero();
    }

    @Test
    void shouldBetQuarterKellyOfCapitalInWholeUnits()
    {
        // 0.20 x 0.25 = 5% of 100,000 = 5,000 at 50 a share
        final long qty = sizer.size(0.6, 1, 1.0, toNotional(100_000), toPrice(50), result);

        assertThat(qty).isEqualTo(toQty(100));
        assertThat(result.outcome()).isEqualTo(SizingOutcome.SIZED);
        assertThat(result.fraction()).isCloseTo(0.05, within(1e-15));
        assertThat(result.positionValue()).isEqualTo(toNotional(5_000));
        assertThat(result.capped()).isFalse();
    }

    @Test
    void shouldRoundDownToWholeLots()
    {
        final KellySizer inLots = new KellySizer(new KellyConfiguration().lotSize(10).conclude());

        // 0.325 x 0.25 = 8.125% of 100,000 = 8,125 at 100: 81.25 shares, 8 lots of 10
        assertThat(inLots.size(0.55, 2, 1.0, toNotional(100_000), toPrice(100), result)).isEqualTo(toQty(80));
        assertThat(result.positionValue()).isEqualTo(toNotional(8_125));
    }

    @Test
    void shouldScaleByConfidence()
    {
        assertThat(sizer.size(0.6, 1, 0.5, toNotional(100_000), toPrice(50), result)).isEqualTo(toQty(50));
        assertThat(result.fraction()).isCloseTo(0.025, within(1e-15));
    }

    @Test
    void shouldCapTheShareOfCapital()
    {
        // full Kelly (0.9 x 3 - 0.1) / 3 = 0.8667, a quarter is 21.7%: capped at 10%
        assertThat(sizer.size(0.9, 3, 1.0, toNotional(100_000), toPrice(100), result)).isEqualTo(toQty(100));
        assertThat(result.capped()).isTrue();
        assertThat(result.fraction()).isEqualTo(0.10);
    }

    @Test
    void shouldSizeZeroWithAReasonBelowTheMinimumPositionValue()
    {
        // 5% of 1,000 is 50, below the minimum 100
        assertThat(sizer.size(0.6, 1, 1.0, toNotional(1_000), toPrice(10), result)).isZero();
        assertThat(result.outcome()).isEqualTo(SizingOutcome.BELOW_MINIMUM_VALUE);
        assertThat(sizer.size(0.6, 1, 0.0, toNotional(100_000), toPrice(10), result)).isZero();
        assertThat(result.outcome()).isEqualTo(SizingOutcome.BELOW_MINIMUM_VALUE);
    }

    @Test
    void shouldSizeZeroWhenThereIsNoEdgeOrNotOneLot()
    {
        assertThat(sizer.size(0.4, 1, 1.0, toNotional(100_000), toPrice(10), result)).isZero();
        assertThat(result.outcome()).isEqualTo(SizingOutcome.NO_EDGE);
        assertThat(result.fullKelly()).isCloseTo(-0.2, within(1e-15));

        assertThat(sizer.size(0.6, 1, 1.0, toNotional(100_000), toPrice(6_000), result)).isZero();
        assertThat(result.outcome()).isEqualTo(SizingOutcome.LESS_THAN_ONE_LOT);
    }

    @Test
    void shouldSizeFractionalLotsOfACheapCoin()
    {
        final KellySizer satoshis = new KellySizer(new KellyConfiguration().lotSize(0.0001).conclude());

        // 5,000 at 0.00001 per coin in lots of 0.0001 coin (worth 1e-9 each)
        assertThat(satoshis.size(0.6, 1, 1.0, toNotional(100_000), 1_000, result)).isEqualTo(toQty(500_000_000));
    }

    @Test
    void shouldRefuseInputsOutsideTheirRangeWithAClearMessage()
    {
        assertThatThrownBy(() -> sizer.size(1.0, 1, 1, toNotional(1_000), toPrice(1), result))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("win probability must be above 0 and below 1, was 1.0");
        assertThatThrownBy(() -> sizer.size(0, 1, 1, toNotional(1_000), toPrice(1), result))
            .hasMessage("win probability must be above 0 and below 1, was 0.0");
        assertThatThrownBy(() -> sizer.size(0.6, 0, 1, toNotional(1_000), toPrice(1), result))
            .hasMessage("win/loss ratio must be positive, was 0.0");
        assertThatThrownBy(() -> sizer.size(0.6, 1, 1.5, toNotional(1_000), toPrice(1), result))
            .hasMessage("confidence must be between 0 and 1, was 1.5");
        assertThatThrownBy(() -> sizer.size(0.6, 1, 1, toNotional(1_000), 0, result))
            .hasMessage("price must be positive, was 0");
        assertThatThrownBy(() -> sizer.size(0.6, 1, 1, -1, toPrice(1), result))
            .hasMessage("capital must be positive, was -0.0001");
        assertThatThrownBy(() -> new KellyConfiguration().kellyFraction(0).conclude())
            .hasMessage("kellyFraction must be above 0 and at most 1, was 0.0");
    }
}

package dev.bastion.oms.venue.sim;

import dev.bastion.oms.api.FixedPoint;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PricePathTest
{
    private static final SimulatedInstrument AAPL = SimulatedInstrument.of("AAPL", 100.0, 0.01, 0.05, 1000);

    @Test
    void shouldRepeatThePathForTheSameSeedAndNotForAnother()
    {
        assertThat(walk(AAPL, 7, 200)).isEqualTo(walk(AAPL, 7, 200));
        assertThat(walk(AAPL, 7, 200)).isNotEqualTo(walk(AAPL, 8, 200));
    }

    @Test
    void shouldNotChangeOneSymbolsPathWhenAnotherIsAdded()
    {
        final SimulatedInstrument msft = SimulatedInstrument.of("MSFT", 400.0, 0.01, 0.05, 1000);

        assertThat(walk(AAPL, 7, 50)).isNotEqualTo(walk(msft, 7, 50));
        assertThat(walk(AAPL, 7, 50)).isEqualTo(walk(AAPL, 7, 50));
    }

    @Test
    void shouldKeepPricesOnTheTickGridAndPositiveAndVolumesAroundTheMean()
    {
        final SimulatedInstrument wild = SimulatedInstrument.of("WILD", 1.0, 0.5, 0.05, 10);

        for (final PriceTick tick : walk(wild, 3, 2_000))
        {
            assertThat(tick.price()).isPositive();
            assertThat(tick.price() % wild.tickSize()).isZero();
            assertThat(tick.volume() % FixedPoint.QTY_SCALE).isZero();
            assertThat(tick.volume()).isBetween(FixedPoint.qty(5), FixedPoint.qty(15));
        }
    }

    @Test
    void shouldMoveThePriceWhenVolatilityIsNotZero()
    {
        assertThat(walk(AAPL, 1, 100).stream().map(PriceTick::price).distinct().count()).isGreaterThan(10);
    }

    private static List<PriceTick> walk(final SimulatedInstrument instrument, final long seed, final int steps)
    {
        final PricePath path = new PricePath(instrument, seed);
        final List<PriceTick> ticks = new ArrayList<>();
        for (int i = 0; i < steps; i++)
        {
            ticks.add(path.next());
        }
        return ticks;
    }
}

package dev.bastion.oms.venue.sim;

import dev.bastion.oms.api.FixedPoint;

import java.util.SplittableRandom;

/**
 * A seeded random walk on the tick grid: each step moves the price by a normal draw of
 * {@code volatility x price}, rounded to whole ticks and kept at least one tick, and draws the
 * step's volume uniformly between half and one and a half times the mean (whole units). Each
 * symbol has its own generator derived from the seed and the symbol, so adding a symbol does not
 * change another's path.
 */
final class PricePath
{
    private final SimulatedInstrument instrument;
    private final SplittableRandom random;
    private long step;
    private long price;
    private long volume;

    PricePath(final SimulatedInstrument instrument, final long seed)
    {
        this.instrument = instrument;
        this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ instrument.symbol().hashCode());
        this.price = instrument.startPrice();
        this.volume = instrument.volumePerStep();
    }

    PriceTick next()
    {
        final long tickSize = instrument.tickSize();
        final long ticks = Math.round(random.nextGaussian() * instrument.volatility() * price / tickSize);
        price = Math.max(tickSize, price + ticks * tickSize);
        final double factor = 0.5 + random.nextDouble();
        volume = Math.max(1, Math.round(instrument.volumePerStep() * factor / FixedPoint.QTY_SCALE)) *
            FixedPoint.QTY_SCALE;
        step++;
        return tick();
    }

    /** A step to a given price and volume, for tests that need an exact path. */
    PriceTick set(final long newPrice, final long newVolume)
    {
        if (newPrice <= 0 || newVolume < 0)
        {
            throw new IllegalArgumentException("price must be positive and volume not negative: " + newPrice + ", " +
                newVolume);
        }
        price = newPrice;
        volume = newVolume;
        step++;
        return tick();
    }

    PriceTick tick()
    {
        return new PriceTick(instrument.symbol(), step, price, volume);
    }

    long price()
    {
        return price;
    }

    long volume()
    {
        return volume;
    }

    long step()
    {
        return step;
    }
}

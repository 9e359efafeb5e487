package dev.bastion.risk.sizing;

import dev.bastion.risk.FixedPointMath;

/**
 * How the Kelly fraction becomes a position: the share of full Kelly to bet (full Kelly maximises growth
 * but its drawdowns are deep, and the inputs are estimates), a cap on the share of capital in one position,
 * the smallest position worth opening, and the lot size quantities are rounded down to.
 */
public final class KellyConfiguration
{
    public static final double DEFAULT_KELLY_FRACTION = 0.25;
    public static final double DEFAULT_MAX_FRACTION = 0.10;
    public static final double DEFAULT_MIN_POSITION_VALUE = 100;
    public static final double DEFAULT_LOT_SIZE = 1;

    private double kellyFraction = DEFAULT_KELLY_FRACTION;
    private double maxFraction = DEFAULT_MAX_FRACTION;
    private double minPositionValue = DEFAULT_MIN_POSITION_VALUE;
    private double lotSize = DEFAULT_LOT_SIZE;
    private boolean concluded;
    private long minPositionNotional;
    private long lotQuantity;

    /** The share of full Kelly to bet: 0.25 is "quarter Kelly". */
    public KellyConfiguration kellyFraction(final double fraction)
    {
        this.kellyFraction = fraction;
        return this;
    }

    public double kellyFraction()
    {
        return kellyFraction;
    }

    /** The largest share of capital one position may take, whatever the edge. */
    public KellyConfiguration maxFraction(final double fraction)
    {
        this.maxFraction = fraction;
        return this;
    }

    public double maxFraction()
    {
        return maxFraction;
    }

    /** Below this value (in currency) the position is not worth its costs: size 0. */
    public KellyConfiguration minPositionValue(final double value)
    {
        this.minPositionValue = value;
        return this;
    }

    public double minPositionValue()
    {
        return minPositionValue;
    }

    /** Quantities are whole multiples of this many units. */
    public KellyConfiguration lotSize(final double units)
    {
        this.lotSize = units;
        return this;
    }

    public double lotSize()
    {
        return lotSize;
    }

    /** @throws IllegalArgumentException naming the setting that is out of range. */
    public KellyConfiguration conclude()
    {
        if (!(kellyFraction > 0) || kellyFraction > 1)
        {
            throw new IllegalArgumentException("kellyFraction must be above 0 and at most 1, was " + kellyFraction);
        }
        if (!(maxFraction > 0) || maxFraction > 1)
        {
            throw new IllegalArgumentException("maxFraction must be above 0 and at most 1, was " + maxFraction);
        }
        if (!(minPositionValue >= 0) || !Double.isFinite(minPositionValue))
        {
            throw new IllegalArgumentException("minPositionValue must be zero or positive, was " + minPositionValue);
        }
        if (!(lotSize > 0) || !Double.isFinite(lotSize) || FixedPointMath.toQty(lotSize) <= 0)
        {
            throw new IllegalArgumentException("lotSize must be a positive quantity (at least 0.0001), was " + lotSize);
        }
        minPositionNotional = FixedPointMath.toNotional(minPositionValue);
        lotQuantity = FixedPointMath.toQty(lotSize);
        concluded = true;
        return this;
    }

    long minPositionNotional()
    {
        requireConcluded();
        return minPositionNotional;
    }

    long lotQuantity()
    {
        requireConcluded();
        return lotQuantity;
    }

    private void requireConcluded()
    {
        if (!concluded)
        {
            throw new IllegalStateException("conclude() the configuration before use");
        }
    }
}

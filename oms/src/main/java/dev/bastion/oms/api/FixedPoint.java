package dev.bastion.oms.api;

/**
 * Fixed-point scales of prices and quantities on the order path: a price of 101.25 travels as
 * {@code 101.25 * PRICE_SCALE}, a quantity of 100 as {@code 100 * QTY_SCALE}. Eight price decimals
 * cover FX and crypto ticks; four quantity decimals cover fractional shares and lots.
 */
public final class FixedPoint
{
    public static final int PRICE_DECIMALS = 8;
    public static final long PRICE_SCALE = 100_000_000L;
    public static final int QTY_DECIMALS = 4;
    public static final long QTY_SCALE = 10_000L;

    /** Marks an absent price or quantity (FIX field not sent). */
    public static final long NONE = Long.MIN_VALUE;

    private FixedPoint()
    {
    }

    public static long price(final double value)
    {
        return Math.round(value * PRICE_SCALE);
    }

    public static long qty(final double value)
    {
        return Math.round(value * QTY_SCALE);
    }

    public static double priceToDouble(final long price)
    {
        return (double)price / PRICE_SCALE;
    }

    public static double qtyToDouble(final long qty)
    {
        return (double)qty / QTY_SCALE;
    }

    /**
     * Rescales a decimal {@code value * 10^-scale} to {@code decimals} places.
     *
     * @return the fixed-point value, or {@link #NONE} when it cannot be represented exactly
     *         (more decimals than the target keeps, or overflow).
     */
    public static long fromDecimal(final long value, final int scale, final int decimals)
    {
        if (scale > decimals)
        {
            long divisor = 1;
            for (int i = decimals; i < scale; i++)
            {
                divisor *= 10;
            }
            return value % divisor == 0 ? value / divisor : NONE;
        }
        long result = value;
        for (int i = scale; i < decimals; i++)
        {
            final long next = result * 10;
            if (next / 10 != result)
            {
                return NONE;
            }
            result = next;
        }
        return result;
    }
}

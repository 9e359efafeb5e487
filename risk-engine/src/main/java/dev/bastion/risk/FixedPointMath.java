package dev.bastion.risk;

/**
 * The fixed-point scales the risk engine works in, and the one multiplication it needs. The price and
 * quantity scales are the OMS's ({@code dev.bastion.oms.api.FixedPoint}), so an order's fields pass through
 * unchanged; notionals (quantity x price) carry four decimals of the currency.
 * <p>
 * A quantity times a price overflows a long above about 9.2 million in notional, so {@link #mulDiv} keeps the
 * 128-bit product and divides it exactly: orders of any realistic size get the same exact, truncated
 * result, without allocating.
 */
public final class FixedPointMath
{
    public static final int PRICE_DECIMALS = 8;
    public static final long PRICE_SCALE = 100_000_000L;
    public static final int QTY_DECIMALS = 4;
    public static final long QTY_SCALE = 10_000L;
    public static final int NOTIONAL_DECIMALS = 4;
    public static final long NOTIONAL_SCALE = 10_000L;
    /** Fractions (percentages, leverage, scale factors) in parts per million. */
    public static final long PPM = 1_000_000L;

    /** Marks an absent price or quantity, as in the OMS. */
    public static final long NONE = Long.MIN_VALUE;

    private static final long LOW_32_BITS = 0xFFFF_FFFFL;

    private FixedPointMath()
    {
    }

    /**
     * Notional of a quantity at a price, truncated to {@link #NOTIONAL_SCALE}.
     *
     * @param qty   fixed-point quantity, not negative.
     * @param price fixed-point price, not negative.
     */
    public static long notional(final long qty, final long price)
    {
        // qty * 1e-4 * price * 1e-8 in units of 1e-4: divide the product by 1e8
        return mulDiv(qty, price, PRICE_SCALE);
    }

    /** Notional of a signed quantity: negative for a short position, truncated toward zero. */
    public static long signedNotional(final long qty, final long price)
    {
        return qty < 0 ? -notional(-qty, price) : notional(qty, price);
    }

    /** {@code value * ppm / 1,000,000}, truncated; value and ppm not negative. */
    public static long ofPpm(final long value, final long ppm)
    {
        return mulDiv(value, ppm, PPM);
    }

    /**
     * {@code floor(a * b / divisor)} computed on the exact 128-bit product.
     *
     * @param a       not negative.
     * @param b       not negative.
     * @param divisor positive and below 2^31.
     * @return the quotient, or {@link Long#MAX_VALUE} when it does not fit in a long.
     */
    public static long mulDiv(final long a, final long b, final long divisor)
    {
        final long high = Math.multiplyHigh(a, b);
        final long low = a * b;
        if (high == 0 && low >= 0)
        {
            return low / divisor;
        }
        return wideDivide(high, low, divisor);
    }

    /** (high:low) / divisor by schoolbook division on 32-bit limbs; each partial dividend stays below 2^63. */
    private static long wideDivide(final long high, final long low, final long divisor)
    {
        if (high >= divisor)
        {
            return Long.MAX_VALUE;
        }
        long remainder = 0;
        long quotient = 0;
        for (int i = 3; i >= 0; i--)
        {
            final long limb = limb(high, low, i);
            final long current = (remainder << 32) | limb;
            final long digit = current / divisor;
            remainder = current - digit * divisor;
            if (i >= 2 && digit != 0)
            {
                return Long.MAX_VALUE;
            }
            quotient = (quotient << 32) | digit;
        }
        return quotient < 0 ? Long.MAX_VALUE : quotient;
    }

    private static long limb(final long high, final long low, final int index)
    {
        switch (index)
        {
            case 3:
                return high >>> 32;
            case 2:
                return high & LOW_32_BITS;
            case 1:
                return low >>> 32;
            default:
                return low & LOW_32_BITS;
        }
    }

    /**
     * {@code (high:low) / divisor} rounded half away from zero, where {@code high:low} is a signed 128-bit
     * value (two's complement, {@code high} its upper 64 bits): the quotient of an exact sum of products, such
     * as the sum of quantity x price over an order's fills divided by its quantity (its average price).
     * Allocates nothing.
     *
     * @param divisor positive.
     * @return the quotient, or {@link Long#MAX_VALUE} / {@link Long#MIN_VALUE} when it does not fit in a long.
     */
    public static long divideRounded(final long high, final long low, final long divisor)
    {
        if (divisor <= 0)
        {
            throw new IllegalArgumentException("divisor must be positive, was " + divisor);
        }
        final boolean negative = high < 0;
        final long magnitudeHigh = negative ? ~high + (low == 0 ? 1 : 0) : high;
        final long magnitudeLow = negative ? -low : low;
        if (Long.compareUnsigned(magnitudeHigh, divisor) >= 0)
        {
            return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        final long quotient = divideUnsigned(magnitudeHigh, magnitudeLow, divisor);
        // the remainder, from the low 64 bits alone: it is below the divisor, so the high bits cancel
        final long remainder = magnitudeLow - quotient * divisor;
        final long rounded = remainder >= divisor - remainder ? quotient + 1 : quotient;
        if (rounded < 0 || (rounded == 0 && quotient != 0))
        {
            return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return negative ? -rounded : rounded;
    }

    /**
     * Unsigned {@code (high:low) / divisor} for {@code high < divisor}, so the quotient fits 64 bits: long
     * division in two 32-bit digits after shifting the divisor up to its top bit (Knuth, TAOCP vol. 2, 4.3.1,
     * algorithm D), each digit estimated from the divisor's upper half and corrected at most twice.
     */
    private static long divideUnsigned(final long high, final long low, final long divisor)
    {
        final int shift = Long.numberOfLeadingZeros(divisor);
        final long d = divisor << shift;
        final long dHigh = d >>> 32;
        final long dLow = d & LOW_32_BITS;
        final long top = shift == 0 ? high : (high << shift) | (low >>> (64 - shift));
        final long bottom = low << shift;

        final long q1 = quotientDigit(top, bottom >>> 32, dHigh, dLow);
        final long middle = (top << 32) + (bottom >>> 32) - q1 * d;
        final long q0 = quotientDigit(middle, bottom & LOW_32_BITS, dHigh, dLow);
        return (q1 << 32) | q0;
    }

    /** One 32-bit digit of {@code (top:nextDigit) / (dHigh:dLow)}, given the quotient fits one digit. */
    private static long quotientDigit(final long top, final long nextDigit, final long dHigh, final long dLow)
    {
        long digit = Long.divideUnsigned(top, dHigh);
        long remainder = top - digit * dHigh;
        while (digit > LOW_32_BITS || Long.compareUnsigned(digit * dLow, (remainder << 32) | nextDigit) > 0)
        {
            digit--;
            remainder += dHigh;
            if (remainder > LOW_32_BITS)
            {
                break;
            }
        }
        return digit;
    }

    /** A currency amount to the notional scale, rounded to the nearest unit of 1e-4. */
    public static long toNotional(final double amount)
    {
        return Math.round(amount * NOTIONAL_SCALE);
    }

    public static long toPrice(final double price)
    {
        return Math.round(price * PRICE_SCALE);
    }

    public static long toQty(final double qty)
    {
        return Math.round(qty * QTY_SCALE);
    }

    public static double notionalToDouble(final long notional)
    {
        return (double)notional / NOTIONAL_SCALE;
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
     * Appends a fixed-point value as a decimal ({@code 12345.6789}) without allocating, for reject texts.
     */
    public static StringBuilder appendDecimal(final StringBuilder out, final long value, final int decimals)
    {
        if (value == NONE)
        {
            return out.append("none");
        }
        long scale = 1;
        for (int i = 0; i < decimals; i++)
        {
            scale *= 10;
        }
        if (value < 0)
        {
            out.append('-');
        }
        final long magnitude = Math.abs(value);
        out.append(magnitude / scale);
        long fraction = magnitude % scale;
        if (fraction != 0)
        {
            int digits = decimals;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }
            out.append('.');
            for (long pad = fraction * 10; pad < pow10(digits); pad *= 10)
            {
                out.append('0');
            }
            out.append(fraction);
        }
        return out;
    }

    private static long pow10(final int exponent)
    {
        long result = 1;
        for (int i = 0; i < exponent; i++)
        {
            result *= 10;
        }
        return result;
    }
}

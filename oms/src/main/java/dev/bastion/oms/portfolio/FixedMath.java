package dev.bastion.oms.portfolio;

import dev.bastion.oms.api.FixedPoint;

import java.math.BigInteger;

/**
 * Money arithmetic of the portfolio. Money is a long at {@link #MONEY_SCALE} (eight decimals of the
 * account currency), the price scale, so a notional needs no rescale of the price. A quantity (scale
 * 1e4) times a price (scale 1e8) has twelve decimals: it is rounded to eight, half away from zero,
 * once per lot and once per fill, so the naive reference and the fast path round at the same places.
 *
 * <p>Products overflow a long for ordinary trades (10^6 shares at 100 is 10^20 at these scales), so
 * they are taken as 128 bits and divided without allocation. Half-away-from-zero rather than
 * half-even because it composes: rounding {@code n + x} for an integer {@code n} of the same sign
 * as {@code x} equals {@code n} plus rounding {@code x}, which the split division below relies on.
 */
final class FixedMath
{
    static final long MONEY_SCALE = FixedPoint.PRICE_SCALE;

    private static final long LIMB_MASK = 0xFFFF_FFFFL;
    private static final long MAX_LIMB_DIVISOR = Integer.MAX_VALUE;

    private FixedMath()
    {
    }

    /** @return {@code qty * price} as money, rounded half away from zero; the sign of {@code qty}. */
    static long notional(final long qty, final long price)
    {
        return mulDiv(qty, price, FixedPoint.QTY_SCALE);
    }

    /** @return the price at which {@code qty} (non-zero) costs {@code money}: an average entry price. */
    static long unitPrice(final long money, final long qty)
    {
        return mulDiv(Math.abs(money), FixedPoint.QTY_SCALE, Math.abs(qty));
    }

    /**
     * {@code a * b / d} rounded half away from zero, exact for any longs whose result fits a long.
     *
     * @param d a positive divisor.
     * @throws ArithmeticException when the result does not fit a long.
     */
    static long mulDiv(final long a, final long b, final long d)
    {
        final long lo = a * b;
        final long hi = Math.multiplyHigh(a, b);
        if (hi == (lo >> 63))
        {
            return roundAway(lo / d, lo % d, d);
        }
        if (d <= MAX_LIMB_DIVISOR)
        {
            return divideWide(hi, lo, d);
        }
        // a*b/d = (a/d)*b + (a%d)*b/d: both terms carry the sign of a*b, so rounding the second is enough.
        if (Math.abs(a) >= d)
        {
            return Math.addExact(Math.multiplyExact(a / d, b), mulDiv(a % d, b, d));
        }
        if (Math.abs(b) >= d)
        {
            return Math.addExact(Math.multiplyExact(b / d, a), mulDiv(b % d, a, d));
        }
        return divideBig(a, b, d);
    }

    private static long roundAway(final long quotient, final long remainder, final long d)
    {
        final long magnitude = Math.abs(remainder);
        if (magnitude == 0 || magnitude < d - magnitude)
        {
            return quotient;
        }
        return remainder > 0 ? Math.addExact(quotient, 1) : Math.subtractExact(quotient, 1);
    }

    /** Schoolbook division of a 128-bit two's complement value by {@code d < 2^31}, 32 bits at a time. */
    private static long divideWide(final long hi, final long lo, final long d)
    {
        final boolean negative = hi < 0;
        long uHi = hi;
        long uLo = lo;
        if (negative)
        {
            uLo = -lo;
            uHi = ~hi + (lo == 0 ? 1 : 0);
        }

        long remainder = (uHi >>> 32) % d;
        final long q3 = (uHi >>> 32) / d;
        long n = (remainder << 32) | (uHi & LIMB_MASK);
        final long q2 = n / d;
        remainder = n % d;
        n = (remainder << 32) | (uLo >>> 32);
        final long q1 = n / d;
        remainder = n % d;
        n = (remainder << 32) | (uLo & LIMB_MASK);
        final long q0 = n / d;
        remainder = n % d;

        // The magnitude, unsigned: it may be 2^63 when the result is Long.MIN_VALUE.
        long magnitude = (q1 << 32) | q0;
        if (remainder >= d - remainder)
        {
            magnitude++;
        }
        final boolean fits = negative ? Long.compareUnsigned(magnitude, Long.MIN_VALUE) <= 0 : magnitude >= 0;
        if (q3 != 0 || q2 != 0 || (magnitude == 0 && q1 != 0) || !fits)
        {
            throw new ArithmeticException("fixed-point result overflows a long");
        }
        return negative ? -magnitude : magnitude;
    }

    private static long divideBig(final long a, final long b, final long d)
    {
        final BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))
            .divideAndRemainder(BigInteger.valueOf(d));
        final long quotient = qr[0].longValueExact();
        final long remainder = qr[1].longValueExact();
        return roundAway(quotient, remainder, d);
    }
}

package dev.bastion.risk;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

class FixedPointMathTest
{
    @Test
    void shouldComputeTheNotionalOfAQuantityAtAPrice()
    {
        assertThat(FixedPointMath.notional(FixedPointMath.toQty(100), FixedPointMath.toPrice(187.25)))
            .isEqualTo(FixedPointMath.toNotional(18_725));
        assertThat(FixedPointMath.signedNotional(-FixedPointMath.toQty(3), FixedPointMath.toPrice(0.1)))
            .isEqualTo(-FixedPointMath.toNotional(0.3));
    }

    @Test
    void shouldKeepOrdersAboveNineMillionExactWhereALongProductWouldOverflow()
    {
        // 2,000,000 shares at 4,999.99999999: the product of the fixed-point values is about 1e23
        final long qty = FixedPointMath.toQty(2_000_000);
        final long price = 499_999_999_999L;
        assertThat(FixedPointMath.notional(qty, price)).isEqualTo(
            BigInteger.valueOf(qty).multiply(BigInteger.valueOf(price)).divide(BigInteger.valueOf(100_000_000L))
                .longValueExact());
    }

    @Test
    void shouldSaturateWhenTheNotionalDoesNotFitInALong()
    {
        assertThat(FixedPointMath.mulDiv(Long.MAX_VALUE, Long.MAX_VALUE, 3)).isEqualTo(Long.MAX_VALUE);
        assertThat(FixedPointMath.mulDiv(Long.MAX_VALUE, 2, 1)).isEqualTo(Long.MAX_VALUE);
    }

    @Property(tries = 2_000)
    void mulDivIsTheTruncatedExactQuotient(
        @ForAll @LongRange(min = 0) final long a,
        @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) final long b,
        @ForAll @LongRange(min = 1, max = Integer.MAX_VALUE) final long divisor)
    {
        final BigInteger exact =
            BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(divisor));
        final long expected = exact.bitLength() < 64 ? exact.longValueExact() : Long.MAX_VALUE;
        assertThat(FixedPointMath.mulDiv(a, b, divisor)).isEqualTo(expected);
    }

    @Test
    void shouldDivideA128BitSumByA64BitQuantityRoundingHalfAwayFromZero()
    {
        // 3 fills: 1,000,000 @ 190.12345678, 2,000,000 @ 190.2, 1 @ 0.00000001; the sum exceeds 2^64
        final BigInteger sum = BigInteger.valueOf(10_000_000_000L).multiply(BigInteger.valueOf(19_012_345_678L))
            .add(BigInteger.valueOf(20_000_000_000L).multiply(BigInteger.valueOf(19_020_000_000L)))
            .add(BigInteger.valueOf(10_000L));
        final long qty = 30_000_010_000L;
        assertThat(FixedPointMath.divideRounded(sum.shiftRight(64).longValue(), sum.longValue(), qty))
            .isEqualTo(roundedQuotient(sum, qty).longValueExact());
        assertThat(FixedPointMath.divideRounded(0, 5, 2)).isEqualTo(3);
        assertThat(FixedPointMath.divideRounded(-1, -5, 2)).isEqualTo(-3);
        assertThat(FixedPointMath.divideRounded(0, 4, 3)).isEqualTo(1);
    }

    @Test
    void shouldSaturateWhenThe128BitQuotientDoesNotFitInALong()
    {
        assertThat(FixedPointMath.divideRounded(1, 0, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(FixedPointMath.divideRounded(0, -1, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(FixedPointMath.divideRounded(-2, 0, 1)).isEqualTo(Long.MIN_VALUE);
    }

    @Property(tries = 5_000)
    void divideRoundedIsTheExactQuotientRoundedHalfAwayFromZero(
        @ForAll final long high, @ForAll final long low, @ForAll @LongRange(min = 1) final long divisor)
    {
        final BigInteger dividend = BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
        final BigInteger exact = roundedQuotient(dividend, divisor);
        final long expected = exact.bitLength() < 64 ? exact.longValueExact() :
            exact.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        assertThat(FixedPointMath.divideRounded(high, low, divisor)).isEqualTo(expected);
    }

    @Property(tries = 5_000)
    void divideRoundedIsExactForQuotientsThatFit(
        @ForAll final long quotient, @ForAll @LongRange(min = 1) final long divisor, @ForAll final long fraction)
    {
        // a dividend whose quotient fits a long: quotient * divisor plus a remainder below the divisor
        final BigInteger remainder = BigInteger.valueOf(Math.floorMod(fraction, divisor));
        final BigInteger dividend = BigInteger.valueOf(quotient).multiply(BigInteger.valueOf(divisor))
            .add(quotient < 0 ? remainder.negate() : remainder);
        final BigInteger exact = roundedQuotient(dividend, divisor);
        final long expected = exact.bitLength() < 64 ? exact.longValueExact() :
            exact.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        assertThat(FixedPointMath.divideRounded(dividend.shiftRight(64).longValue(), dividend.longValue(), divisor))
            .isEqualTo(expected);
    }

    private static BigInteger roundedQuotient(final BigInteger dividend, final long divisor)
    {
        final BigInteger d = BigInteger.valueOf(divisor);
        final BigInteger[] qr = dividend.abs().divideAndRemainder(d);
        final BigInteger magnitude = qr[1].shiftLeft(1).compareTo(d) >= 0 ? qr[0].add(BigInteger.ONE) : qr[0];
        return dividend.signum() < 0 ? magnitude.negate() : magnitude;
    }

    @Test
    void shouldWriteFixedPointValuesAsDecimals()
    {
        assertThat(FixedPointMath.appendDecimal(new StringBuilder(), 1_0500, 4)).hasToString("1.05");
        assertThat(FixedPointMath.appendDecimal(new StringBuilder(), -12_345_6789, 4)).hasToString("-12345.6789");
        assertThat(FixedPointMath.appendDecimal(new StringBuilder(), 10_000_000_000L, 8)).hasToString("100");
        assertThat(FixedPointMath.appendDecimal(new StringBuilder(), 1, 8)).hasToString("0.00000001");
        assertThat(FixedPointMath.appendDecimal(new StringBuilder(), FixedPointMath.NONE, 8)).hasToString("none");
    }
}

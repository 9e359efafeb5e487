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
    void shouldWriteFixedPointValuesAsDecimals()
    {
        assertThat(FixedPointMath.appendDecimal(new StringBuilder(), 1_0500, 4)).hasToString("1.05");
        assertThat(FixedPointMath.appendDecimal(new StringBuilder(), -12_345_6789, 4)).hasToString("-12345.6789");
        assertThat(FixedPointMath.appendDecimal(new StringBuilder(), 10_000_000_000L, 8)).hasToString("100");
        assertThat(FixedPointMath.appendDecimal(new StringBuilder(), 1, 8)).hasToString("0.00000001");
        assertThat(FixedPointMath.appendDecimal(new StringBuilder(), FixedPointMath.NONE, 8)).hasToString("none");
    }
}

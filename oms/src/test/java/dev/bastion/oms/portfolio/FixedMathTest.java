package dev.bastion.oms.portfolio;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FixedMathTest
{
    @Property(tries = 3_000)
    void shouldMultiplyAndDivideLikeBigDecimalHalfUp(
        @ForAll("anyLong") final long a, @ForAll("anyLong") final long b, @ForAll("divisor") final long d)
    {
        final BigDecimal exact = new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)))
            .divide(BigDecimal.valueOf(d), 0, RoundingMode.HALF_UP);
        if (exact.toBigInteger().bitLength() > 63)
        {
            assertThatThrownBy(() -> FixedMath.mulDiv(a, b, d)).isInstanceOf(ArithmeticException.class);
        }
        else
        {
            assertThat(FixedMath.mulDiv(a, b, d)).isEqualTo(exact.longValueExact());
        }
    }

    @Property(tries = 3_000)
    void shouldComputeNotionalsOfLargeTradesWithoutLosingAUnit(
        @ForAll @LongRange(min = -100_000_000_000L, max = 100_000_000_000L) final long qty,
        @ForAll @LongRange(min = 1, max = 900_000_000_000L) final long price)
    {
        assertThat(FixedMath.notional(qty, price)).isEqualTo(ReferencePortfolio.notional(qty, price));
        assertThat(FixedMath.notional(-qty, price)).isEqualTo(-FixedMath.notional(qty, price));
    }

    @Test
    void shouldRoundHalfAwayFromZero()
    {
        assertThat(FixedMath.mulDiv(5, 1, 10)).isEqualTo(1);
        assertThat(FixedMath.mulDiv(-5, 1, 10)).isEqualTo(-1);
        assertThat(FixedMath.mulDiv(4, 1, 10)).isZero();
        assertThat(FixedMath.mulDiv(15, 1, 10)).isEqualTo(2);
        assertThat(FixedMath.mulDiv(25, 1, 10)).isEqualTo(3);
    }

    @Test
    void shouldGiveTheAveragePriceOfAPositionLargerThanALongTimesTheScale()
    {
        // 10 million shares bought for 1.5 billion: the basis times 1e4 overflows a long.
        final long basis = 1_500_000_000L * FixedMath.MONEY_SCALE;
        final long qty = 10_000_000L * 10_000L;
        assertThat(FixedMath.unitPrice(basis, qty)).isEqualTo(150L * 100_000_000L);
        assertThat(FixedMath.unitPrice(-basis, -qty)).isEqualTo(150L * 100_000_000L);
    }

    @Provide
    Arbitrary<Long> anyLong()
    {
        return Arbitraries.oneOf(
            Arbitraries.longs(),
            Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L),
            Arbitraries.longs().between(-100_000, 100_000));
    }

    @Provide
    Arbitrary<Long> divisor()
    {
        return Arbitraries.oneOf(
            Arbitraries.just(10_000L),
            Arbitraries.longs().between(1, Integer.MAX_VALUE),
            Arbitraries.longs().between(1, Long.MAX_VALUE));
    }
}

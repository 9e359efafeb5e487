package dev.bastion.oms.venue.fix;

import dev.bastion.oms.api.FixedPoint;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Conversions between the OMS's fixed-point longs and FIX's decimal strings, at the venue edge
 * only. BigDecimal keeps them exact: a double would turn 0.1 into 0.1000000000000000055.
 */
public final class FixDecimals
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private FixDecimals()
    {
    }

    /** A fixed-point price as a FIX decimal, without trailing zeros (101.5, not 101.50000000). */
    public static BigDecimal price(final long price)
    {
        return plain(BigDecimal.valueOf(price, FixedPoint.PRICE_DECIMALS));
    }

    /** A fixed-point quantity as a FIX decimal, without trailing zeros. */
    public static BigDecimal qty(final long qty)
    {
        return plain(BigDecimal.valueOf(qty, FixedPoint.QTY_DECIMALS));
    }

    /**
     * A FIX price as a fixed-point long; digits past {@link FixedPoint#PRICE_DECIMALS} are rounded
     * half-even (a venue report is never dropped for an odd price).
     *
     * @throws ArithmeticException when the value does not fit a long.
     */
    public static long price(final BigDecimal price)
    {
        return price.setScale(FixedPoint.PRICE_DECIMALS, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }

    /** A FIX quantity as a fixed-point long, rounded half-even past {@link FixedPoint#QTY_DECIMALS}. */
    public static long qty(final BigDecimal qty)
    {
        return qty.setScale(FixedPoint.QTY_DECIMALS, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }

    /** @return true when the quantity has no more decimals than the OMS keeps. */
    public static boolean isExactQty(final BigDecimal qty)
    {
        return qty.stripTrailingZeros().scale() <= FixedPoint.QTY_DECIMALS;
    }

    /** @return true when the price has no more decimals than the OMS keeps. */
    public static boolean isExactPrice(final BigDecimal price)
    {
        return price.stripTrailingZeros().scale() <= FixedPoint.PRICE_DECIMALS;
    }

    /** A FIX UTCTimestamp (as QuickFIX/J parses it) in epoch nanoseconds. */
    public static long epochNanos(final LocalDateTime utc)
    {
        return utc.toEpochSecond(ZoneOffset.UTC) * NANOS_PER_SECOND + utc.getNano();
    }

    /** Epoch nanoseconds as the LocalDateTime QuickFIX/J writes as a UTCTimestamp. */
    public static LocalDateTime utc(final long epochNanos)
    {
        return LocalDateTime.ofEpochSecond(
            Math.floorDiv(epochNanos, NANOS_PER_SECOND), (int)Math.floorMod(epochNanos, NANOS_PER_SECOND),
            ZoneOffset.UTC);
    }

    public static long epochNanos(final Instant instant)
    {
        return instant.getEpochSecond() * NANOS_PER_SECOND + instant.getNano();
    }

    private static BigDecimal plain(final BigDecimal value)
    {
        final BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}

package dev.bastion.gateway.codec;

import dev.bastion.oms.api.FixedPoint;
import uk.co.real_logic.artio.fields.DecimalFloat;
import uk.co.real_logic.artio.fields.UtcTimestampDecoder;

/**
 * Conversions between FIX field values and the OMS's fixed-point and epoch-nanosecond values. A
 * value that cannot be converted is reported, not thrown: {@link #problemTag()} and
 * {@link #problemReason()} say which field and why (SessionRejectReason 5 or 6).
 */
final class FieldConversions
{
    /** A converted value that could not be represented. */
    static final long INVALID = Long.MIN_VALUE + 1;

    private final UtcTimestampDecoder timestampDecoder = new UtcTimestampDecoder(true);
    private int problemTag;
    private int problemReason;

    void clearProblem()
    {
        problemTag = 0;
        problemReason = 0;
    }

    /** @return the tag of the first value that failed since {@link #clearProblem()}, or 0. */
    int problemTag()
    {
        return problemTag;
    }

    int problemReason()
    {
        return problemReason;
    }

    /** A price, or {@link FixedPoint#NONE} after recording "value out of range" for the tag. */
    long price(final int tag, final DecimalFloat value)
    {
        return checked(tag, price(value));
    }

    long qty(final int tag, final DecimalFloat value)
    {
        return checked(tag, qty(value));
    }

    /** UTCTimestamp in epoch nanoseconds, or {@link #INVALID} after recording "incorrect data format". */
    long timestampNanos(final int tag, final byte[] value, final int length)
    {
        if (!UtcTimestampFormat.isValid(value, length))
        {
            problem(tag, SessionRejectReason.INCORRECT_DATA_FORMAT_FOR_VALUE);
            return INVALID;
        }
        return timestampDecoder.decodeNanos(value, length);
    }

    private long checked(final int tag, final long converted)
    {
        if (converted == FixedPoint.NONE)
        {
            problem(tag, SessionRejectReason.VALUE_IS_INCORRECT);
        }
        return converted;
    }

    private void problem(final int tag, final int reason)
    {
        if (problemTag == 0)
        {
            problemTag = tag;
            problemReason = reason;
        }
    }

    static long price(final DecimalFloat value)
    {
        return FixedPoint.fromDecimal(value.value(), value.scale(), FixedPoint.PRICE_DECIMALS);
    }

    static long qty(final DecimalFloat value)
    {
        return FixedPoint.fromDecimal(value.value(), value.scale(), FixedPoint.QTY_DECIMALS);
    }

    static double toDouble(final DecimalFloat value)
    {
        return value.toDouble();
    }
}

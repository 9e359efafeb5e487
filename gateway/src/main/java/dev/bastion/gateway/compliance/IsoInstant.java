package dev.bastion.gateway.compliance;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes a UTC instant as {@link java.time.format.DateTimeFormatter#ISO_INSTANT} does
 * ({@code 2024-05-01T13:45:07.123456Z}: the fraction in groups of three digits, as many as it
 * needs), into a buffer without allocating, so that {@link java.time.Instant#parse} reads it back.
 */
final class IsoInstant
{
    private IsoInstant()
    {
    }

    /** @return the offset after the last character written. */
    static int format(final long epochNanos, final UnsafeBuffer out, final int start)
    {
        final long epochSecond = Math.floorDiv(epochNanos, 1_000_000_000L);
        final int nanos = (int)Math.floorMod(epochNanos, 1_000_000_000L);
        final long epochDay = Math.floorDiv(epochSecond, 86_400L);
        final int secondOfDay = (int)Math.floorMod(epochSecond, 86_400L);

        // Days to civil date (proleptic Gregorian), after H. Hinnant's algorithm.
        final long z = epochDay + 719_468;
        final long era = Math.floorDiv(z, 146_097);
        final long dayOfEra = z - era * 146_097;
        final long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        final long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        final long mp = (5 * dayOfYear + 2) / 153;
        final int day = (int)(dayOfYear - (153 * mp + 2) / 5 + 1);
        final int month = (int)(mp < 10 ? mp + 3 : mp - 9);
        final long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);

        int at = start;
        at = digits(out, at, year, 4);
        out.putByte(at++, (byte)'-');
        at = digits(out, at, month, 2);
        out.putByte(at++, (byte)'-');
        at = digits(out, at, day, 2);
        out.putByte(at++, (byte)'T');
        at = digits(out, at, secondOfDay / 3600, 2);
        out.putByte(at++, (byte)':');
        at = digits(out, at, (secondOfDay / 60) % 60, 2);
        out.putByte(at++, (byte)':');
        at = digits(out, at, secondOfDay % 60, 2);
        if (nanos != 0)
        {
            out.putByte(at++, (byte)'.');
            if (nanos % 1_000_000 == 0)
            {
                at = digits(out, at, nanos / 1_000_000, 3);
            }
            else if (nanos % 1_000 == 0)
            {
                at = digits(out, at, nanos / 1_000, 6);
            }
            else
            {
                at = digits(out, at, nanos, 9);
            }
        }
        out.putByte(at++, (byte)'Z');
        return at;
    }

    private static int digits(final UnsafeBuffer out, final int at, final long value, final int width)
    {
        long remaining = value;
        for (int i = width - 1; i >= 0; i--)
        {
            out.putByte(at + i, (byte)('0' + remaining % 10));
            remaining /= 10;
        }
        return at + width;
    }
}

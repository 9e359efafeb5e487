package dev.bastion.bench.load;

import java.time.LocalDate;

/**
 * Writes FIX UTCTimestamps with milliseconds ({@code yyyyMMdd-HH:mm:ss.SSS}, always 21 bytes) into a byte array.
 * The date is worked out once a day; the rest is arithmetic, so the send path does not allocate.
 */
final class UtcTimestampWriter
{
    static final int LENGTH = 21;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final byte[] date = new byte[9];
    private long day = Long.MIN_VALUE;

    /** Writes the timestamp of {@code epochMillis} at {@code offset}; returns the offset after it. */
    int write(final byte[] dst, final int offset, final long epochMillis)
    {
        final long epochDay = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        if (epochDay != day)
        {
            final LocalDate localDate = LocalDate.ofEpochDay(epochDay);
            Ascii.putPadded(date, 0, localDate.getYear(), 4);
            Ascii.putPadded(date, 4, localDate.getMonthValue(), 2);
            Ascii.putPadded(date, 6, localDate.getDayOfMonth(), 2);
            date[8] = '-';
            day = epochDay;
        }
        System.arraycopy(date, 0, dst, offset, date.length);
        final long millisOfDay = Math.floorMod(epochMillis, MILLIS_PER_DAY);
        final long seconds = millisOfDay / 1000;
        int at = offset + date.length;
        Ascii.putPadded(dst, at, seconds / 3600, 2);
        dst[at + 2] = ':';
        Ascii.putPadded(dst, at + 3, (seconds / 60) % 60, 2);
        dst[at + 5] = ':';
        Ascii.putPadded(dst, at + 6, seconds % 60, 2);
        dst[at + 8] = '.';
        Ascii.putPadded(dst, at + 9, millisOfDay % 1000, 3);
        at += 12;
        return at;
    }
}

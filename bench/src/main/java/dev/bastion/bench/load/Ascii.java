package dev.bastion.bench.load;

/** ASCII numbers and text into byte arrays, without allocation: what the load generator's encoders are made of. */
final class Ascii
{
    static final byte SOH = 1;

    private Ascii()
    {
    }

    /** Number of decimal digits of a value that is not negative. */
    static int digits(final long value)
    {
        long limit = 10;
        int digits = 1;
        while (value >= limit && digits < 19)
        {
            limit *= 10;
            digits++;
        }
        return digits;
    }

    /** Writes a value that is not negative; returns the offset after it. */
    static int putNatural(final byte[] dst, final int offset, final long value)
    {
        final int digits = digits(value);
        putPadded(dst, offset, value, digits);
        return offset + digits;
    }

    /** Writes the last {@code width} decimal digits of a value that is not negative, zeros in front. */
    static void putPadded(final byte[] dst, final int offset, final long value, final int width)
    {
        long remaining = value;
        for (int i = offset + width - 1; i >= offset; i--)
        {
            dst[i] = (byte)('0' + (int)(remaining % 10));
            remaining /= 10;
        }
    }

    /** Writes ASCII text; returns the offset after it. */
    static int putAscii(final byte[] dst, final int offset, final CharSequence text)
    {
        final int length = text.length();
        for (int i = 0; i < length; i++)
        {
            dst[offset + i] = (byte)text.charAt(i);
        }
        return offset + length;
    }

    /** Parses {@code length} decimal digits; -1 if any byte is not a digit (or there are none). */
    static long parseNatural(final byte[] src, final int offset, final int length)
    {
        if (length <= 0 || length > 18)
        {
            return -1;
        }
        long value = 0;
        for (int i = offset; i < offset + length; i++)
        {
            final int digit = src[i] - '0';
            if (digit < 0 || digit > 9)
            {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** FIX CheckSum (10): the byte sum modulo 256. */
    static int checksum(final byte[] src, final int offset, final int length)
    {
        int sum = 0;
        for (int i = offset; i < offset + length; i++)
        {
            sum += src[i];
        }
        return sum & 0xFF;
    }

    /** Text of bytes for a message or an error (not for the measured path). */
    static String text(final byte[] src, final int offset, final int length)
    {
        return new String(src, offset, length, java.nio.charset.StandardCharsets.US_ASCII);
    }
}

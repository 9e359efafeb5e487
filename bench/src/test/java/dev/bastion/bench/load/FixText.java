package dev.bastion.bench.load;

import java.nio.charset.StandardCharsets;

/** Test helpers: FIX messages as text with '|' for SOH, and the framing checks a FIX engine makes. */
final class FixText
{
    private FixText()
    {
    }

    static String readable(final byte[] bytes, final int offset, final int length)
    {
        return new String(bytes, offset, length, StandardCharsets.US_ASCII).replace('\u0001', '|');
    }

    static String wire(final byte[] bytes, final int offset, final int length)
    {
        return new String(bytes, offset, length, StandardCharsets.US_ASCII);
    }

    static byte[] bytes(final String readable)
    {
        return readable.replace('|', '\u0001').getBytes(StandardCharsets.US_ASCII);
    }

    /** BodyLength as the message states it. */
    static int statedBodyLength(final String wire)
    {
        final int start = wire.indexOf("\u00019=") + 3;
        return Integer.parseInt(wire.substring(start, wire.indexOf('\u0001', start)));
    }

    /** BodyLength counted: from after BodyLength's SOH to the SOH before CheckSum, inclusive. */
    static int countedBodyLength(final String wire)
    {
        final int start = wire.indexOf('\u0001', wire.indexOf("\u00019=") + 1) + 1;
        final int end = wire.lastIndexOf("\u000110=") + 1;
        return end - start;
    }

    static int statedChecksum(final String wire)
    {
        final int at = wire.lastIndexOf("\u000110=") + 4;
        return Integer.parseInt(wire.substring(at, at + 3));
    }

    static int countedChecksum(final String wire)
    {
        final int end = wire.lastIndexOf("\u000110=") + 1;
        int sum = 0;
        for (int i = 0; i < end; i++)
        {
            sum += wire.charAt(i);
        }
        return sum % 256;
    }
}

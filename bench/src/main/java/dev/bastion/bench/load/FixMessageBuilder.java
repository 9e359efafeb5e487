package dev.bastion.bench.load;

/**
 * Builds one FIX message at a time into a reused byte array: the body field by field, then
 * {@link #finish} puts BeginString and BodyLength in front and the CheckSum behind. For the
 * generator's session messages (Logon, Heartbeat, Logout); orders are {@link NewOrderSingleTemplate}
 * copies.
 */
final class FixMessageBuilder
{
    private static final int HEADER_ROOM = 32;

    private final byte[] buffer;
    private final byte[] beginString;
    private int end;
    private int start;

    FixMessageBuilder(final String beginString, final int capacity)
    {
        this.beginString = ("8=" + beginString).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        this.buffer = new byte[capacity + HEADER_ROOM];
        reset();
    }

    FixMessageBuilder reset()
    {
        end = HEADER_ROOM;
        start = -1;
        return this;
    }

    FixMessageBuilder field(final int tag, final CharSequence value)
    {
        end = tag(tag);
        end = Ascii.putAscii(buffer, end, value);
        buffer[end++] = Ascii.SOH;
        return this;
    }

    FixMessageBuilder field(final int tag, final long value)
    {
        end = tag(tag);
        if (value < 0)
        {
            buffer[end++] = '-';
            end = Ascii.putNatural(buffer, end, -value);
        }
        else
        {
            end = Ascii.putNatural(buffer, end, value);
        }
        buffer[end++] = Ascii.SOH;
        return this;
    }

    FixMessageBuilder field(final int tag, final byte[] value, final int offset, final int length)
    {
        end = tag(tag);
        System.arraycopy(value, offset, buffer, end, length);
        end += length;
        buffer[end++] = Ascii.SOH;
        return this;
    }

    /** A UTCTimestamp field with milliseconds. */
    FixMessageBuilder timestamp(final int tag, final long epochMillis, final UtcTimestampWriter writer)
    {
        end = tag(tag);
        end = writer.write(buffer, end, epochMillis);
        buffer[end++] = Ascii.SOH;
        return this;
    }

    /** Puts BeginString and BodyLength in front of the body and the CheckSum behind; the message is {@link #bytes}. */
    FixMessageBuilder finish()
    {
        final int bodyLength = end - HEADER_ROOM;
        final int headerLength = beginString.length + 1 + 2 + Ascii.digits(bodyLength) + 1;
        start = HEADER_ROOM - headerLength;
        int at = start;
        System.arraycopy(beginString, 0, buffer, at, beginString.length);
        at += beginString.length;
        buffer[at++] = Ascii.SOH;
        buffer[at++] = '9';
        buffer[at++] = '=';
        at = Ascii.putNatural(buffer, at, bodyLength);
        buffer[at] = Ascii.SOH;
        final int checksum = Ascii.checksum(buffer, start, end - start);
        buffer[end++] = '1';
        buffer[end++] = '0';
        buffer[end++] = '=';
        Ascii.putPadded(buffer, end, checksum, 3);
        end += 3;
        buffer[end++] = Ascii.SOH;
        return this;
    }

    byte[] buffer()
    {
        return buffer;
    }

    /** Offset of the finished message in {@link #buffer}. */
    int offset()
    {
        return start;
    }

    /** Length of the finished message. */
    int length()
    {
        return end - start;
    }

    private int tag(final int tag)
    {
        int at = Ascii.putNatural(buffer, end, tag);
        buffer[at++] = '=';
        return at;
    }
}

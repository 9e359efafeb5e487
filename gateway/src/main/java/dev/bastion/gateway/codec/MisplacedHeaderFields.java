package dev.bastion.gateway.codec;

import org.agrona.collections.IntHashSet;
import uk.co.real_logic.artio.util.AsciiBuffer;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

/**
 * Finds standard-header fields that a message carries after its first body field. Artio's header
 * decoder stops at the first body field, so such a message looks as if it had no CompIDs or
 * MsgSeqNum and the session would be logged out for a CompID problem; the FIX session rules ask
 * instead for a Reject "Tag specified out of required order" (373 = 14) that leaves the session up.
 * This rebuilds the header with the late fields moved in front of the body, so the session layer
 * sees the real header and the gateway can send that Reject.
 */
final class MisplacedHeaderFields
{
    private final IntHashSet headerTags;
    private final MutableAsciiBuffer rebuilt = new MutableAsciiBuffer(new byte[1024]);
    private int rebuiltLength;

    MisplacedHeaderFields(final int... headerTags)
    {
        this.headerTags = new IntHashSet(headerTags.length * 2);
        for (final int tag : headerTags)
        {
            this.headerTags.add(tag);
        }
    }

    /**
     * @param headerLength where the header decoder stopped, relative to {@code offset}.
     * @return true when late header fields were found; the rebuilt header is then in {@link #buffer()}.
     */
    boolean find(final AsciiBuffer buffer, final int offset, final int length, final int headerLength)
    {
        final int end = offset + length;
        int position = offset + headerLength;
        boolean found = false;
        int written = 0;
        while (position < end)
        {
            final int equals = buffer.scan(position, end - 1, '=');
            if (equals == AsciiBuffer.UNKNOWN_INDEX)
            {
                break;
            }
            final int fieldEnd = buffer.scan(equals + 1, end - 1, (byte)1);
            if (fieldEnd == AsciiBuffer.UNKNOWN_INDEX)
            {
                break;
            }
            final int tag = naturalOrMinusOne(buffer, position, equals);
            if (tag != 10 && headerTags.contains(tag))
            {
                if (!found)
                {
                    written = copy(buffer, offset, headerLength, 0);
                    found = true;
                }
                written = copy(buffer, position, fieldEnd + 1 - position, written);
            }
            position = fieldEnd + 1;
        }
        rebuiltLength = written;
        return found;
    }

    MutableAsciiBuffer buffer()
    {
        return rebuilt;
    }

    int length()
    {
        return rebuiltLength;
    }

    private int copy(final AsciiBuffer source, final int from, final int length, final int to)
    {
        if (to + length > rebuilt.capacity())
        {
            final MutableAsciiBuffer bigger = new MutableAsciiBuffer(new byte[(to + length) * 2]);
            bigger.putBytes(0, rebuilt, 0, to);
            rebuilt.wrap(bigger.byteArray());
        }
        rebuilt.putBytes(to, source, from, length);
        return to + length;
    }

    private static int naturalOrMinusOne(final AsciiBuffer buffer, final int start, final int end)
    {
        int value = 0;
        for (int i = start; i < end; i++)
        {
            final byte digit = buffer.getByte(i);
            if (digit < '0' || digit > '9' || value > 10_000_000)
            {
                return -1;
            }
            value = value * 10 + (digit - '0');
        }
        return end > start ? value : -1;
    }
}

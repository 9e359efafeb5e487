package dev.bastion.gateway.support;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.util.Set;

/** Cuts the body fields out of a raw FIX message: everything but the standard header and trailer. */
public final class FixBody
{
    private static final Set<Integer> HEADER_AND_TRAILER = Set.of(
        8, 9, 35, 49, 56, 115, 128, 90, 91, 34, 50, 142, 57, 143, 116, 144, 129, 145, 43, 97, 52, 122, 212, 213,
        347, 369, 627, 628, 629, 630, 1128, 1129, 93, 89, 10);

    private FixBody()
    {
    }

    /** @return the length of the body copied into {@code out}. */
    public static int copyBody(final DirectBuffer message, final int offset, final int length,
        final ExpandableArrayBuffer out)
    {
        int written = 0;
        int fieldStart = offset;
        final int end = offset + length;
        while (fieldStart < end)
        {
            int fieldEnd = fieldStart;
            while (fieldEnd < end && message.getByte(fieldEnd) != 1)
            {
                fieldEnd++;
            }
            int tag = 0;
            int i = fieldStart;
            while (i < fieldEnd && message.getByte(i) != '=')
            {
                final byte b = message.getByte(i);
                tag = b >= '0' && b <= '9' ? tag * 10 + (b - '0') : -1_000_000;
                i++;
            }
            if (!HEADER_AND_TRAILER.contains(tag))
            {
                final int fieldLength = Math.min(fieldEnd + 1, end) - fieldStart;
                out.putBytes(written, message, fieldStart, fieldLength);
                written += fieldLength;
            }
            fieldStart = fieldEnd + 1;
        }
        return written;
    }
}

package dev.bastion.bench.load;

import java.nio.charset.StandardCharsets;

/**
 * A FIX message encoded once, to be copied and patched for each send: BeginString, BodyLength,
 * MsgType and MsgSeqNum are written in front of a pre-encoded tail (every field after MsgSeqNum),
 * the caller patches the tail's fixed-width values in place, and {@link #finish} appends the
 * CheckSum. MsgSeqNum has no leading zeros, so BodyLength is worked out per message (one addition).
 */
final class MessageTemplate
{
    static final int TRAILER_LENGTH = 7;

    private final byte[] begin;
    private final byte[] msgType;
    private final byte[] tail;
    private final String tailText;

    /**
     * @param tail the fields after MsgSeqNum, each ended by SOH; placeholders of the right width
     *             where values are patched.
     */
    MessageTemplate(final String beginString, final String msgType, final String tail)
    {
        this.begin = ("8=" + beginString + "\u00019=").getBytes(StandardCharsets.US_ASCII);
        this.msgType = ("\u000135=" + msgType + "\u000134=").getBytes(StandardCharsets.US_ASCII);
        this.tailText = "\u0001" + tail;
        this.tail = tailText.getBytes(StandardCharsets.US_ASCII);
    }

    /** Offset in the tail (as {@link #begin} returns its start) of the value of the first {@code tag} in it. */
    int valueOffset(final int tag)
    {
        final int at = tailText.indexOf("\u0001" + tag + "=");
        if (at < 0)
        {
            throw new IllegalArgumentException("no tag " + tag + " in the template");
        }
        return at + 2 + Integer.toString(tag).length();
    }

    /** Writes the header and copies the tail at {@code offset}; returns where the tail starts. */
    int begin(final byte[] dst, final int offset, final int msgSeqNum)
    {
        int at = offset;
        System.arraycopy(begin, 0, dst, at, begin.length);
        at += begin.length;
        at = Ascii.putNatural(dst, at, msgType.length - 1 + Ascii.digits(msgSeqNum) + tail.length);
        System.arraycopy(msgType, 0, dst, at, msgType.length);
        at += msgType.length;
        at = Ascii.putNatural(dst, at, msgSeqNum);
        System.arraycopy(tail, 0, dst, at, tail.length);
        return at;
    }

    /**
     * Appends the CheckSum to the message begun at {@code offset} whose tail starts at {@code tailStart}.
     *
     * @return the length of the whole message.
     */
    int finish(final byte[] dst, final int offset, final int tailStart)
    {
        final int end = tailStart + tail.length;
        final int checksum = Ascii.checksum(dst, offset, end - offset);
        dst[end] = '1';
        dst[end + 1] = '0';
        dst[end + 2] = '=';
        Ascii.putPadded(dst, end + 3, checksum, 3);
        dst[end + 6] = Ascii.SOH;
        return end + TRAILER_LENGTH - offset;
    }

    /** The longest message this template writes (a MsgSeqNum of ten digits, a BodyLength of five). */
    int maxLength()
    {
        return begin.length + 5 + msgType.length + 10 + tail.length + TRAILER_LENGTH;
    }
}

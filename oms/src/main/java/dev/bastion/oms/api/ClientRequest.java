package dev.bastion.oms.api;

import org.agrona.DirectBuffer;

/**
 * What every client request carries besides its own fields: where it came from and the raw FIX
 * message it was decoded from (for audit and pass-through; valid only during the callback).
 */
public abstract class ClientRequest
{
    private long sessionId;
    private int msgSeqNum;
    private boolean possResend;
    private long sendingTimeNanos;
    private DirectBuffer rawBuffer;
    private int rawOffset;
    private int rawLength;

    /** Called by the gateway before filling the fields of a new message. */
    public void resetHeader(
        final long sessionId,
        final int msgSeqNum,
        final boolean possResend,
        final long sendingTimeNanos,
        final DirectBuffer rawBuffer,
        final int rawOffset,
        final int rawLength)
    {
        this.sessionId = sessionId;
        this.msgSeqNum = msgSeqNum;
        this.possResend = possResend;
        this.sendingTimeNanos = sendingTimeNanos;
        this.rawBuffer = rawBuffer;
        this.rawOffset = rawOffset;
        this.rawLength = rawLength;
    }

    public long sessionId()
    {
        return sessionId;
    }

    public int msgSeqNum()
    {
        return msgSeqNum;
    }

    /** PossResend (97): the client may have sent this request before; check the ClOrdID. */
    public boolean possResend()
    {
        return possResend;
    }

    /** SendingTime (52) in nanoseconds since the epoch. */
    public long sendingTimeNanos()
    {
        return sendingTimeNanos;
    }

    public DirectBuffer rawBuffer()
    {
        return rawBuffer;
    }

    public int rawOffset()
    {
        return rawOffset;
    }

    public int rawLength()
    {
        return rawLength;
    }

    /** FIX MsgType of the request, e.g. "D". */
    public abstract String msgType();

    static void copy(final StringBuilder target, final char[] source, final int length)
    {
        target.setLength(0);
        target.append(source, 0, length);
    }

    static void copy(final StringBuilder target, final CharSequence source)
    {
        target.setLength(0);
        if (source != null)
        {
            target.append(source);
        }
    }
}

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
    private int sequenceIndex;
    private boolean replayed;

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
        this.sequenceIndex = 0;
        this.replayed = false;
    }

    /**
     * Where the message stands in the session's history, after {@link #resetHeader}: Artio's sequence
     * index (it rises at each sequence reset) and whether the gateway is replaying it from its archive
     * at start-up because the OMS had not processed it when the last run ended.
     */
    public ClientRequest sequence(final int sequenceIndex, final boolean replayed)
    {
        this.sequenceIndex = sequenceIndex;
        this.replayed = replayed;
        return this;
    }

    /** Artio's sequence index of the session when the message arrived. */
    public int sequenceIndex()
    {
        return sequenceIndex;
    }

    /** Replayed from the gateway's archive at start-up: a request the OMS knows already is skipped. */
    public boolean replayed()
    {
        return replayed;
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

package dev.bastion.bench.load;

/**
 * The few fields the load generator reads from a message, as positions in the receive buffer: a
 * flyweight that {@link FixStreamDecoder} refills for every message, so reading allocates nothing.
 * Offsets are only valid during the callback.
 */
public final class InboundMessage
{
    static final int NONE = -1;

    byte[] buffer;
    int offset;
    int length;
    int msgTypeOffset;
    int msgTypeLength;
    int msgSeqNum;
    int clOrdIdOffset;
    int clOrdIdLength;
    byte execType;
    byte ordStatus;
    int testReqIdOffset;
    int testReqIdLength;
    int textOffset;
    int textLength;
    int refIdOffset;
    int refIdLength;
    int refSeqNum;
    boolean possDup;

    void reset(final byte[] buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        msgTypeOffset = NONE;
        msgTypeLength = 0;
        msgSeqNum = NONE;
        clOrdIdOffset = NONE;
        clOrdIdLength = 0;
        execType = 0;
        ordStatus = 0;
        testReqIdOffset = NONE;
        testReqIdLength = 0;
        textOffset = NONE;
        textLength = 0;
        refIdOffset = NONE;
        refIdLength = 0;
        refSeqNum = NONE;
        possDup = false;
    }

    /** True when MsgType (35) is this one- or two-character type. */
    public boolean isType(final String type)
    {
        if (msgTypeLength != type.length())
        {
            return false;
        }
        for (int i = 0; i < msgTypeLength; i++)
        {
            if (buffer[msgTypeOffset + i] != type.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    public String msgType()
    {
        return msgTypeOffset == NONE ? "" : Ascii.text(buffer, msgTypeOffset, msgTypeLength);
    }

    /** MsgSeqNum (34), or -1 when absent or not a number. */
    public int msgSeqNum()
    {
        return msgSeqNum;
    }

    /** ExecType (150) as a character, 0 when absent. */
    public char execType()
    {
        return (char)execType;
    }

    /** OrdStatus (39) as a character, 0 when absent. */
    public char ordStatus()
    {
        return (char)ordStatus;
    }

    public boolean possDup()
    {
        return possDup;
    }

    /** ClOrdID (11); for messages to people and tests (allocates). */
    public String clOrdId()
    {
        return clOrdIdOffset == NONE ? "" : Ascii.text(buffer, clOrdIdOffset, clOrdIdLength);
    }

    /** Text (58); for messages to people (allocates). */
    public String text()
    {
        return textOffset == NONE ? "" : Ascii.text(buffer, textOffset, textLength);
    }

    /** BusinessRejectRefID (379); for messages to people (allocates). */
    public String refId()
    {
        return refIdOffset == NONE ? "" : Ascii.text(buffer, refIdOffset, refIdLength);
    }

    /** The whole message with SOH shown as '|'; for messages to people (allocates). */
    @Override
    public String toString()
    {
        return Ascii.text(buffer, offset, length).replace('\u0001', '|');
    }
}

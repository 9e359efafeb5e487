package dev.bastion.gateway.codec;

import org.agrona.DirectBuffer;
import org.agrona.collections.IntHashSet;

/**
 * Header fields of an inbound message read straight from its bytes, for any FIX version and even
 * when the message fails validation: MsgSeqNum (34), MsgType (35), PossDupFlag (43), PossResend
 * (97), SendingTime (52), OrigSendingTime (122) and the
 * third-party routing fields (OnBehalfOf 115/116/144, DeliverTo 128/129/145). A reply to a routed
 * message goes back reversed: what came OnBehalfOf a firm is sent DeliverTo it, and the other way
 * round. Empty values are not routed.
 */
public final class RawHeader
{
    private static final IntHashSet HEADER_TAGS = new IntHashSet(64);

    static
    {
        for (final int tag : Fix44SessionDictionary.HEADER_TAGS)
        {
            HEADER_TAGS.add(tag);
        }
        for (final int tag : Fix42SessionDictionary.HEADER_TAGS)
        {
            HEADER_TAGS.add(tag);
        }
    }

    private final StringBuilder onBehalfOfCompId = new StringBuilder();
    private final StringBuilder onBehalfOfSubId = new StringBuilder();
    private final StringBuilder onBehalfOfLocationId = new StringBuilder();
    private final StringBuilder deliverToCompId = new StringBuilder();
    private final StringBuilder deliverToSubId = new StringBuilder();
    private final StringBuilder deliverToLocationId = new StringBuilder();
    private final StringBuilder msgType = new StringBuilder(4);
    private int msgSeqNum;
    private boolean possResend;
    private boolean possDup;
    private final StringBuilder sendingTime = new StringBuilder(24);
    private final StringBuilder origSendingTime = new StringBuilder(24);
    private int misplacedHeaderTag;

    /** Reads the fields from a complete FIX message. */
    public RawHeader read(final DirectBuffer buffer, final int offset, final int length)
    {
        onBehalfOfCompId.setLength(0);
        onBehalfOfSubId.setLength(0);
        onBehalfOfLocationId.setLength(0);
        deliverToCompId.setLength(0);
        deliverToSubId.setLength(0);
        deliverToLocationId.setLength(0);
        msgType.setLength(0);
        msgSeqNum = 0;
        possResend = false;
        possDup = false;
        sendingTime.setLength(0);
        origSendingTime.setLength(0);
        misplacedHeaderTag = 0;
        boolean inBody = false;

        final int end = offset + length;
        int position = offset;
        while (position < end)
        {
            int tag = 0;
            int index = position;
            while (index < end && buffer.getByte(index) != '=')
            {
                final byte digit = buffer.getByte(index);
                tag = digit >= '0' && digit <= '9' ? tag * 10 + (digit - '0') : -1;
                index++;
            }
            final int valueStart = index + 1;
            int valueEnd = valueStart;
            while (valueEnd < end && buffer.getByte(valueEnd) != 1)
            {
                valueEnd++;
            }
            final boolean headerTag = HEADER_TAGS.contains(tag);
            if (!headerTag && tag != 10 && tag != 93 && tag != 89)
            {
                inBody = true;
            }
            else if (headerTag && inBody && misplacedHeaderTag == 0)
            {
                misplacedHeaderTag = tag;
            }
            final StringBuilder target = target(tag);
            if (target != null)
            {
                for (int i = valueStart; i < valueEnd; i++)
                {
                    target.append((char)buffer.getByte(i));
                }
            }
            else if (tag == 97)
            {
                possResend = valueEnd - valueStart == 1 && buffer.getByte(valueStart) == 'Y';
            }
            else if (tag == 43)
            {
                possDup = valueEnd - valueStart == 1 && buffer.getByte(valueStart) == 'Y';
            }
            else if (tag == 34)
            {
                msgSeqNum = parseNatural(buffer, valueStart, valueEnd);
            }
            else if (tag == 35)
            {
                for (int i = valueStart; i < valueEnd; i++)
                {
                    msgType.append((char)buffer.getByte(i));
                }
            }
            position = valueEnd + 1;
        }
        return this;
    }

    public boolean possResend()
    {
        return possResend;
    }

    /**
     * @return the first standard-header tag that came after a body field, or 0: such a message is
     *         rejected with "Tag specified out of required order".
     */
    public int misplacedHeaderTag()
    {
        return misplacedHeaderTag;
    }

    public boolean possDup()
    {
        return possDup;
    }

    /** True when a resent message claims to have been first sent after it was resent. */
    public boolean origSendingTimeAfterSendingTime()
    {
        // Both are UTCTimestamps: to the second, text order is time order.
        final int length = Math.min(17, Math.min(sendingTime.length(), origSendingTime.length()));
        for (int i = 0; i < length; i++)
        {
            final int difference = origSendingTime.charAt(i) - sendingTime.charAt(i);
            if (difference != 0)
            {
                return difference > 0;
            }
        }
        return false;
    }

    /** MsgSeqNum (34), or 0 when missing or not a number. */
    public int msgSeqNum()
    {
        return msgSeqNum;
    }

    public CharSequence msgType()
    {
        return msgType;
    }

    private static int parseNatural(final DirectBuffer buffer, final int start, final int end)
    {
        int value = 0;
        for (int i = start; i < end; i++)
        {
            final byte digit = buffer.getByte(i);
            if (digit < '0' || digit > '9' || value > 100_000_000)
            {
                return 0;
            }
            value = value * 10 + (digit - '0');
        }
        return value;
    }

    /** DeliverToCompID (128) for a reply: the inbound OnBehalfOfCompID. */
    public CharSequence replyDeliverToCompId()
    {
        return onBehalfOfCompId;
    }

    public CharSequence replyDeliverToSubId()
    {
        return onBehalfOfSubId;
    }

    public CharSequence replyDeliverToLocationId()
    {
        return onBehalfOfLocationId;
    }

    /** OnBehalfOfCompID (115) for a reply: the inbound DeliverToCompID. */
    public CharSequence replyOnBehalfOfCompId()
    {
        return deliverToCompId;
    }

    public CharSequence replyOnBehalfOfSubId()
    {
        return deliverToSubId;
    }

    public CharSequence replyOnBehalfOfLocationId()
    {
        return deliverToLocationId;
    }

    private StringBuilder target(final int tag)
    {
        switch (tag)
        {
            case 52:
                return sendingTime;
            case 122:
                return origSendingTime;
            case 115:
                return onBehalfOfCompId;
            case 116:
                return onBehalfOfSubId;
            case 144:
                return onBehalfOfLocationId;
            case 128:
                return deliverToCompId;
            case 129:
                return deliverToSubId;
            case 145:
                return deliverToLocationId;
            default:
                return null;
        }
    }
}

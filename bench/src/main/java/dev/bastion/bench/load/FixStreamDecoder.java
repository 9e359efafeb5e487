package dev.bastion.bench.load;

/**
 * Cuts a TCP byte stream into FIX messages by their BodyLength (9) and reads the handful of tags
 * the load generator needs: MsgType (35), MsgSeqNum (34), PossDupFlag (43), ClOrdID (11),
 * ExecType (150), OrdStatus (39), TestReqID (112), Text (58), RefSeqNum (45) and
 * BusinessRejectRefID (379). Reads may split a message or carry several: {@link #decode} handles
 * the whole messages and says how many bytes it used, and the caller keeps the rest for the next
 * read. Nothing is allocated and the CheckSum is not verified (the targets' engines do that on what
 * the generator sends; here only the framing is checked).
 */
public final class FixStreamDecoder
{
    /** A message the decoder has read. */
    @FunctionalInterface
    public interface Handler
    {
        void onMessage(InboundMessage message);
    }

    private final InboundMessage message = new InboundMessage();

    /**
     * Decodes every whole message in {@code [offset, offset + length)}.
     *
     * @return the number of bytes of whole messages consumed; the rest is the start of a message.
     * @throws FixFramingException when the bytes are not FIX (the stream cannot be resynchronised).
     */
    public int decode(final byte[] buffer, final int offset, final int length, final Handler handler)
    {
        final int end = offset + length;
        int at = offset;
        while (at < end)
        {
            final int messageLength = frame(buffer, at, end);
            if (messageLength == 0)
            {
                break;
            }
            read(buffer, at, messageLength);
            handler.onMessage(message);
            at += messageLength;
        }
        return at - offset;
    }

    /** Length of the whole message starting at {@code start}, or 0 if the bytes so far do not hold all of it. */
    private static int frame(final byte[] buffer, final int start, final int end)
    {
        int at = start;
        // 8=BeginString|
        if (end - at < 2)
        {
            return 0;
        }
        if (buffer[at] != '8' || buffer[at + 1] != '=')
        {
            throw new FixFramingException("expected 8= at the start of a message", buffer, start, end);
        }
        at += 2;
        while (at < end && buffer[at] != Ascii.SOH)
        {
            if (at - start > 32)
            {
                throw new FixFramingException("BeginString too long", buffer, start, end);
            }
            at++;
        }
        if (end - at < 4)
        {
            return 0;
        }
        at++;
        if (buffer[at] != '9' || buffer[at + 1] != '=')
        {
            throw new FixFramingException("expected 9= after BeginString", buffer, start, end);
        }
        at += 2;
        int bodyLength = 0;
        while (true)
        {
            if (at >= end)
            {
                return 0;
            }
            final byte b = buffer[at++];
            if (b == Ascii.SOH)
            {
                break;
            }
            if (b < '0' || b > '9' || bodyLength > 1_000_000)
            {
                throw new FixFramingException("BodyLength is not a number", buffer, start, end);
            }
            bodyLength = bodyLength * 10 + (b - '0');
        }
        final int trailer = at + bodyLength;
        if (trailer + 7 > end)
        {
            return 0;
        }
        if (buffer[trailer] != '1' || buffer[trailer + 1] != '0' || buffer[trailer + 2] != '=' ||
            buffer[trailer + 6] != Ascii.SOH)
        {
            throw new FixFramingException("no CheckSum where BodyLength says the body ends", buffer, start, end);
        }
        return trailer + 7 - start;
    }

    private void read(final byte[] buffer, final int start, final int length)
    {
        final InboundMessage m = message;
        m.reset(buffer, start, length);
        final int end = start + length;
        int at = start;
        while (at < end)
        {
            int tag = 0;
            while (at < end && buffer[at] != '=')
            {
                tag = tag * 10 + (buffer[at++] - '0');
            }
            final int valueStart = ++at;
            while (at < end && buffer[at] != Ascii.SOH)
            {
                at++;
            }
            if (at >= end)
            {
                break;
            }
            final int valueLength = at - valueStart;
            at++;
            switch (tag)
            {
                case 35:
                    m.msgTypeOffset = valueStart;
                    m.msgTypeLength = valueLength;
                    break;
                case 34:
                    m.msgSeqNum = (int)Ascii.parseNatural(buffer, valueStart, valueLength);
                    break;
                case 43:
                    m.possDup = valueLength == 1 && buffer[valueStart] == 'Y';
                    break;
                case 11:
                    m.clOrdIdOffset = valueStart;
                    m.clOrdIdLength = valueLength;
                    break;
                case 150:
                    m.execType = buffer[valueStart];
                    break;
                case 39:
                    m.ordStatus = buffer[valueStart];
                    break;
                case 112:
                    m.testReqIdOffset = valueStart;
                    m.testReqIdLength = valueLength;
                    break;
                case 58:
                    m.textOffset = valueStart;
                    m.textLength = valueLength;
                    break;
                case 45:
                    m.refSeqNum = (int)Ascii.parseNatural(buffer, valueStart, valueLength);
                    break;
                case 379:
                    m.refIdOffset = valueStart;
                    m.refIdLength = valueLength;
                    break;
                default:
                    break;
            }
        }
    }
}

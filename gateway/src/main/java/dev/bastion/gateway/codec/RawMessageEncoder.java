package dev.bastion.gateway.codec;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.builder.SessionHeaderEncoder;
import uk.co.real_logic.artio.dictionary.FixDictionary;
import uk.co.real_logic.artio.dictionary.generation.GenerationUtil;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Writes an application message whose body fields are given as bytes (a pass-through or a copy)
 * under a header the session fills in, with BodyLength and CheckSum computed here.
 */
public final class RawMessageEncoder implements Encoder
{
    /** Room before the header for "8=FIX.4.4|9=" and a five-digit body length. */
    private static final int PREFIX_ROOM = 32;

    private final SessionHeaderEncoder header;
    private final byte[] beginString;
    private final ExpandableArrayBuffer body = new ExpandableArrayBuffer(256);
    private int bodyLength;
    private long messageType;

    public RawMessageEncoder(final FixDictionary dictionary)
    {
        header = dictionary.makeHeaderEncoder();
        beginString = dictionary.beginString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Sets the message: its MsgType and the body fields, each ending with SOH. */
    public RawMessageEncoder wrap(
        final String msgType, final boolean possResend, final DirectBuffer buffer, final int offset, final int length)
    {
        header.reset();
        header.msgType(msgType);
        if (possResend)
        {
            header.possResend(true);
        }
        messageType = GenerationUtil.packMessageType(msgType);
        body.putBytes(0, buffer, offset, length);
        bodyLength = length;
        return this;
    }

    @Override
    public long encode(final MutableAsciiBuffer buffer, final int offset)
    {
        final long headerResult = header.startMessage(buffer, offset + PREFIX_ROOM);
        final int headerStart = Encoder.offset(headerResult);
        int position = headerStart + Encoder.length(headerResult);
        buffer.putBytes(position, body, 0, bodyLength);
        position += bodyLength;

        // 8=BeginString|9=BodyLength| written backwards in front of the header.
        final int length = position - headerStart;
        int start = headerStart - 1;
        buffer.putSeparator(start);
        start = buffer.putNaturalIntAsciiFromEnd(length, start);
        start -= 2;
        buffer.putAscii(start, "9=");
        start--;
        buffer.putSeparator(start);
        start -= beginString.length;
        buffer.putBytes(start, beginString);
        start -= 2;
        buffer.putAscii(start, "8=");

        final int checksum = buffer.computeChecksum(start, position);
        position += buffer.putAscii(position, "10=");
        buffer.putNaturalPaddedIntAscii(position, 3, checksum);
        position += 3;
        buffer.putSeparator(position);
        position++;
        return Encoder.result(position - start, start);
    }

    @Override
    public void reset()
    {
        header.reset();
        resetMessage();
    }

    @Override
    public long messageType()
    {
        return messageType;
    }

    @Override
    public SessionHeaderEncoder header()
    {
        return header;
    }

    @Override
    public void resetMessage()
    {
        bodyLength = 0;
    }

    @Override
    public Encoder copyTo(final Encoder encoder)
    {
        if (!(encoder instanceof RawMessageEncoder))
        {
            throw new IllegalArgumentException("a raw message copies only to another RawMessageEncoder");
        }
        final RawMessageEncoder target = (RawMessageEncoder)encoder;
        header.copyTo(target);
        target.body.putBytes(0, body, 0, bodyLength);
        target.bodyLength = bodyLength;
        target.messageType = messageType;
        return target;
    }

    @Override
    public StringBuilder appendTo(final StringBuilder builder)
    {
        return builder.append(body.getStringWithoutLengthAscii(0, bodyLength).replace('\u0001', '|'));
    }
}

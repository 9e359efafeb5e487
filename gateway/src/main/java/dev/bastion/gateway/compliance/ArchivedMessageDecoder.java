package dev.bastion.gateway.compliance;

import org.agrona.DirectBuffer;
import uk.co.real_logic.artio.messages.FixMessageDecoder;
import uk.co.real_logic.artio.messages.MessageHeaderDecoder;
import uk.co.real_logic.artio.messages.MessageStatus;

/**
 * Reads a FIX message out of one of Artio's stream records (live or replayed from the archive),
 * allocation-free: its timestamp, status and the bytes of the message itself.
 */
final class ArchivedMessageDecoder
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final FixMessageDecoder fixMessage = new FixMessageDecoder();
    private int bodyOffset;
    private int bodyLength;

    /** @return false when the record is not a FIX message (Artio's other control records). */
    boolean wrap(final DirectBuffer buffer, final int offset)
    {
        header.wrap(buffer, offset);
        if (header.templateId() != FixMessageDecoder.TEMPLATE_ID)
        {
            return false;
        }
        fixMessage.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        fixMessage.skipMetaData();
        bodyLength = fixMessage.bodyLength();
        bodyOffset = fixMessage.limit() + FixMessageDecoder.bodyHeaderLength();
        return true;
    }

    long timestampNs()
    {
        return fixMessage.timestamp();
    }

    String status()
    {
        return fixMessage.status().name();
    }

    boolean isOk()
    {
        return fixMessage.status() == MessageStatus.OK;
    }

    long sessionId()
    {
        return fixMessage.session();
    }

    int sequenceIndex()
    {
        return fixMessage.sequenceIndex();
    }

    int bodyOffset()
    {
        return bodyOffset;
    }

    int bodyLength()
    {
        return bodyLength;
    }
}

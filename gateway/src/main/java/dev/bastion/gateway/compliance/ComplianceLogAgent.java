package dev.bastion.gateway.compliance;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import uk.co.real_logic.artio.CommonConfiguration;
import uk.co.real_logic.artio.engine.EngineConfiguration;
import uk.co.real_logic.artio.messages.FixMessageDecoder;
import uk.co.real_logic.artio.messages.MessageHeaderDecoder;

import java.time.Instant;

/**
 * Tails the streams between Artio's engine and its library, where every FIX message of every
 * session passes (inbound, outbound, and resends), and writes each one to the compliance log as
 * soon as it appears. Artio's own log reader orders messages across streams by time and may hold
 * the newest back until every stream moves on; a compliance record must not wait, so this reads
 * the streams directly and keeps arrival order per stream.
 */
public final class ComplianceLogAgent implements Agent
{
    private static final int FRAGMENT_LIMIT = 50;

    private final Aeron aeron;
    private final ComplianceLogWriter writer;
    private final Subscription inbound;
    private final Subscription outbound;
    private final Subscription replay;
    private final FragmentHandler inboundHandler;
    private final FragmentHandler outboundHandler;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final FixMessageDecoder fixMessage = new FixMessageDecoder();

    public ComplianceLogAgent(final String aeronDirectory, final String channel, final ComplianceLogWriter writer)
    {
        this.writer = writer;
        this.aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDirectory));
        this.inbound = aeron.addSubscription(channel, CommonConfiguration.DEFAULT_INBOUND_LIBRARY_STREAM);
        this.outbound = aeron.addSubscription(channel, CommonConfiguration.DEFAULT_OUTBOUND_LIBRARY_STREAM);
        this.replay = aeron.addSubscription(channel, EngineConfiguration.DEFAULT_OUTBOUND_REPLAY_STREAM);
        this.inboundHandler = new FragmentAssembler((buffer, offset, length, h) ->
            onFragment(Direction.IN, buffer, offset));
        this.outboundHandler = new FragmentAssembler((buffer, offset, length, h) ->
            onFragment(Direction.OUT, buffer, offset));
    }

    /** True once every stream has a publisher: from then on no message can pass unseen. */
    public boolean isConnected()
    {
        return inbound.isConnected() && outbound.isConnected();
    }

    @Override
    public int doWork()
    {
        return inbound.poll(inboundHandler, FRAGMENT_LIMIT) +
            outbound.poll(outboundHandler, FRAGMENT_LIMIT) +
            replay.poll(outboundHandler, FRAGMENT_LIMIT);
    }

    private void onFragment(final Direction direction, final DirectBuffer buffer, final int offset)
    {
        header.wrap(buffer, offset);
        if (header.templateId() != FixMessageDecoder.TEMPLATE_ID)
        {
            return;
        }
        fixMessage.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(),
            header.version());
        fixMessage.skipMetaData();
        final int bodyLength = fixMessage.bodyLength();
        final int bodyOffset = fixMessage.limit() + FixMessageDecoder.bodyHeaderLength();
        final String message = buffer.getStringWithoutLengthAscii(bodyOffset, bodyLength);
        final long timestampNs = fixMessage.timestamp();
        writer.write(new ComplianceRecord(
            Instant.ofEpochSecond(0, timestampNs),
            direction,
            fixMessage.status().name(),
            sessionKey(direction, message),
            PasswordMask.mask(message)));
    }

    private static String sessionKey(final Direction direction, final String message)
    {
        final ComplianceRecord fields = new ComplianceRecord(Instant.EPOCH, direction, "", "", message);
        final String sender = fields.field(49);
        final String target = fields.field(56);
        final String gateway = direction == Direction.IN ? target : sender;
        final String counterparty = direction == Direction.IN ? sender : target;
        return fields.field(8) + ":" + gateway + "->" + counterparty;
    }

    @Override
    public void onClose()
    {
        // Write what is still in the streams: the engine has stopped, so this ends.
        while (doWork() > 0)
        {
            Thread.onSpinWait();
        }
        CloseHelper.closeAll(inbound, outbound, replay, aeron, writer);
    }

    @Override
    public String roleName()
    {
        return "bastion-compliance-log";
    }
}

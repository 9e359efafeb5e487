package dev.bastion.gateway.compliance;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.archive.status.RecordingPos;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.status.CountersReader;
import uk.co.real_logic.artio.CommonConfiguration;
import uk.co.real_logic.artio.engine.EngineConfiguration;

/**
 * Tails the streams between Artio's engine and its library, where every FIX message of every
 * session passes (inbound, outbound, and resends), and hands each one to the compliance log as
 * soon as it appears. Artio's own log reader orders messages across streams by time and may hold
 * the newest back until every stream moves on; a compliance record must not wait, so this reads
 * the streams directly and keeps arrival order per stream.
 *
 * <p>Each record carries the archive recording and position it came from, so that the writer's
 * marker knows where to resume after a crash ({@link ComplianceCatchUp}). Records are flushed to
 * the operating system at the end of every turn that wrote some, or after {@code flushIntervalNs}
 * when that is set: a busy gateway writes its records in batches, an idle one at once.
 */
public final class ComplianceLogAgent implements Agent
{
    private static final int FRAGMENT_LIMIT = 50;

    private final Aeron aeron;
    private final ComplianceLogWriter writer;
    private final ComplianceMarker marker;
    private final long flushIntervalNs;
    private final Subscription inbound;
    private final Subscription outbound;
    private final Subscription replay;
    private final FragmentHandler inboundHandler;
    private final FragmentHandler outboundHandler;
    private final FragmentHandler replayHandler;
    private final ArchivedMessageDecoder decoder = new ArchivedMessageDecoder();
    /** Aeron session id of a recorded publication to its archive recording id. */
    private final Int2ObjectHashMap<Long> recordingBySession = new Int2ObjectHashMap<>();
    private long firstUnflushedNs;

    /**
     * @param flushIntervalNs how long a record may wait in memory; 0 writes it at the end of the
     *                        turn that read it.
     */
    public ComplianceLogAgent(
        final String aeronDirectory,
        final String channel,
        final ComplianceLogWriter writer,
        final ComplianceMarker marker,
        final long flushIntervalNs)
    {
        this.writer = writer;
        this.marker = marker;
        this.flushIntervalNs = flushIntervalNs;
        this.aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDirectory));
        this.inbound = aeron.addSubscription(channel, CommonConfiguration.DEFAULT_INBOUND_LIBRARY_STREAM);
        this.outbound = aeron.addSubscription(channel, CommonConfiguration.DEFAULT_OUTBOUND_LIBRARY_STREAM);
        this.replay = aeron.addSubscription(channel, EngineConfiguration.DEFAULT_OUTBOUND_REPLAY_STREAM);
        this.inboundHandler = new FragmentAssembler((buffer, offset, length, header) ->
            onFragment(Direction.IN, buffer, offset, header, true));
        this.outboundHandler = new FragmentAssembler((buffer, offset, length, header) ->
            onFragment(Direction.OUT, buffer, offset, header, true));
        this.replayHandler = new FragmentAssembler((buffer, offset, length, header) ->
            onFragment(Direction.OUT, buffer, offset, header, false));
    }

    /** True once every stream has a publisher: from then on no message can pass unseen. */
    public boolean isConnected()
    {
        return inbound.isConnected() && outbound.isConnected();
    }

    @Override
    public int doWork()
    {
        final int work = inbound.poll(inboundHandler, FRAGMENT_LIMIT) +
            outbound.poll(outboundHandler, FRAGMENT_LIMIT) +
            replay.poll(replayHandler, FRAGMENT_LIMIT);
        if (writer.hasUnflushed() && (flushIntervalNs == 0 || System.nanoTime() - firstUnflushedNs >= flushIntervalNs))
        {
            writer.flush();
        }
        return work;
    }

    private void onFragment(
        final Direction direction, final DirectBuffer buffer, final int offset, final Header header,
        final boolean recorded)
    {
        if (!decoder.wrap(buffer, offset))
        {
            return;
        }
        if (!writer.hasUnflushed())
        {
            firstUnflushedNs = System.nanoTime();
        }
        writer.append(decoder.timestampNs(), direction, decoder.status(), buffer, decoder.bodyOffset(),
            decoder.bodyLength(), recorded ? recordingOf(header.sessionId()) : ComplianceLogWriter.NO_RECORDING,
            header.position());
    }

    private long recordingOf(final int sessionId)
    {
        final Long known = recordingBySession.get(sessionId);
        if (known != null)
        {
            return known;
        }
        // Artio starts each recording before it publishes on the stream, so the counter is there.
        final CountersReader counters = aeron.countersReader();
        final int counterId = RecordingPos.findCounterIdBySession(counters, sessionId);
        if (counterId == CountersReader.NULL_COUNTER_ID)
        {
            return ComplianceLogWriter.NO_RECORDING;
        }
        final Long recordingId = RecordingPos.getRecordingId(counters, counterId);
        recordingBySession.put(sessionId, recordingId);
        return recordingId;
    }

    @Override
    public void onClose()
    {
        // Write what is still in the streams: the engine has stopped, so this ends.
        while (inbound.poll(inboundHandler, FRAGMENT_LIMIT) + outbound.poll(outboundHandler, FRAGMENT_LIMIT) +
            replay.poll(replayHandler, FRAGMENT_LIMIT) > 0)
        {
            Thread.onSpinWait();
        }
        CloseHelper.closeAll(writer, marker, inbound, outbound, replay, aeron);
    }

    @Override
    public String roleName()
    {
        return "bastion-compliance-log";
    }
}

package dev.bastion.gateway.compliance;

import io.aeron.Image;
import io.aeron.Subscription;
import io.aeron.archive.client.AeronArchive;
import io.aeron.logbuffer.ControlledFragmentHandler.Action;
import io.aeron.logbuffer.Header;
import io.aeron.ControlledFragmentAssembler;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import uk.co.real_logic.artio.CommonConfiguration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One archive recording replayed from a position to its end, read one FIX message at a time so
 * that {@link ComplianceCatchUp} can merge several recordings by timestamp, and the start-up replay
 * of inbound messages the OMS had not processed can pick a session's messages out of it.
 */
public final class ReplayCursor implements AutoCloseable
{
    private static final long STALL_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(60);

    private final long recordingId;
    private final Direction direction;
    private final long stop;
    private final Subscription subscription;
    private final ArchivedMessageDecoder decoder = new ArchivedMessageDecoder();
    private final ControlledFragmentAssembler assembler = new ControlledFragmentAssembler(this::onFragment);
    private final ExpandableArrayBuffer message = new ExpandableArrayBuffer(1024);
    private final IdleStrategy idle = new SleepingMillisIdleStrategy(1);
    private Image image;
    private boolean hasMessage;
    private int length;
    private long timestampNs;
    private String status;
    private boolean statusOk;
    private long sessionId;
    private int sequenceIndex;
    private long position;

    public ReplayCursor(
        final AeronArchive archive,
        final String channel,
        final int streamId,
        final long recordingId,
        final int recordedStreamId,
        final long from,
        final long stop)
    {
        this.recordingId = recordingId;
        this.direction = recordedStreamId == CommonConfiguration.DEFAULT_INBOUND_LIBRARY_STREAM ?
            Direction.IN : Direction.OUT;
        this.stop = stop;
        this.subscription = archive.replay(recordingId, from, stop - from, channel, streamId);
    }

    /** Reads the next FIX message of the recording, or finds that there is none left. */
    public void advance()
    {
        hasMessage = false;
        final long deadlineNs = System.nanoTime() + STALL_TIMEOUT_NS;
        while (!hasMessage)
        {
            if (image == null)
            {
                image = subscription.imageCount() > 0 ? subscription.imageAtIndex(0) : null;
            }
            if (image != null && (image.position() >= stop || image.isClosed()))
            {
                return;
            }
            final int fragments = image == null ? 0 : image.controlledPoll(assembler, 1);
            if (fragments == 0)
            {
                if (System.nanoTime() > deadlineNs)
                {
                    throw new IllegalStateException("the archive's replay of recording " + recordingId +
                        " stalled");
                }
                idle.idle();
            }
        }
    }

    private Action onFragment(final DirectBuffer buffer, final int offset, final int fragmentLength,
        final Header header)
    {
        if (!decoder.wrap(buffer, offset))
        {
            return Action.CONTINUE;
        }
        length = decoder.bodyLength();
        message.putBytes(0, buffer, decoder.bodyOffset(), length);
        timestampNs = decoder.timestampNs();
        status = decoder.status();
        statusOk = decoder.isOk();
        sessionId = decoder.sessionId();
        sequenceIndex = decoder.sequenceIndex();
        position = header.position();
        hasMessage = true;
        return Action.BREAK;
    }

    public boolean hasMessage()
    {
        return hasMessage;
    }

    /** The current message's bytes, from offset 0; valid until the next {@link #advance}. */
    public DirectBuffer message()
    {
        return message;
    }

    public int length()
    {
        return length;
    }

    /** Artio's id of the session the current message belongs to. */
    public long sessionId()
    {
        return sessionId;
    }

    /** Artio's sequence index of that session when the message passed. */
    public int sequenceIndex()
    {
        return sequenceIndex;
    }

    /** Artio framed it as a whole, valid FIX message (not one it found malformed). */
    public boolean isOk()
    {
        return statusOk;
    }

    long timestampNs()
    {
        return timestampNs;
    }

    void writeTo(final ComplianceLogWriter writer)
    {
        writer.append(timestampNs, direction, status, message, 0, length, recordingId, position);
    }

    @Override
    public void close()
    {
        subscription.close();
    }

    /** The archive's recordings of one of Artio's library streams on the channel. */
    public static List<Recording> recordings(final AeronArchive archive, final String channel, final int streamId)
    {
        final List<Recording> recordings = new ArrayList<>();
        archive.listRecordingsForUri(0, Integer.MAX_VALUE, channel, streamId,
            (controlSessionId, correlationId, recordingId, startTimestamp, stopTimestamp, startPosition,
            stopPosition, initialTermId, segmentFileLength, termBufferLength, mtuLength, sessionId,
            recordedStreamId, strippedChannel, originalChannel, sourceIdentity) ->
            recordings.add(new Recording(recordingId, recordedStreamId, startPosition,
            stopPosition == AeronArchive.NULL_POSITION ? archive.getRecordingPosition(recordingId) : stopPosition)));
        return recordings;
    }

    /**
     * One recording; its stop position is where it ended, or where it stands now for one still
     * open ({@link AeronArchive#NULL_POSITION} when the archive does not know).
     */
    public record Recording(long recordingId, int streamId, long startPosition, long stopPosition)
    {
    }
}

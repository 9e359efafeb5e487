package dev.bastion.gateway.session;

import dev.bastion.gateway.codec.ClientCodec;
import dev.bastion.gateway.codec.RawHeader;
import dev.bastion.gateway.compliance.ReplayCursor;
import dev.bastion.gateway.config.ClientSessionConfiguration;
import dev.bastion.oms.api.ClientOrderHandler;
import dev.bastion.oms.api.ClientRequest;
import dev.bastion.oms.api.ClientSessionInfo;
import io.aeron.Aeron;
import io.aeron.archive.client.AeronArchive;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import uk.co.real_logic.artio.CommonConfiguration;
import uk.co.real_logic.artio.builder.Decoder;
import uk.co.real_logic.artio.decoder.SessionHeaderDecoder;
import uk.co.real_logic.artio.dictionary.generation.GenerationUtil;
import uk.co.real_logic.artio.fields.UtcTimestampDecoder;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import static io.aeron.archive.client.AeronArchive.NULL_POSITION;

/**
 * At start-up, before any client can log on: hands the OMS again every inbound application message
 * Artio received and archived that the OMS had not processed when the last run ended (a
 * {@code kill -9} between Artio's framer and the business thread). Artio has counted those
 * messages as received, so the client never sends them again; without this they would be lost.
 *
 * <p>Per session, the OMS says which message it processed last ({@link ClientOrderHandler#processedUpTo});
 * the session's archived messages after it are taken in MsgSeqNum order as long as they follow one
 * another without a gap (a message above a gap was held for a resend and not counted by Artio, so the
 * client sends it again). Each is validated and decoded with the session's codec and handed to the OMS
 * as a live message would be, flagged {@link ClientRequest#replayed()}; the replies go to the session's
 * kept replies and reach the client after its logon. A message the live path would have refused
 * (invalid, too long, on a drop-copy session) is skipped: the client got its reject then.
 */
public final class UnprocessedInboundReplay
{
    private static final Logger LOG = LogManager.getLogger(UnprocessedInboundReplay.class);
    private static final int REPLAY_STREAM_ID = 0x0B45_7101;
    private static final long SEQUENCE_RESET = GenerationUtil.packMessageType("4");
    private static final byte[] ADMIN = new byte[0];
    private static final long BACK_PRESSURE_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(60);

    private final ClientOrderHandler orderHandler;
    private final ClientSessionRegistry registry;
    private final IntSupplier drainReplies;
    private final int maxMessageLength;
    private final RawHeader rawHeader = new RawHeader();
    private final MutableAsciiBuffer asciiBuffer = new MutableAsciiBuffer();
    private final UtcTimestampDecoder sendingTimeDecoder = new UtcTimestampDecoder(true);
    private final IdleStrategy idle = new SleepingMillisIdleStrategy(1);
    private final Long2LongHashMap marks = new Long2LongHashMap(Long.MIN_VALUE);
    /** Per session: its messages after the OMS's mark, by (sequence index, MsgSeqNum). */
    private final TreeMap<Long, TreeMap<Long, byte[]>> pending = new TreeMap<>();
    private final Map<Long, String> beginStrings = new HashMap<>();

    /**
     * @param drainReplies moves the OMS's replies on while the OMS is back-pressured (the session
     *                     thread does not run yet).
     */
    public UnprocessedInboundReplay(
        final ClientOrderHandler orderHandler,
        final ClientSessionRegistry registry,
        final IntSupplier drainReplies,
        final int maxMessageLength)
    {
        this.orderHandler = orderHandler;
        this.registry = registry;
        this.drainReplies = drainReplies;
        this.maxMessageLength = maxMessageLength;
    }

    /**
     * Reads the archive's inbound recordings and hands the OMS what it had not processed.
     *
     * @param channel the channel Artio's library streams and their recordings use.
     * @return the application messages handed to the OMS.
     */
    public int replay(final String aeronDirectory, final String channel)
    {
        try (Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDirectory));
            AeronArchive archive = AeronArchive.connect(new AeronArchive.Context()
                .aeron(aeron)
                .controlRequestChannel(channel)
                .controlResponseChannel(channel)))
        {
            int streamId = REPLAY_STREAM_ID;
            for (final ReplayCursor.Recording recording :
                ReplayCursor.recordings(archive, channel, CommonConfiguration.DEFAULT_INBOUND_LIBRARY_STREAM))
            {
                if (recording.stopPosition() == NULL_POSITION || recording.startPosition() >= recording.stopPosition())
                {
                    continue;
                }
                try (ReplayCursor cursor = new ReplayCursor(archive, channel, streamId++, recording.recordingId(),
                    recording.streamId(), recording.startPosition(), recording.stopPosition()))
                {
                    for (cursor.advance(); cursor.hasMessage(); cursor.advance())
                    {
                        collect(cursor);
                    }
                }
            }
        }
        int replayed = 0;
        for (final Map.Entry<Long, TreeMap<Long, byte[]>> session : pending.entrySet())
        {
            replayed += replaySession(session.getKey(), session.getValue());
        }
        return replayed;
    }

    private void collect(final ReplayCursor cursor)
    {
        if (!cursor.isOk())
        {
            return;
        }
        final long sessionId = cursor.sessionId();
        long mark = marks.get(sessionId);
        if (mark == marks.missingValue())
        {
            mark = orderHandler.processedUpTo(sessionId);
            marks.put(sessionId, mark);
        }
        if (mark == ClientOrderHandler.REPLAY_NOTHING)
        {
            return;
        }
        final DirectBuffer message = cursor.message();
        rawHeader.read(message, 0, cursor.length());
        final long key = mark(cursor.sequenceIndex(), rawHeader.msgSeqNum());
        if (rawHeader.msgSeqNum() <= 0 || key <= mark)
        {
            return;
        }
        final long messageType = GenerationUtil.packMessageType(rawHeader.msgType().toString());
        final byte[] bytes;
        if (ClientRequests.isOrderFlow(messageType) || messageType == SEQUENCE_RESET)
        {
            bytes = new byte[cursor.length()];
            message.getBytes(0, bytes);
        }
        else
        {
            // Logon, Heartbeat and the like: only their MsgSeqNum matters here.
            bytes = ADMIN;
        }
        final TreeMap<Long, byte[]> messages = pending.computeIfAbsent(sessionId, id -> new TreeMap<>());
        // A resent copy (PossDup) of a message already seen changes nothing.
        messages.putIfAbsent(key, bytes);
        if (!beginStrings.containsKey(sessionId))
        {
            beginStrings.put(sessionId, beginString(message, cursor.length()));
        }
    }

    private int replaySession(final long sessionId, final TreeMap<Long, byte[]> messages)
    {
        final long mark = marks.get(sessionId);
        long expected = mark == ClientOrderHandler.NOTHING_PROCESSED ? messages.firstKey() : mark + 1;
        final ClientCodec codec = ClientCodec.forBeginString(beginStrings.get(sessionId));
        final ClientRequests requests = new ClientRequests(codec);
        boolean announced = false;
        int replayed = 0;
        int skipped = 0;
        long last = mark;
        for (final Map.Entry<Long, byte[]> entry : messages.entrySet())
        {
            final long key = entry.getKey();
            if (key != expected && !(sequenceIndex(key) > sequenceIndex(expected) && msgSeqNum(key) == 1))
            {
                LOG.warn("Session {}: archived messages after MsgSeqNum {} follow a gap (next {}): the client " +
                    "resends those", sessionId, msgSeqNum(expected) - 1, msgSeqNum(key));
                break;
            }
            expected = key + 1;
            last = key;
            final byte[] bytes = entry.getValue();
            if (bytes == ADMIN)
            {
                continue;
            }
            final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
            rawHeader.read(buffer, 0, bytes.length);
            final long messageType = GenerationUtil.packMessageType(rawHeader.msgType().toString());
            if (messageType == SEQUENCE_RESET)
            {
                final int newSeqNo = newSeqNo(buffer, bytes.length);
                if (newSeqNo > msgSeqNum(key))
                {
                    expected = mark(sequenceIndex(key), newSeqNo);
                }
                continue;
            }
            final SessionHeaderDecoder header;
            try
            {
                header = decode(codec, messageType, buffer, bytes.length);
            }
            catch (final RuntimeException ex)
            {
                // As live: a message the codec cannot take costs that message, not the start.
                LOG.error("Session {}: archived message {} could not be decoded, not replayed", sessionId,
                    msgSeqNum(key), ex);
                skipped++;
                continue;
            }
            if (header == null)
            {
                skipped++;
                continue;
            }
            if (!announced)
            {
                announced = true;
                announce(sessionId, header);
            }
            final ClientSessionConfiguration settings = registry.find(
                new String(header.senderCompID(), 0, header.senderCompIDLength()),
                new String(header.targetCompID(), 0, header.targetCompIDLength()));
            if (settings == null || settings.dropCopy())
            {
                skipped++;
                continue;
            }
            final ClientRequest request = requests.requestFor(messageType);
            request.resetHeader(sessionId, header.msgSeqNum(), rawHeader.possResend(),
                sendingTimeDecoder.decodeNanos(header.sendingTime(), header.sendingTimeLength()), buffer, 0,
                bytes.length);
            request.sequence(sequenceIndex(key), true);
            if (requests.read(messageType) != 0)
            {
                skipped++;
                continue;
            }
            dispatch(requests, messageType, sessionId);
            replayed++;
        }
        if (replayed + skipped > 0)
        {
            LOG.warn("Session {}: {} message(s) Artio had received but the OMS had not processed when the last run " +
                "ended replayed from the archive ({} the live path would have refused skipped), up to MsgSeqNum {}",
                sessionId, replayed, skipped, msgSeqNum(last));
        }
        return replayed;
    }

    /** @return the message's header, or null when the live path would have refused the message. */
    private SessionHeaderDecoder decode(
        final ClientCodec codec, final long messageType, final DirectBuffer buffer, final int length)
    {
        final Decoder decoder = codec.decoderFor(messageType);
        if (decoder == null || length > maxMessageLength || rawHeader.misplacedHeaderTag() != 0)
        {
            return null;
        }
        asciiBuffer.wrap(buffer, 0, length);
        decoder.reset();
        decoder.decode(asciiBuffer, 0, length);
        return decoder.validate() ? decoder.header() : null;
    }

    /** The OMS learns the session's CompIDs (its risk account) as at a logon, before its first request. */
    private void announce(final long sessionId, final SessionHeaderDecoder header)
    {
        orderHandler.onLogon(new ClientSessionInfo(sessionId, beginStrings.get(sessionId),
            new String(header.targetCompID(), 0, header.targetCompIDLength()),
            new String(header.senderCompID(), 0, header.senderCompIDLength())));
    }

    private void dispatch(final ClientRequests requests, final long messageType, final long sessionId)
    {
        final long deadlineNs = System.nanoTime() + BACK_PRESSURE_TIMEOUT_NS;
        while (!requests.dispatch(messageType, orderHandler))
        {
            if (System.nanoTime() > deadlineNs)
            {
                throw new IllegalStateException("the OMS took no replayed message of session " + sessionId +
                    " for " + TimeUnit.NANOSECONDS.toSeconds(BACK_PRESSURE_TIMEOUT_NS) + " s");
            }
            if (drainReplies.getAsInt() == 0)
            {
                idle.idle();
            }
        }
        idle.reset();
    }

    private static long mark(final int sequenceIndex, final int msgSeqNum)
    {
        return ((long)sequenceIndex << 32) | (msgSeqNum & 0xFFFF_FFFFL);
    }

    private static int sequenceIndex(final long mark)
    {
        return (int)(mark >>> 32);
    }

    private static int msgSeqNum(final long mark)
    {
        return (int)mark;
    }

    private static String beginString(final DirectBuffer message, final int length)
    {
        int end = 2;
        while (end < length && message.getByte(end) != 1)
        {
            end++;
        }
        return message.getStringWithoutLengthAscii(2, end - 2);
    }

    /** NewSeqNo (36) of a SequenceReset, or 0. */
    private static int newSeqNo(final DirectBuffer message, final int length)
    {
        final byte[] tag = "\u000136=".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + tag.length < length; i++)
        {
            int matched = 0;
            while (matched < tag.length && message.getByte(i + matched) == tag[matched])
            {
                matched++;
            }
            if (matched == tag.length)
            {
                int value = 0;
                for (int at = i + tag.length; at < length && message.getByte(at) != 1; at++)
                {
                    value = value * 10 + (message.getByte(at) - '0');
                }
                return value;
            }
        }
        return 0;
    }
}

package dev.bastion.gateway.transport;

import org.agrona.concurrent.UnsafeBuffer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import uk.co.real_logic.artio.dictionary.SessionConstants;
import uk.co.real_logic.artio.engine.framer.DefaultTcpChannel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A client connection that hands Artio's framer bytes it can frame without losing a message to the
 * bytes before it. Artio's framer, finding bytes that do not start a message ({@code 8=}), marks
 * everything it has read from there on as invalid and drops it, so a garbled fragment costs the
 * valid messages that arrived in the same read. The FIX rule is to discard only up to the next
 * {@code 8=FIX}. This channel frames what the socket gives exactly as Artio's framer will (BodyLength,
 * then the CheckSum trailer, then a search for the next {@code <SOH>10=} when BodyLength is wrong) and
 * passes on every complete message, then any bytes that start no message: Artio records those as
 * one invalid message, and the messages that followed them were already framed. A fragment shorter
 * than Artio's minimum message size cannot be recorded that way (Artio would wait for more bytes
 * and then drop the next message with it); it is discarded here and logged.
 *
 * <p>It holds back only an incomplete message (Artio's framer would wait for its end too), and
 * never reads from the socket more than Artio has room for, so no complete message waits in here
 * for the socket to become readable again. A connection that starts with a PROXY protocol header,
 * or a message too long for Artio's buffer, switches the channel to passing bytes through as they
 * come, which is Artio's own behaviour.
 */
public final class MessageAlignedTcpChannel extends DefaultTcpChannel
{
    private static final Logger LOG = LogManager.getLogger(MessageAlignedTcpChannel.class);

    private static final byte SOH = 1;
    private static final int MIN_MESSAGE_SIZE = SessionConstants.MIN_MESSAGE_SIZE;
    /** Longest {@code 8=<BeginString><SOH>9=<BodyLength><SOH>} accepted as a message start. */
    private static final int MAX_HEADER_LENGTH = 64;
    private static final int MAX_BODY_LENGTH_DIGITS = 9;
    private static final int INCOMPLETE = -1;
    private static final int NOT_A_MESSAGE = -2;
    private static final byte[] PROXY_V1 = "PROXY ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PROXY_V2 = {'\r', '\n', '\r', '\n', 0, '\r', '\n', 'Q', 'U', 'I', 'T', '\n'};

    private final ByteBuffer pendingBytes;
    private final UnsafeBuffer pending;
    private final UnsafeBuffer out = new UnsafeBuffer(0, 0);
    private int pendingLength;
    private boolean endOfStream;
    private boolean passThrough;
    private boolean started;
    /** Start and end offsets of the fragments that start no message, found in one read. */
    private int[] fragments = new int[16];
    private long discardedBytes;

    public MessageAlignedTcpChannel(final SocketChannel socketChannel, final int bufferSize) throws IOException
    {
        super(socketChannel);
        pendingBytes = ByteBuffer.allocateDirect(bufferSize);
        pending = new UnsafeBuffer(pendingBytes);
    }

    @Override
    public int read(final ByteBuffer dst) throws IOException
    {
        if (passThrough && pendingLength == 0)
        {
            return super.read(dst);
        }
        final int room = Math.min(dst.remaining(), pendingBytes.capacity());
        if (!endOfStream && pendingLength < room)
        {
            pendingBytes.limit(room).position(pendingLength);
            final int read = super.read(pendingBytes);
            if (read < 0)
            {
                endOfStream = true;
            }
            else
            {
                pendingLength += read;
            }
        }
        if (pendingLength == 0)
        {
            return endOfStream ? -1 : 0;
        }
        if (!started)
        {
            final int proxyHeader = proxyHeader();
            if (proxyHeader == INCOMPLETE && !endOfStream)
            {
                return 0;
            }
            started = true;
            passThrough = proxyHeader > 0;
        }
        if (passThrough || endOfStream)
        {
            return deliverAsReceived(dst, Math.min(pendingLength, dst.remaining()));
        }
        return deliverAligned(dst);
    }

    private int deliverAligned(final ByteBuffer dst)
    {
        final int budget = dst.remaining();
        int fragmentCount = 0;
        int messageBytes = 0;
        int garbageBytes = 0;
        int offset = 0;
        while (offset < pendingLength)
        {
            final int end = messageEnd(offset);
            if (end == INCOMPLETE)
            {
                break;
            }
            if (end == NOT_A_MESSAGE)
            {
                final int next = nextMessageStart(offset + 1);
                if (messageBytes + garbageBytes + (next - offset) > budget)
                {
                    break;
                }
                if (fragmentCount * 2 + 2 > fragments.length)
                {
                    fragments = Arrays.copyOf(fragments, fragments.length * 2);
                }
                fragments[fragmentCount * 2] = offset;
                fragments[fragmentCount * 2 + 1] = next;
                fragmentCount++;
                garbageBytes += next - offset;
                offset = next;
                continue;
            }
            if (messageBytes + garbageBytes + (end - offset) > budget)
            {
                break;
            }
            messageBytes += end - offset;
            offset = end;
        }
        final int framed = offset;
        if (framed == 0)
        {
            if (pendingLength >= budget && dst.position() == 0)
            {
                // Longer than Artio's whole buffer: let Artio see it and refuse it as it does.
                passThrough = true;
                return deliverAsReceived(dst, budget);
            }
            return 0;
        }

        // Every message first, in order; then the bytes that start none, which Artio drops as one.
        out.wrap(dst);
        int written = dst.position();
        int start = 0;
        for (int i = 0; i < fragmentCount; i++)
        {
            written = copy(start, fragments[i * 2], written);
            start = fragments[i * 2 + 1];
        }
        written = copy(start, framed, written);
        if (garbageBytes >= MIN_MESSAGE_SIZE)
        {
            for (int i = 0; i < fragmentCount; i++)
            {
                written = copy(fragments[i * 2], fragments[i * 2 + 1], written);
            }
        }
        else if (garbageBytes > 0)
        {
            onDiscarded(garbageBytes, fragments[0], fragments[1]);
        }
        final int delivered = written - dst.position();
        dst.position(written);
        pending.putBytes(0, pending, framed, pendingLength - framed);
        pendingLength -= framed;
        return delivered;
    }

    private int copy(final int from, final int to, final int at)
    {
        final int length = to - from;
        if (length > 0)
        {
            out.putBytes(at, pending, from, length);
        }
        return at + length;
    }

    private int deliverAsReceived(final ByteBuffer dst, final int length)
    {
        if (length == 0)
        {
            return endOfStream && pendingLength == 0 ? -1 : 0;
        }
        out.wrap(dst);
        out.putBytes(dst.position(), pending, 0, length);
        dst.position(dst.position() + length);
        pending.putBytes(0, pending, length, pendingLength - length);
        pendingLength -= length;
        return length;
    }

    /**
     * Where the message starting at {@code offset} ends, found as Artio's framer finds it.
     *
     * @return the offset after its CheckSum field, {@link #INCOMPLETE}, or {@link #NOT_A_MESSAGE}.
     */
    private int messageEnd(final int offset)
    {
        final int limit = pendingLength;
        if (limit - offset < 2)
        {
            return pending.getByte(offset) == '8' ? INCOMPLETE : NOT_A_MESSAGE;
        }
        if (pending.getByte(offset) != '8' || pending.getByte(offset + 1) != '=')
        {
            return NOT_A_MESSAGE;
        }
        final int headerLimit = Math.min(limit, offset + MAX_HEADER_LENGTH);
        final int endOfBeginString = scan(offset + 2, headerLimit, SOH);
        if (endOfBeginString < 0 || endOfBeginString + 2 >= headerLimit)
        {
            return headerLimit == limit ? INCOMPLETE : NOT_A_MESSAGE;
        }
        if (pending.getByte(endOfBeginString + 1) != '9' || pending.getByte(endOfBeginString + 2) != '=')
        {
            return NOT_A_MESSAGE;
        }
        final int endOfBodyLength = scan(endOfBeginString + 3, headerLimit, SOH);
        if (endOfBodyLength < 0)
        {
            return headerLimit == limit ? INCOMPLETE : NOT_A_MESSAGE;
        }
        final int digits = endOfBodyLength - (endOfBeginString + 3);
        if (digits == 0 || digits > MAX_BODY_LENGTH_DIGITS)
        {
            return NOT_A_MESSAGE;
        }
        int bodyLength = 0;
        for (int i = endOfBeginString + 3; i < endOfBodyLength; i++)
        {
            final byte digit = pending.getByte(i);
            if (digit < '0' || digit > '9')
            {
                return NOT_A_MESSAGE;
            }
            bodyLength = bodyLength * 10 + (digit - '0');
        }

        // Artio expects <SOH>10= right after the body; if it is not there it looks for the next one.
        int checksumTag = endOfBodyLength + bodyLength;
        if (checksumTag + 5 >= limit)
        {
            return INCOMPLETE;
        }
        if (!isChecksumTag(checksumTag))
        {
            checksumTag++;
            while (!isChecksumTag(checksumTag))
            {
                if (checksumTag + 3 >= limit)
                {
                    return INCOMPLETE;
                }
                checksumTag++;
            }
        }
        final int endOfMessage = scan(checksumTag + 4, limit, SOH);
        return endOfMessage < 0 ? INCOMPLETE : endOfMessage + 1;
    }

    private boolean isChecksumTag(final int index)
    {
        return index + 3 < pendingLength && pending.getByte(index) == SOH && pending.getByte(index + 1) == '1' &&
            pending.getByte(index + 2) == '0' && pending.getByte(index + 3) == '=';
    }

    /**
     * The next {@code 8=FIX} that is not the end of a longer tag, or where the bytes end (less any
     * tail that may be the start of one).
     */
    private int nextMessageStart(final int from)
    {
        final int limit = pendingLength;
        for (int i = from; i < limit; i++)
        {
            if (pending.getByte(i) == '8' && !isDigit(i - 1))
            {
                final int available = Math.min(5, limit - i);
                if (matchesBeginStringPrefix(i, available))
                {
                    return i;
                }
            }
        }
        return limit;
    }

    private boolean matchesBeginStringPrefix(final int index, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (pending.getByte(index + i) != "8=FIX".charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    private boolean isDigit(final int index)
    {
        if (index < 0)
        {
            return false;
        }
        final byte b = pending.getByte(index);
        return b >= '0' && b <= '9';
    }

    private int scan(final int from, final int limit, final byte value)
    {
        for (int i = from; i < limit; i++)
        {
            if (pending.getByte(i) == value)
            {
                return i;
            }
        }
        return -1;
    }

    /** A PROXY protocol v1 or v2 header at the start, which Artio parses itself: 1, 0, or INCOMPLETE. */
    private int proxyHeader()
    {
        if (startsWith(PROXY_V1) || startsWith(PROXY_V2))
        {
            return pendingLength >= PROXY_V1.length && startsWith(PROXY_V1) ||
                pendingLength >= PROXY_V2.length && startsWith(PROXY_V2) ? 1 : INCOMPLETE;
        }
        return 0;
    }

    /** True when the pending bytes, as far as they go, match the start of the signature. */
    private boolean startsWith(final byte[] signature)
    {
        final int length = Math.min(signature.length, pendingLength);
        for (int i = 0; i < length; i++)
        {
            if (pending.getByte(i) != signature[i])
            {
                return false;
            }
        }
        return true;
    }

    private void onDiscarded(final int length, final int firstStart, final int firstEnd)
    {
        if (discardedBytes == 0)
        {
            LOG.warn("Connection from {}: discarded {} bytes that start no FIX message: {}", remoteAddress, length,
                printable(firstStart, firstEnd - firstStart));
        }
        discardedBytes += length;
    }

    private String printable(final int offset, final int length)
    {
        final StringBuilder text = new StringBuilder(Math.min(length, 64));
        for (int i = offset; i < offset + Math.min(length, 64); i++)
        {
            final byte b = pending.getByte(i);
            text.append(b >= 32 && b < 127 ? (char)b : b == SOH ? '|' : '.');
        }
        return text.toString();
    }

    @Override
    public void close()
    {
        if (discardedBytes > 0)
        {
            LOG.info("Connection from {} closed: {} bytes discarded that started no FIX message", remoteAddress,
                discardedBytes);
        }
        super.close();
    }
}

package dev.bastion.gateway.compliance;

import org.agrona.DirectBuffer;
import org.agrona.LangUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

/**
 * Appends compliance records, one line each (see {@link ComplianceRecord} for the format), to
 * {@code compliance-YYYY-MM-DD.log} in the compliance directory: one file per UTC day of the
 * messages' timestamps, only ever appended to. Records are formatted straight into a batch buffer
 * without allocating, and written to the operating system by {@link #flush}, which then commits
 * the {@link ComplianceMarker}: what was flushed survives a crash of the process, and what was
 * not is replayed from Artio's archive on the next start ({@link ComplianceCatchUp}), so batching
 * costs no record. Measured against the former Log4j2 appender flushing every message in
 * {@code bench/} ({@code ComplianceLogBenchmark}).
 */
public final class ComplianceLogWriter implements AutoCloseable
{
    public static final String FILE_PREFIX = "compliance-";
    public static final String FILE_SUFFIX = ".log";

    /** A message that comes from no archive recording (a resend): written, not tracked. */
    public static final long NO_RECORDING = -1;

    private static final long NANOS_PER_DAY = TimeUnit.DAYS.toNanos(1);
    private static final byte SOH = 1;
    private static final byte TAB = '\t';
    private static final byte[] MASK = {'*', '*', '*', '*'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private final Path directory;
    private final ComplianceMarker marker;
    private final ByteBuffer batch;
    private final UnsafeBuffer batchBuffer;
    private final long[] recordingIds = new long[ComplianceMarker.MAX_RECORDINGS];
    private final long[] positions = new long[ComplianceMarker.MAX_RECORDINGS];
    private int recordings;
    private int batchLength;
    private long day = ComplianceMarker.NO_DAY;
    private FileChannel file;
    private long fileLength;
    private int beginStringStart;
    private int beginStringEnd;
    private int senderStart;
    private int senderEnd;
    private int targetStart;
    private int targetEnd;
    private boolean hasSecret;

    /**
     * @param maxMessageLength the longest message a record may carry; the batch holds several.
     */
    public ComplianceLogWriter(final Path directory, final ComplianceMarker marker, final int maxMessageLength)
    {
        this.directory = directory;
        this.marker = marker;
        this.batch = ByteBuffer.allocateDirect(Math.max(1 << 20, 4 * (maxMessageLength + 256)));
        this.batchBuffer = new UnsafeBuffer(batch);
        recordings = marker.positions(recordingIds, positions);
        if (marker.day() != ComplianceMarker.NO_DAY)
        {
            day = marker.day();
        }
    }

    public static String fileName(final LocalDate day)
    {
        return FILE_PREFIX + day + FILE_SUFFIX;
    }

    /**
     * Formats one record into the batch.
     *
     * @param timestampNs when the gateway received or sent it, nanoseconds since the epoch.
     * @param status      Artio's message status: OK, or why it was refused.
     * @param recordingId the archive recording it came from, or {@link #NO_RECORDING}.
     * @param position    the recording position just after it.
     */
    public void append(
        final long timestampNs,
        final Direction direction,
        final String status,
        final DirectBuffer message,
        final int offset,
        final int length,
        final long recordingId,
        final long position)
    {
        final long recordDay = Math.floorDiv(timestampNs, NANOS_PER_DAY);
        if (day == ComplianceMarker.NO_DAY || recordDay > day || file == null)
        {
            roll(Math.max(recordDay, day == ComplianceMarker.NO_DAY ? recordDay : day));
        }
        final int worstCase = 128 + status.length() + 3 * length;
        if (batchLength + worstCase > batch.capacity())
        {
            flush();
        }

        scanFields(message, offset, length);
        final UnsafeBuffer out = batchBuffer;
        int at = batchLength;
        at = IsoInstant.format(timestampNs, out, at);
        out.putByte(at++, TAB);
        at = putAscii(out, at, direction == Direction.IN ? "IN" : "OUT");
        out.putByte(at++, TAB);
        at = putAscii(out, at, status);
        out.putByte(at++, TAB);
        at = putValue(out, at, message, beginStringStart, beginStringEnd);
        out.putByte(at++, (byte)':');
        at = direction == Direction.IN ?
            putValue(out, at, message, targetStart, targetEnd) : putValue(out, at, message, senderStart, senderEnd);
        out.putByte(at++, (byte)'-');
        out.putByte(at++, (byte)'>');
        at = direction == Direction.IN ?
            putValue(out, at, message, senderStart, senderEnd) : putValue(out, at, message, targetStart, targetEnd);
        out.putByte(at++, TAB);
        if (hasSecret)
        {
            at = putMasked(out, at, message, offset, length);
        }
        else
        {
            out.putBytes(at, message, offset, length);
            at += length;
        }
        out.putByte(at++, (byte)'\n');
        batchLength = at;

        if (recordingId != NO_RECORDING)
        {
            track(recordingId, position);
        }
    }

    public boolean hasUnflushed()
    {
        return batchLength > 0;
    }

    /** Writes the batch to the operating system and commits how far the log got. */
    public void flush()
    {
        if (file == null)
        {
            return;
        }
        try
        {
            if (batchLength > 0)
            {
                batch.limit(batchLength).position(0);
                while (batch.hasRemaining())
                {
                    fileLength += file.write(batch);
                }
                batch.clear();
                batchLength = 0;
            }
            marker.commit(day, fileLength, recordingIds, positions, recordings);
        }
        catch (final IOException ex)
        {
            LangUtil.rethrowUnchecked(ex);
        }
    }

    /** The position after the last message written (or replayed) from a recording. */
    public long position(final long recordingId)
    {
        for (int i = 0; i < recordings; i++)
        {
            if (recordingIds[i] == recordingId)
            {
                return positions[i];
            }
        }
        return ComplianceMarker.NO_POSITION;
    }

    private void track(final long recordingId, final long position)
    {
        for (int i = 0; i < recordings; i++)
        {
            if (recordingIds[i] == recordingId)
            {
                positions[i] = position;
                return;
            }
        }
        if (recordings < recordingIds.length)
        {
            recordingIds[recordings] = recordingId;
            positions[recordings] = position;
            recordings++;
        }
    }

    private void roll(final long newDay)
    {
        try
        {
            if (file != null)
            {
                flush();
                file.close();
            }
            day = newDay;
            file = FileChannel.open(directory.resolve(fileName(LocalDate.ofEpochDay(newDay))),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            fileLength = file.size();
        }
        catch (final IOException ex)
        {
            LangUtil.rethrowUnchecked(ex);
        }
    }

    private static int putAscii(final UnsafeBuffer out, final int at, final String value)
    {
        final int length = value.length();
        for (int i = 0; i < length; i++)
        {
            out.putByte(at + i, (byte)value.charAt(i));
        }
        return at + length;
    }

    /**
     * One pass over the message: where BeginString (8), SenderCompID (49) and TargetCompID (56)
     * are, and whether Password (554) or NewPassword (925) is there to be masked.
     */
    private void scanFields(final DirectBuffer message, final int offset, final int length)
    {
        beginStringStart = -1;
        senderStart = -1;
        targetStart = -1;
        hasSecret = false;
        final int end = offset + length;
        int fieldStart = offset;
        while (fieldStart < end)
        {
            int tag = 0;
            int index = fieldStart;
            byte b;
            while (index < end && (b = message.getByte(index)) != '=' && b != SOH)
            {
                tag = b >= '0' && b <= '9' && tag < 100_000 ? tag * 10 + (b - '0') : -1;
                index++;
            }
            if (index >= end || message.getByte(index) == SOH)
            {
                // A field without '=': it ends here, and the next one is read on its own.
                fieldStart = index + 1;
                continue;
            }
            final int valueStart = index + 1;
            int valueEnd = valueStart;
            while (valueEnd < end && message.getByte(valueEnd) != SOH)
            {
                valueEnd++;
            }
            switch (tag)
            {
                case 8:
                    beginStringStart = valueStart;
                    beginStringEnd = valueEnd;
                    break;
                case 49:
                    senderStart = valueStart;
                    senderEnd = valueEnd;
                    break;
                case 56:
                    targetStart = valueStart;
                    targetEnd = valueEnd;
                    break;
                case 554:
                case 925:
                    hasSecret = true;
                    break;
                default:
                    break;
            }
            fieldStart = valueEnd + 1;
        }
    }

    /** A value found by {@link #scanFields}, or {@code null} when the field is missing. */
    private static int putValue(
        final UnsafeBuffer out, final int at, final DirectBuffer message, final int start, final int end)
    {
        if (start < 0 || end < start)
        {
            out.putBytes(at, NULL);
            return at + NULL.length;
        }
        out.putBytes(at, message, start, end - start);
        return at + end - start;
    }

    /** The message with the values of Password (554) and NewPassword (925) replaced by {@code ****}. */
    private static int putMasked(
        final UnsafeBuffer out, final int start, final DirectBuffer message, final int offset, final int length)
    {
        int at = start;
        final int end = offset + length;
        int fieldStart = offset;
        while (fieldStart < end)
        {
            int fieldEnd = fieldStart;
            while (fieldEnd < end && message.getByte(fieldEnd) != SOH)
            {
                fieldEnd++;
            }
            int valueStart = tagValueStart(message, fieldStart, fieldEnd, 554);
            if (valueStart < 0)
            {
                valueStart = tagValueStart(message, fieldStart, fieldEnd, 925);
            }
            if (valueStart >= 0)
            {
                out.putBytes(at, message, fieldStart, valueStart - fieldStart);
                at += valueStart - fieldStart;
                out.putBytes(at, MASK);
                at += MASK.length;
            }
            else
            {
                out.putBytes(at, message, fieldStart, fieldEnd - fieldStart);
                at += fieldEnd - fieldStart;
            }
            if (fieldEnd < end)
            {
                out.putByte(at++, SOH);
            }
            fieldStart = fieldEnd + 1;
        }
        return at;
    }

    /** Where the value starts when the field is {@code tag=value}, else -1. */
    private static int tagValueStart(final DirectBuffer message, final int fieldStart, final int fieldEnd,
        final int tag)
    {
        int digits = 1;
        for (int t = tag; t >= 10; t /= 10)
        {
            digits++;
        }
        if (fieldEnd - fieldStart < digits + 1 || message.getByte(fieldStart + digits) != '=')
        {
            return -1;
        }
        int value = 0;
        for (int i = fieldStart; i < fieldStart + digits; i++)
        {
            final byte b = message.getByte(i);
            if (b < '0' || b > '9')
            {
                return -1;
            }
            value = value * 10 + (b - '0');
        }
        return value == tag ? fieldStart + digits + 1 : -1;
    }

    @Override
    public void close()
    {
        flush();
        try
        {
            if (file != null)
            {
                file.close();
            }
        }
        catch (final IOException ex)
        {
            LangUtil.rethrowUnchecked(ex);
        }
    }
}

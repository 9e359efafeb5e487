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

        final UnsafeBuffer out = batchBuffer;
        int at = batchLength;
        at = IsoInstant.format(timestampNs, out, at);
        out.putByte(at++, TAB);
        at = putAscii(out, at, direction == Direction.IN ? "IN" : "OUT");
        out.putByte(at++, TAB);
        at = putAscii(out, at, status);
        out.putByte(at++, TAB);
        at = putSession(out, at, direction, message, offset, length);
        out.putByte(at++, TAB);
        at = putMasked(out, at, message, offset, length);
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

    /** {@code BeginString:gatewayCompId->counterpartyCompId}; {@code null} for a field that is missing. */
    private static int putSession(
        final UnsafeBuffer out, final int start, final Direction direction, final DirectBuffer message,
        final int offset, final int length)
    {
        int at = putField(out, start, message, offset, length, 8);
        out.putByte(at++, (byte)':');
        at = putField(out, at, message, offset, length, direction == Direction.IN ? 56 : 49);
        out.putByte(at++, (byte)'-');
        out.putByte(at++, (byte)'>');
        return putField(out, at, message, offset, length, direction == Direction.IN ? 49 : 56);
    }

    private static int putField(
        final UnsafeBuffer out, final int at, final DirectBuffer message, final int offset, final int length,
        final int tag)
    {
        final int end = offset + length;
        int fieldStart = offset;
        while (fieldStart < end)
        {
            int fieldEnd = fieldStart;
            while (fieldEnd < end && message.getByte(fieldEnd) != SOH)
            {
                fieldEnd++;
            }
            final int valueStart = tagValueStart(message, fieldStart, fieldEnd, tag);
            if (valueStart >= 0)
            {
                final int valueLength = fieldEnd - valueStart;
                out.putBytes(at, message, valueStart, valueLength);
                return at + valueLength;
            }
            fieldStart = fieldEnd + 1;
        }
        out.putBytes(at, NULL);
        return at + NULL.length;
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

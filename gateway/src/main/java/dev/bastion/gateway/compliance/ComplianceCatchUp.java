package dev.bastion.gateway.compliance;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Image;
import io.aeron.Subscription;
import io.aeron.archive.client.AeronArchive;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import uk.co.real_logic.artio.CommonConfiguration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.aeron.archive.client.AeronArchive.NULL_POSITION;

/**
 * Brings the compliance log up to Artio's archive before the gateway accepts logons. After a crash
 * the log may lack the messages of its last unflushed batch, and a batch may have reached the file
 * without its {@link ComplianceMarker} commit; this cuts the file back to the committed length and
 * replays every archived inbound and outbound recording from the committed position to its end,
 * so each archived message is in the log exactly once. Resends (PossDup copies Artio writes from
 * its archive) are not archived again by Artio, so one in flight at a crash is not recovered.
 */
public final class ComplianceCatchUp
{
    private static final Logger LOG = LogManager.getLogger(ComplianceCatchUp.class);
    private static final int REPLAY_STREAM_ID = 0x0B45_7001;
    private static final int FRAGMENT_LIMIT = 256;
    private static final long STALL_TIMEOUT_NS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);

    private ComplianceCatchUp()
    {
    }

    /**
     * Cuts off what was written after the marker's last commit: the end of the day file it names
     * and any later day file. Call before a writer opens the log.
     */
    public static void truncateUnfinished(final Path directory, final ComplianceMarker marker)
    {
        if (!marker.existed() || marker.day() == ComplianceMarker.NO_DAY)
        {
            return;
        }
        final LocalDate committedDay = LocalDate.ofEpochDay(marker.day());
        for (final Path file : dayFiles(directory))
        {
            final LocalDate day = dayOf(file);
            if (day.isBefore(committedDay))
            {
                continue;
            }
            final long keep = day.equals(committedDay) ? marker.fileLength() : 0;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
            {
                if (channel.size() > keep)
                {
                    LOG.warn("Compliance log {}: {} bytes after the last committed record (an unfinished batch " +
                        "at a crash) are replaced from the archive", file, channel.size() - keep);
                    channel.truncate(keep);
                }
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot repair " + file, ex);
            }
        }
    }

    /**
     * Writes every archived message the log does not have yet, then flushes.
     *
     * @param channel the channel Artio's library streams and their recordings use.
     * @return the number of messages written.
     */
    public static long replay(
        final String aeronDirectory,
        final String channel,
        final ComplianceMarker marker,
        final ComplianceLogWriter writer,
        final boolean logExistedWithoutMarker)
    {
        final List<Recording> recordings = new ArrayList<>();
        long written = 0;
        try (Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDirectory));
            AeronArchive archive = AeronArchive.connect(new AeronArchive.Context()
                .aeron(aeron)
                .controlRequestChannel(channel)
                .controlResponseChannel(channel)))
        {
            for (final int streamId : new int[]{
                CommonConfiguration.DEFAULT_INBOUND_LIBRARY_STREAM, CommonConfiguration.DEFAULT_OUTBOUND_LIBRARY_STREAM})
            {
                archive.listRecordingsForUri(0, Integer.MAX_VALUE, channel, streamId,
                    (controlSessionId, correlationId, recordingId, startTimestamp, stopTimestamp, startPosition,
                    stopPosition, initialTermId, segmentFileLength, termBufferLength, mtuLength, sessionId,
                    recordedStreamId, strippedChannel, originalChannel, sourceIdentity) ->
                    recordings.add(new Recording(recordingId, recordedStreamId, startPosition, stopPosition)));
            }
            for (final Recording recording : recordings)
            {
                long stop = recording.stopPosition;
                if (stop == NULL_POSITION)
                {
                    stop = archive.getRecordingPosition(recording.recordingId);
                }
                final long committed = marker.position(recording.recordingId);
                final long from;
                if (committed != ComplianceMarker.NO_POSITION)
                {
                    from = Math.max(committed, recording.startPosition);
                }
                else
                {
                    // Unknown to the log: all of it, unless the log predates the marker.
                    from = logExistedWithoutMarker ? stop : recording.startPosition;
                }
                if (stop == NULL_POSITION || from >= stop)
                {
                    continue;
                }
                written += replay(archive, channel, recording, from, stop, writer);
            }
        }
        writer.flush();
        if (written > 0)
        {
            LOG.warn("Compliance log caught up with Artio's archive: {} message(s) written after a crash", written);
        }
        return written;
    }

    private static long replay(
        final AeronArchive archive,
        final String channel,
        final Recording recording,
        final long from,
        final long stop,
        final ComplianceLogWriter writer)
    {
        final Direction direction = recording.streamId == CommonConfiguration.DEFAULT_INBOUND_LIBRARY_STREAM ?
            Direction.IN : Direction.OUT;
        final ArchivedMessageDecoder decoder = new ArchivedMessageDecoder();
        final long[] count = new long[1];
        final FragmentAssembler assembler = new FragmentAssembler(
            (final DirectBuffer buffer, final int offset, final int length, final Header header) ->
            {
                if (decoder.wrap(buffer, offset))
                {
                    writer.append(decoder.timestampNs(), direction, decoder.status(), buffer, decoder.bodyOffset(),
                        decoder.bodyLength(), recording.recordingId, header.position());
                    count[0]++;
                }
            });
        final IdleStrategy idle = new SleepingMillisIdleStrategy(1);
        final long deadlineNs = System.nanoTime() + STALL_TIMEOUT_NS;
        try (Subscription subscription = archive.replay(recording.recordingId, from, stop - from, channel,
            REPLAY_STREAM_ID))
        {
            while (subscription.imageCount() == 0)
            {
                checkDeadline(deadlineNs, recording);
                idle.idle();
            }
            final Image image = subscription.imageAtIndex(0);
            while (image.position() < stop && !image.isClosed())
            {
                final int fragments = image.poll(assembler, FRAGMENT_LIMIT);
                if (fragments == 0)
                {
                    checkDeadline(deadlineNs, recording);
                }
                idle.idle(fragments);
            }
        }
        return count[0];
    }

    private static List<Path> dayFiles(final Path directory)
    {
        if (!Files.isDirectory(directory))
        {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory))
        {
            return files.filter(file -> file.getFileName().toString()
                .matches(ComplianceLogWriter.FILE_PREFIX + "\\d{4}-\\d{2}-\\d{2}\\" + ComplianceLogWriter.FILE_SUFFIX))
                .sorted()
                .toList();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** True when the directory holds log files: a log written before the marker existed. */
    public static boolean hasLogFiles(final Path directory)
    {
        return !dayFiles(directory).isEmpty() || Files.exists(directory.resolve("compliance.log"));
    }

    private static LocalDate dayOf(final Path file)
    {
        final String name = file.getFileName().toString();
        return LocalDate.parse(name.substring(ComplianceLogWriter.FILE_PREFIX.length(),
            name.length() - ComplianceLogWriter.FILE_SUFFIX.length()));
    }

    private record Recording(long recordingId, int streamId, long startPosition, long stopPosition)
    {
    }

    private static void checkDeadline(final long deadlineNs, final Recording recording)
    {
        if (System.nanoTime() > deadlineNs)
        {
            throw new IllegalStateException("compliance log catch-up: the archive's replay of recording " +
                recording.recordingId + " stalled");
        }
    }
}

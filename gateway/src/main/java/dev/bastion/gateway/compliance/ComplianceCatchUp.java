package dev.bastion.gateway.compliance;

import io.aeron.Aeron;
import io.aeron.archive.client.AeronArchive;
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
    /** The first of the streams the archive replays recordings on, one per recording. */
    private static final int REPLAY_STREAM_ID = 0x0B45_7001;


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
        final List<ReplayCursor.Recording> recordings = new ArrayList<>();
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
                recordings.addAll(ReplayCursor.recordings(archive, channel, streamId));
            }
            final List<ReplayCursor> cursors = new ArrayList<>();
            try
            {
                for (final ReplayCursor.Recording recording : recordings)
                {
                    final long stop = recording.stopPosition();
                    final long committed = marker.position(recording.recordingId());
                    final long from;
                    if (committed != ComplianceMarker.NO_POSITION)
                    {
                        from = Math.max(committed, recording.startPosition());
                    }
                    else
                    {
                        // Unknown to the log: all of it, unless the log predates the marker.
                        from = logExistedWithoutMarker ? stop : recording.startPosition();
                    }
                    if (stop != NULL_POSITION && from < stop)
                    {
                        cursors.add(new ReplayCursor(archive, channel, REPLAY_STREAM_ID + cursors.size(),
                            recording.recordingId(), recording.streamId(), from, stop));
                    }
                }
                written = merge(cursors, writer);
            }
            finally
            {
                cursors.forEach(ReplayCursor::close);
            }
        }
        writer.flush();
        if (written > 0)
        {
            LOG.warn("Compliance log caught up with Artio's archive: {} message(s) written after a crash", written);
        }
        return written;
    }

    /** Writes the recordings' messages in timestamp order across recordings, each in its own order. */
    private static long merge(final List<ReplayCursor> cursors, final ComplianceLogWriter writer)
    {
        long written = 0;
        for (final ReplayCursor cursor : cursors)
        {
            cursor.advance();
        }
        while (true)
        {
            ReplayCursor earliest = null;
            for (final ReplayCursor cursor : cursors)
            {
                if (cursor.hasMessage() && (earliest == null || cursor.timestampNs() < earliest.timestampNs()))
                {
                    earliest = cursor;
                }
            }
            if (earliest == null)
            {
                return written;
            }
            earliest.writeTo(writer);
            written++;
            earliest.advance();
        }
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

}

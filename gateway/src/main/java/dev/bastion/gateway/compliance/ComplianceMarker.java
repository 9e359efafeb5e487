package dev.bastion.gateway.compliance;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.File;
import java.nio.MappedByteBuffer;
import java.nio.file.Path;

/**
 * How far the compliance log got, kept in a small memory-mapped file beside it
 * ({@code compliance.position}): the day file last written, its length after the last flush, and
 * for each Artio archive recording the position just after the last message that flush wrote.
 * On a start after a crash, bytes past that length are an unfinished batch and are cut off, and
 * the archive is replayed from these positions, so every archived message is in the log once.
 *
 * <p>Two slots, written alternately; switching the active-slot number is the commit, so a process
 * killed in the middle of an update leaves the previous commit intact. The file lives in the page
 * cache, like the log's own writes: both survive the process, neither is forced to the disk.
 */
public final class ComplianceMarker implements AutoCloseable
{
    public static final String FILE = "compliance.position";

    static final int MAX_RECORDINGS = 120;
    private static final long MAGIC = 0x42535443504C3031L; // "BSTCPL01"
    private static final int LENGTH = 4096;
    private static final int MAGIC_OFFSET = 0;
    private static final int ACTIVE_SLOT_OFFSET = 8;
    private static final int SLOTS_OFFSET = 64;
    private static final int SLOT_LENGTH = 2016;
    private static final int DAY_OFFSET = 0;
    private static final int FILE_LENGTH_OFFSET = 8;
    private static final int COUNT_OFFSET = 16;
    private static final int ENTRIES_OFFSET = 24;
    private static final int ENTRY_LENGTH = 16;

    /** No day written yet. */
    public static final long NO_DAY = Long.MIN_VALUE;
    public static final long NO_POSITION = -1;

    private final MappedByteBuffer mapped;
    private final UnsafeBuffer buffer;
    private final boolean existed;

    public ComplianceMarker(final Path directory)
    {
        final File file = directory.resolve(FILE).toFile();
        existed = file.isFile() && file.length() == LENGTH;
        mapped = existed ? IoUtil.mapExistingFile(file, FILE) : IoUtil.mapNewFile(file, LENGTH);
        buffer = new UnsafeBuffer(mapped);
        if (!existed || buffer.getLong(MAGIC_OFFSET) != MAGIC)
        {
            buffer.setMemory(0, LENGTH, (byte)0);
            final int slot = slotOffset(0);
            buffer.putLong(slot + DAY_OFFSET, NO_DAY);
            buffer.putLong(slot + FILE_LENGTH_OFFSET, 0);
            buffer.putInt(slot + COUNT_OFFSET, 0);
            buffer.putIntOrdered(ACTIVE_SLOT_OFFSET, 0);
            buffer.putLongOrdered(MAGIC_OFFSET, MAGIC);
        }
    }

    /** True when the marker was there before this process: the log has a known end. */
    public boolean existed()
    {
        return existed;
    }

    /** The UTC day (days since 1970-01-01) of the file last flushed, or {@link #NO_DAY}. */
    public long day()
    {
        return buffer.getLong(activeSlot() + DAY_OFFSET);
    }

    public long fileLength()
    {
        return buffer.getLong(activeSlot() + FILE_LENGTH_OFFSET);
    }

    /** The position after the last message written from this recording, or {@link #NO_POSITION}. */
    public long position(final long recordingId)
    {
        final int slot = activeSlot();
        final int count = buffer.getInt(slot + COUNT_OFFSET);
        for (int i = 0; i < count; i++)
        {
            final int entry = slot + ENTRIES_OFFSET + i * ENTRY_LENGTH;
            if (buffer.getLong(entry) == recordingId)
            {
                return buffer.getLong(entry + 8);
            }
        }
        return NO_POSITION;
    }

    /**
     * Commits a flush: the day file's length and the recordings' positions.
     *
     * @param recordingIds the recordings written from, the first {@code count} entries.
     * @param positions    the position after the last message written from each.
     */
    void commit(final long day, final long fileLength, final long[] recordingIds, final long[] positions,
        final int count)
    {
        final int next = 1 - buffer.getInt(ACTIVE_SLOT_OFFSET);
        final int slot = slotOffset(next);
        buffer.putLong(slot + DAY_OFFSET, day);
        buffer.putLong(slot + FILE_LENGTH_OFFSET, fileLength);
        final int entries = Math.min(count, MAX_RECORDINGS);
        for (int i = 0; i < entries; i++)
        {
            final int entry = slot + ENTRIES_OFFSET + i * ENTRY_LENGTH;
            buffer.putLong(entry, recordingIds[i]);
            buffer.putLong(entry + 8, positions[i]);
        }
        buffer.putInt(slot + COUNT_OFFSET, entries);
        buffer.putIntOrdered(ACTIVE_SLOT_OFFSET, next);
    }

    /** Copies the committed positions into the arrays; returns how many there are. */
    int positions(final long[] recordingIds, final long[] positions)
    {
        final int slot = activeSlot();
        final int count = buffer.getInt(slot + COUNT_OFFSET);
        for (int i = 0; i < count; i++)
        {
            final int entry = slot + ENTRIES_OFFSET + i * ENTRY_LENGTH;
            recordingIds[i] = buffer.getLong(entry);
            positions[i] = buffer.getLong(entry + 8);
        }
        return count;
    }

    private int activeSlot()
    {
        return slotOffset(buffer.getIntVolatile(ACTIVE_SLOT_OFFSET));
    }

    private static int slotOffset(final int slot)
    {
        return SLOTS_OFFSET + slot * SLOT_LENGTH;
    }

    @Override
    public void close()
    {
        IoUtil.unmap(mapped);
    }
}

package dev.bastion.oms.portfolio;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Trade-level P&amp;L, one 64-byte record per closing fill, appended to memory-mapped segment files
 * {@code trades-NNNNNN.log}. Fills are booked in fill id order, so records are sorted by fill id and a
 * lookup is a binary search. An append is a few stores to the next slot of a mapped file: a Chronicle
 * Map of a million records cost 700 ns an insert (a cache miss or two in its hash index) and
 * was most of a closing fill's time.
 *
 * <p>A record is staged (written, fill id last with a release store) before the position commits and
 * published (counted) after. Opening the log checks the slots past the count: a staged record whose
 * position booked the fill is counted, one whose position did not is erased, as a writer killed
 * between stage and commit leaves it; the fill sent again stages it anew.
 *
 * <pre>
 * segment header (64 bytes): long magic, long recordSize, long capacity, long count
 * record: 0 long fillId   8 int accountId  12 int symbolId  16 long signedQty  24 long price
 *        32 long closedQty  40 long realizedPnl  48 long transactTimeNanos  56 long positionQtyAfter
 * </pre>
 */
final class TradeLog implements AutoCloseable
{
    static final int RECORD_SIZE = 64;
    static final long MAX_SEGMENT_RECORDS = 16L * 1024 * 1024;

    private static final String PREFIX = "trades-";
    private static final String SUFFIX = ".log";
    private static final Pattern SEGMENT_NAME = Pattern.compile("trades-(\\d{6})\\.log");
    private static final long MAGIC = 0x3144_5254_4E54_5342L; // "BSTNTRD1" little-endian
    private static final int HEADER_SIZE = 64;
    private static final int MAGIC_OFFSET = 0;
    private static final int RECORD_SIZE_OFFSET = 8;
    private static final int CAPACITY_OFFSET = 16;
    private static final int COUNT_OFFSET = 24;

    static final int FILL_ID = 0;
    static final int ACCOUNT_ID = 8;
    static final int SYMBOL_ID = 12;
    static final int SIGNED_QTY = 16;
    static final int PRICE = 24;
    static final int CLOSED_QTY = 32;
    static final int REALIZED_PNL = 40;
    static final int TRANSACT_TIME = 48;
    static final int QTY_AFTER = 56;

    /** Whether the position named by a staged record has booked its fill. */
    @FunctionalInterface
    interface Booked
    {
        boolean booked(int accountId, int symbolId, long fillId);
    }

    /** Reads one record; the buffer and offset are valid during the call only. */
    @FunctionalInterface
    interface RecordVisitor
    {
        void visit(UnsafeBuffer buffer, int offset);
    }

    private static final class Segment
    {
        final Path file;
        final MappedByteBuffer mapped;
        final UnsafeBuffer buffer;
        final long capacity;
        long count;

        Segment(final Path file, final MappedByteBuffer mapped)
        {
            this.file = file;
            this.mapped = mapped;
            this.buffer = new UnsafeBuffer(mapped);
            this.capacity = buffer.getLong(CAPACITY_OFFSET);
            this.count = buffer.getLongVolatile(COUNT_OFFSET);
        }

        int offset(final long index)
        {
            return HEADER_SIZE + (int)index * RECORD_SIZE;
        }

        long fillIdAt(final long index)
        {
            return buffer.getLongVolatile(offset(index));
        }
    }

    private final Path directory;
    private final long segmentRecords;
    private final List<Segment> segments = new ArrayList<>();
    private Segment tail;
    private Segment spare;
    private boolean staged;

    private TradeLog(final Path directory, final long segmentRecords)
    {
        this.directory = directory;
        this.segmentRecords = segmentRecords;
    }

    /** Maps the segments in the directory, creating the first when there is none. */
    static TradeLog open(final Path directory, final long segmentRecords) throws IOException
    {
        final TradeLog log = new TradeLog(directory, segmentRecords);
        try
        {
            final List<Path> files = new ArrayList<>();
            try (Stream<Path> listing = Files.list(directory))
            {
                listing.filter(file -> SEGMENT_NAME.matcher(file.getFileName().toString()).matches())
                    .sorted()
                    .forEach(files::add);
            }
            for (int i = 0; i < files.size(); i++)
            {
                final Path file = files.get(i);
                final Matcher matcher = SEGMENT_NAME.matcher(file.getFileName().toString());
                if (!matcher.matches() || Integer.parseInt(matcher.group(1)) != i)
                {
                    throw new PortfolioException("Trade log segment " + file + " is out of sequence: expected "
                        + segmentName(i) + "; restore the directory from a backup");
                }
                log.segments.add(map(file));
            }
            if (log.segments.isEmpty())
            {
                log.segments.add(create(directory, 0, segmentRecords));
            }
            final int last = log.segments.size() - 1;
            if (last > 0 && log.segments.get(last).count == 0 && log.segments.get(last).fillIdAt(0) == 0
                && log.segments.get(last - 1).count < log.segments.get(last - 1).capacity)
            {
                // Made ahead of need and not yet used: keep it as the spare.
                log.spare = log.segments.remove(last);
            }
            log.tail = log.segments.get(log.segments.size() - 1);
            return log;
        }
        catch (final IOException | RuntimeException ex)
        {
            log.close();
            throw ex;
        }
    }

    static void deleteAll(final Path directory) throws IOException
    {
        try (Stream<Path> listing = Files.list(directory))
        {
            for (final Path file : listing.toList())
            {
                final String name = file.getFileName().toString();
                if (name.startsWith(PREFIX) && (name.endsWith(SUFFIX) || name.endsWith(PortfolioStore.TEMP_SUFFIX)))
                {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * Counts the staged records whose fills were booked and erases the one that was not: run once on
     * open, after the positions are loaded.
     *
     * @return how many staged records were erased (0 or 1 after a crash).
     */
    int recover(final Booked booked)
    {
        int erased = 0;
        for (final Segment segment : segments)
        {
            while (segment.count < segment.capacity)
            {
                final int offset = segment.offset(segment.count);
                final long fillId = segment.buffer.getLongVolatile(offset + FILL_ID);
                if (fillId == 0)
                {
                    break;
                }
                if (booked.booked(segment.buffer.getInt(offset + ACCOUNT_ID), segment.buffer.getInt(offset + SYMBOL_ID),
                    fillId))
                {
                    segment.count++;
                    segment.buffer.putLongRelease(COUNT_OFFSET, segment.count);
                }
                else
                {
                    segment.buffer.setMemory(offset, RECORD_SIZE, (byte)0);
                    erased++;
                    break;
                }
            }
        }
        return erased;
    }

    /**
     * Writes a record into the next free slot without counting it; {@link #publish()} counts it once
     * the position has committed. Staging again before publishing overwrites the same slot.
     */
    void stage(
        final long fillId,
        final int accountId,
        final int symbolId,
        final long signedQty,
        final long price,
        final long closedQty,
        final long realizedPnl,
        final long transactTimeNanos,
        final long positionQtyAfter) throws IOException
    {
        if (tail.count == tail.capacity)
        {
            tail = spare != null ? spare : create(directory, segments.size(), segmentRecords);
            spare = null;
            segments.add(tail);
        }
        final UnsafeBuffer buffer = tail.buffer;
        final int offset = tail.offset(tail.count);
        buffer.putInt(offset + ACCOUNT_ID, accountId);
        buffer.putInt(offset + SYMBOL_ID, symbolId);
        buffer.putLong(offset + SIGNED_QTY, signedQty);
        buffer.putLong(offset + PRICE, price);
        buffer.putLong(offset + CLOSED_QTY, closedQty);
        buffer.putLong(offset + REALIZED_PNL, realizedPnl);
        buffer.putLong(offset + TRANSACT_TIME, transactTimeNanos);
        buffer.putLong(offset + QTY_AFTER, positionQtyAfter);
        buffer.putLongRelease(offset + FILL_ID, fillId);
        staged = true;
    }

    /**
     * Makes the next segment once the current one is three quarters full, so the fill that fills it
     * does not wait for a new file (zeroing 64 MB takes tens of milliseconds).
     *
     * @return true when it made one.
     */
    boolean prepareNext() throws IOException
    {
        if (spare == null && tail.count >= tail.capacity - tail.capacity / 4)
        {
            spare = create(directory, segments.size(), segmentRecords);
            return true;
        }
        return false;
    }

    void publish()
    {
        if (staged)
        {
            staged = false;
            tail.count++;
            tail.buffer.putLongRelease(COUNT_OFFSET, tail.count);
        }
    }

    long size()
    {
        long size = 0;
        for (final Segment segment : segments)
        {
            size += segment.count;
        }
        return size;
    }

    /** @return true when a published record has this fill id; the visitor then reads it. */
    boolean find(final long fillId, final RecordVisitor visitor)
    {
        for (int s = segments.size() - 1; s >= 0; s--)
        {
            final Segment segment = segments.get(s);
            if (segment.count == 0 || segment.fillIdAt(0) > fillId)
            {
                continue;
            }
            long low = 0;
            long high = segment.count - 1;
            while (low <= high)
            {
                final long middle = (low + high) >>> 1;
                final long found = segment.fillIdAt(middle);
                if (found < fillId)
                {
                    low = middle + 1;
                }
                else if (found > fillId)
                {
                    high = middle - 1;
                }
                else
                {
                    visitor.visit(segment.buffer, segment.offset(middle));
                    return true;
                }
            }
            return false;
        }
        return false;
    }

    /** Visits every published record in fill id order. */
    void forEach(final RecordVisitor visitor)
    {
        for (final Segment segment : segments)
        {
            for (long i = 0; i < segment.count; i++)
            {
                visitor.visit(segment.buffer, segment.offset(i));
            }
        }
    }

    @Override
    public void close()
    {
        for (final Segment segment : segments)
        {
            IoUtil.unmap(segment.mapped);
        }
        segments.clear();
        if (spare != null)
        {
            IoUtil.unmap(spare.mapped);
            spare = null;
        }
    }

    private static String segmentName(final int index)
    {
        return String.format("%s%06d%s", PREFIX, index, SUFFIX);
    }

    /**
     * Sizes, zeroes and stamps the segment under a temporary name, then renames it: a segment is whole
     * or absent. Zeroing allocates the file's blocks now: in a sparse file, ext4 allocated them as the
     * records reached them and stalled a fill for ~18 ms every 8 MB.
     */
    private static Segment create(final Path directory, final int index, final long records) throws IOException
    {
        final Path file = directory.resolve(segmentName(index));
        final Path temp = file.resolveSibling(file.getFileName() + PortfolioStore.TEMP_SUFFIX);
        Files.deleteIfExists(temp);
        final long length = HEADER_SIZE + records * RECORD_SIZE;
        try (FileChannel channel = IoUtil.createEmptyFile(temp.toFile(), length, true))
        {
            final MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, HEADER_SIZE);
            final UnsafeBuffer header = new UnsafeBuffer(mapped);
            header.putLong(RECORD_SIZE_OFFSET, RECORD_SIZE);
            header.putLong(CAPACITY_OFFSET, records);
            header.putLong(COUNT_OFFSET, 0);
            header.putLong(MAGIC_OFFSET, MAGIC);
            mapped.force();
            IoUtil.unmap(mapped);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        return map(file);
    }

    private static Segment map(final Path file) throws IOException
    {
        final long size = Files.size(file);
        if (size < HEADER_SIZE || size > Integer.MAX_VALUE)
        {
            throw new PortfolioException("Trade log segment " + file + " has a size (" + size + " bytes) no segment has;"
                + " restore the directory from a backup");
        }
        final MappedByteBuffer mapped = IoUtil.mapExistingFile(file.toFile(), FileChannel.MapMode.READ_WRITE,
            file.getFileName().toString());
        final UnsafeBuffer header = new UnsafeBuffer(mapped);
        final long capacity = header.getLong(CAPACITY_OFFSET);
        if (header.getLong(MAGIC_OFFSET) != MAGIC || header.getLong(RECORD_SIZE_OFFSET) != RECORD_SIZE
            || capacity <= 0 || HEADER_SIZE + capacity * RECORD_SIZE != size)
        {
            IoUtil.unmap(mapped);
            throw new PortfolioException("Trade log segment " + file + " is not a Bastion trade log or is damaged "
                + "(bad header); restore the directory from a backup");
        }
        return new Segment(file, mapped);
    }
}

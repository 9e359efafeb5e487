package dev.bastion.oms.recovery;

import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.api.TimeInForce;
import dev.bastion.oms.order.Order;
import dev.bastion.oms.order.OrderSnapshot;
import dev.bastion.oms.order.PendingChange;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ExternalMapQueryContext;
import net.openhft.chronicle.map.MapEntry;
import net.openhft.chronicle.map.ChronicleMapBuilder;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The OMS's orders in a persisted Chronicle Map ({@code orders.cm} in its directory), keyed by
 * OrderID, written by the business thread at each change of an order, so that a restart after
 * {@code kill -9} finds every order that reached a venue, where it stood, and its last fill. Done
 * orders stay (a venue's late resend of their fills is then recognised) until a start-up finds them
 * older than {@link #DONE_ORDERS_KEPT_NANOS}.
 *
 * <p>As with the portfolio: a {@code orders.lock} file held while open (one OMS per directory), the
 * map created under a temporary name and renamed when complete (Chronicle waits a minute on a half-made
 * file), and an {@code orders.clean} marker written by a clean close, without which the next open
 * recovers the map (a killed writer may hold a segment lock). Entry key 0 holds the highest fill id
 * ever given out, kept when done orders are pruned.
 *
 * <p>Negative keys hold, per client session, the last inbound message the OMS has processed (its
 * sequence index and MsgSeqNum, see {@link #recordProcessed}): at start-up the gateway replays from its
 * archive what a session sent after it. {@link Long#MIN_VALUE} says the store has kept these marks
 * since it was created, so a session without one has had nothing processed.
 */
public final class OrderStore implements AutoCloseable
{
    public static final String MAP_FILE = "orders.cm";
    /** No message of the session processed. */
    public static final long NO_MARK = -1;
    static final String LOCK_FILE = "orders.lock";
    static final String CLEAN_FILE = "orders.clean";
    /** Done orders older than a day are dropped at start-up. */
    public static final long DONE_ORDERS_KEPT_NANOS = 24L * 3600 * 1_000_000_000L;
    private static final long META_KEY = 0;
    private static final long MARKS_KEPT_KEY = Long.MIN_VALUE;
    private static final int FORMAT = 1;
    private static final int MAX_ENTRY_BYTES = 64 * 1024;
    private static final Logger LOG = LogManager.getLogger(OrderStore.class);

    private final Path directory;
    private final FileChannel lockChannel;
    private final ChronicleMap<Long, byte[]> map;
    private final boolean recovered;
    private final boolean marksKept;
    /**
     * An entry is encoded here and handed to Chronicle as bytes (no value object, no key box): the
     * gateway refuses messages over 8 KiB, so no order's strings come near this size.
     */
    private final byte[] valueBytes = new byte[MAX_ENTRY_BYTES];
    private final UnsafeBuffer buffer = new UnsafeBuffer(valueBytes);
    private final BytesStore<?, ?> valueStore = BytesStore.wrap(valueBytes);
    private final byte[] keyBytes = new byte[Long.BYTES];
    private final UnsafeBuffer keyBuffer = new UnsafeBuffer(keyBytes);
    private final BytesStore<?, ?> keyStore = BytesStore.wrap(keyBytes);
    private boolean closed;

    private OrderStore(final Path directory, final FileChannel lock, final ChronicleMap<Long, byte[]> map,
        final boolean recovered)
    {
        this.directory = directory;
        this.lockChannel = lock;
        this.map = map;
        this.recovered = recovered;
        this.marksKept = map.containsKey(MARKS_KEPT_KEY);
        if (!marksKept)
        {
            buffer.putLong(0, 1);
            put(MARKS_KEPT_KEY, Long.BYTES);
        }
    }

    /**
     * @param maxOrders the entries the map is created with (it grows to four times that, then refuses).
     * @throws UncheckedIOException naming the directory when it cannot be opened or is in use.
     */
    public static OrderStore open(final Path directory, final long maxOrders)
    {
        FileChannel lock = null;
        try
        {
            Files.createDirectories(directory);
            lock = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            final FileLock held = lock.tryLock();
            if (held == null)
            {
                throw new IOException("in use by another process (" + directory.resolve(LOCK_FILE) + " is locked)");
            }
            final Path file = directory.resolve(MAP_FILE);
            final ChronicleMapBuilder<Long, byte[]> builder = ChronicleMapBuilder.of(Long.class, byte[].class)
                .name("bastion-orders")
                .entries(maxOrders)
                .averageValueSize(256)
                .maxBloatFactor(4.0);
            final ChronicleMap<Long, byte[]> map;
            final boolean recovered;
            if (!Files.exists(file))
            {
                final Path temp = directory.resolve(MAP_FILE + ".creating");
                Files.deleteIfExists(temp);
                builder.createPersistedTo(temp.toFile()).close();
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                map = builder.createPersistedTo(file.toFile());
                recovered = false;
            }
            else
            {
                recovered = !Files.exists(directory.resolve(CLEAN_FILE));
                if (recovered)
                {
                    LOG.warn("Order store {} was not closed cleanly: recovering its map", directory);
                }
                map = recovered ? builder.recoverPersistedTo(file.toFile(), false) :
                    builder.createPersistedTo(file.toFile());
            }
            Files.deleteIfExists(directory.resolve(CLEAN_FILE));
            return new OrderStore(directory, lock, map, recovered);
        }
        catch (final IOException | RuntimeException ex)
        {
            if (lock != null)
            {
                try
                {
                    lock.close();
                }
                catch (final IOException ignored)
                {
                    // the open failed already
                }
            }
            throw new UncheckedIOException(new IOException("Cannot open the order store in " + directory + ": " +
                ex.getMessage(), ex));
        }
    }

    /** True when this open found that the last writer had died. */
    public boolean recoveredFromCrash()
    {
        return recovered;
    }

    /**
     * True when the store has kept every session's processed mark since before this open: a session
     * without a mark then had nothing processed. False for a new store, or one written by a Bastion
     * that kept no marks: what came before this run is unknown and nothing is replayed.
     */
    public boolean marksKept()
    {
        return marksKept;
    }

    /**
     * The session's last processed inbound message, written after the request's own order write on
     * the business thread.
     *
     * @param mark {@link #mark} of the message's sequence index and MsgSeqNum.
     */
    public void recordProcessed(final long sessionId, final long mark)
    {
        buffer.putLong(0, mark);
        put(markKey(sessionId), Long.BYTES);
    }

    /** Each session's last processed mark, by Artio session id. */
    public Long2LongHashMap processedMarks()
    {
        final Long2LongHashMap marks = new Long2LongHashMap(NO_MARK);
        map.forEach((key, bytes) ->
        {
            if (key < META_KEY && key != MARKS_KEPT_KEY)
            {
                marks.put(-1 - key, new UnsafeBuffer(bytes).getLong(0));
            }
        });
        return marks;
    }

    /** Sequence index and MsgSeqNum in one long that orders as the session's history does. */
    public static long mark(final int sequenceIndex, final int msgSeqNum)
    {
        return ((long)sequenceIndex << 32) | (msgSeqNum & 0xFFFF_FFFFL);
    }

    private static long markKey(final long sessionId)
    {
        return -1 - sessionId;
    }

    public Path directory()
    {
        return directory;
    }

    /** Writes the order as it stands, with no fill journalled (the previous journal entry is kept). */
    public void write(final Order order, final String bookAccount, final long nowNanos, final StoredOrder previous)
    {
        write(order, bookAccount, nowNanos, previous == null ? StoredOrder.NO_FILL : previous.fillId(),
            previous == null ? null : previous.fillSide(), previous == null ? 0 : previous.fillQty(),
            previous == null ? 0 : previous.fillPx(), previous == null ? 0 : previous.fillTimeNanos());
    }

    /** Writes the order as it stands with a journal entry for the fill about to be booked. */
    public void write(
        final Order order, final String bookAccount, final long nowNanos, final long fillId, final Side fillSide,
        final long fillQty, final long fillPx, final long fillTimeNanos)
    {
        int at = 0;
        buffer.putInt(at, FORMAT);
        at += 4;
        at = putLongs(at, order.orderId(), order.sessionId(), order.expireTimeNanos(), order.orderQty(), order.price(),
            order.stopPrice(), order.cumQty(), order.leavesQty(), order.notionalHigh(), order.notionalLow(), nowNanos,
            fillId, fillQty, fillPx, fillTimeNanos);
        buffer.putByte(at++, (byte)order.side().fixValue());
        buffer.putByte(at++, (byte)order.ordType().fixValue());
        buffer.putByte(at++, (byte)order.timeInForce().fixValue());
        buffer.putByte(at++, (byte)order.status().ordinal());
        buffer.putByte(at++, (byte)(fillSide == null ? 0 : fillSide.fixValue()));
        at = putString(at, order.clOrdId());
        at = putString(at, order.origClOrdId());
        at = putString(at, order.account());
        at = putString(at, order.symbol());
        at = putString(at, order.venue());
        at = putString(at, order.venueClOrdId());
        at = putString(at, order.venueOrderId());
        at = putString(at, bookAccount);
        final PendingChange pending = order.pending();
        buffer.putByte(at++, (byte)(pending == null ? 0 : pending.cancel() ? 'C' : 'R'));
        if (pending != null)
        {
            at = putLongs(at, pending.newQty(), pending.newPrice(), pending.newStopPrice(),
                pending.newExpireTimeNanos());
            buffer.putByte(at++, (byte)(pending.newOrdType() == null ? 0 : pending.newOrdType().fixValue()));
            buffer.putByte(at++, (byte)(pending.newTimeInForce() == null ? 0 : pending.newTimeInForce().fixValue()));
            at = putString(at, pending.clOrdId());
            at = putString(at, pending.venueClOrdId());
        }
        put(order.orderId(), at);
    }

    /** Writes the encoded entry in place: Chronicle copies the bytes into the mapped file. */
    private void put(final long key, final int length)
    {
        // Chronicle's Long key is 8 bytes in native order, as a put of a boxed Long writes it.
        keyBuffer.putLong(0, key, ByteOrder.nativeOrder());
        try (ExternalMapQueryContext<Long, byte[], ?> context = map.queryContext(keyStore, 0, Long.BYTES))
        {
            context.updateLock().lock();
            final MapEntry<Long, byte[]> entry = context.entry();
            if (entry != null)
            {
                context.replaceValue(entry, context.wrapValueBytesAsData(valueStore, 0, length));
            }
            else
            {
                context.insert(context.absentEntry(), context.wrapValueBytesAsData(valueStore, 0, length));
            }
        }
    }

    /** Every order the store holds, oldest OrderID first. */
    public List<StoredOrder> loadAll()
    {
        final List<StoredOrder> orders = new ArrayList<>(map.size());
        map.forEach((key, bytes) ->
        {
            if (key > META_KEY)
            {
                orders.add(decode(bytes));
            }
        });
        orders.sort((a, b) -> Long.compare(a.order().orderId(), b.order().orderId()));
        return orders;
    }

    /** The highest fill id given out, as far as the store knows (its own and its orders' journals). */
    public long highestFillId()
    {
        final byte[] meta = map.get(META_KEY);
        long highest = meta == null ? 0 : new UnsafeBuffer(meta).getLong(0);
        for (final StoredOrder order : loadAll())
        {
            highest = Math.max(highest, order.fillId());
        }
        return highest;
    }

    /** Keeps the highest fill id (before orders holding it are removed). */
    public void recordHighestFillId(final long fillId)
    {
        buffer.putLong(0, fillId);
        put(META_KEY, Long.BYTES);
    }

    public void remove(final long orderId)
    {
        map.remove(orderId);
    }

    public int size()
    {
        return (int)map.keySet().stream().filter(key -> key > META_KEY).count();
    }

    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        map.close();
        try
        {
            Files.write(directory.resolve(CLEAN_FILE), new byte[0]);
        }
        catch (final IOException ex)
        {
            LOG.warn("Cannot write {} in {}: the next open will recover the map", CLEAN_FILE, directory, ex);
        }
        try
        {
            lockChannel.close();
        }
        catch (final IOException ex)
        {
            LOG.warn("Cannot release {} in {}", LOCK_FILE, directory, ex);
        }
    }

    private int putLongs(final int start, final long... values)
    {
        int at = start;
        for (final long value : values)
        {
            buffer.putLong(at, value);
            at += 8;
        }
        return at;
    }

    private int putString(final int at, final String value)
    {
        if (value == null)
        {
            buffer.putInt(at, -1);
            return at + 4;
        }
        return at + buffer.putStringAscii(at, value);
    }

    static StoredOrder decode(final byte[] bytes)
    {
        final UnsafeBuffer in = new UnsafeBuffer(bytes);
        final int format = in.getInt(0);
        if (format != FORMAT)
        {
            throw new IllegalStateException("order store entry of format " + format + ", this Bastion reads " + FORMAT);
        }
        final long[] longs = new long[15];
        int at = 4;
        for (int i = 0; i < longs.length; i++)
        {
            longs[i] = in.getLong(at);
            at += 8;
        }
        final Side side = Side.fromFix((char)in.getByte(at++));
        final OrdType ordType = OrdType.fromFix((char)in.getByte(at++));
        final TimeInForce timeInForce = TimeInForce.fromFix((char)in.getByte(at++));
        final OrdStatus status = OrdStatus.values()[in.getByte(at++)];
        final char fillSideCode = (char)in.getByte(at++);
        final String[] strings = new String[8];
        for (int i = 0; i < strings.length; i++)
        {
            final int length = in.getInt(at);
            strings[i] = length < 0 ? null : in.getStringAscii(at);
            at += 4 + Math.max(length, 0);
        }
        final char pendingCode = (char)in.getByte(at++);
        PendingChange pending = null;
        if (pendingCode != 0)
        {
            final long[] terms = new long[4];
            for (int i = 0; i < 4; i++)
            {
                terms[i] = in.getLong(at);
                at += 8;
            }
            final char newOrdType = (char)in.getByte(at++);
            final char newTif = (char)in.getByte(at++);
            final String[] ids = new String[2];
            for (int i = 0; i < 2; i++)
            {
                final int length = in.getInt(at);
                ids[i] = length < 0 ? null : in.getStringAscii(at);
                at += 4 + Math.max(length, 0);
            }
            pending = new PendingChange(pendingCode == 'C', ids[0], ids[1], terms[0], terms[1], terms[2],
                newOrdType == 0 ? null : OrdType.fromFix(newOrdType), newTif == 0 ? null : TimeInForce.fromFix(newTif),
                terms[3]);
        }
        final OrderSnapshot order = new OrderSnapshot(longs[0], longs[1], strings[0], strings[1], strings[2],
            strings[3], side, ordType, timeInForce, longs[2], longs[3], longs[4], longs[5], status, longs[6], longs[7],
            longs[8], longs[9], strings[4], strings[5], strings[6], pending);
        return new StoredOrder(order, strings[7], longs[10], longs[11],
            fillSideCode == 0 ? null : Side.fromFix(fillSideCode), longs[12], longs[13], longs[14]);
    }
}

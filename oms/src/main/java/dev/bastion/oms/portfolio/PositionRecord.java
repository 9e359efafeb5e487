package dev.bastion.oms.portfolio;

import net.openhft.chronicle.bytes.BytesStore;

/**
 * One position's entry in {@code positions.cm}: two copies of the position state (slots) and the
 * newest lots inline.
 *
 * <pre>
 *   0  long  version        commit word: the committed slot is version &amp; 1
 *   8  int   accountId
 *  12  int   symbolId
 *  16  slot 0 (72 bytes)    lastFillId, qty, costBasis, realizedPnl, avgPrice,
 *  88  slot 1 (72 bytes)    lotHead, lotTail, headConsumed, spillFrom
 * 160  lots: inlineLots x (long qty, long price)
 * </pre>
 *
 * <p>A fill writes the slot that is not committed, then advances {@code version} with a release
 * store: a process killed at any instant leaves either the old state or the new one, never a mix,
 * and the last applied fill id moves with the state it describes. Lots are immutable once written
 * (a partly closed head lot is described by {@code headConsumed} in the slot), and a new lot only
 * goes to a ring slot no committed lot occupies, so the lot ring needs no second copy.
 *
 * <p>Lot {@code seq} lives in ring slot {@code seq % inlineLots} while {@code seq < spillFrom};
 * from {@code spillFrom} on, lots live in {@code overflow-lots.cm} (see {@link Portfolio}).
 */
final class PositionRecord extends Flyweight
{
    static final long NO_SPILL = Long.MAX_VALUE;

    static final int VERSION = 0;
    static final int ACCOUNT_ID = 8;
    static final int SYMBOL_ID = 12;
    static final int SLOTS = 16;

    static final int LAST_FILL_ID = 0;
    static final int QTY = 8;
    static final int COST_BASIS = 16;
    static final int REALIZED_PNL = 24;
    static final int AVG_PRICE = 32;
    static final int LOT_HEAD = 40;
    static final int LOT_TAIL = 48;
    static final int HEAD_CONSUMED = 56;
    static final int SPILL_FROM = 64;
    static final int SLOT_SIZE = 72;

    static final int LOTS = SLOTS + 2 * SLOT_SIZE;
    static final int LOT_SIZE = 16;

    private int inlineLots;

    /** A view whose lot capacity the entry it is bound to decides. */
    PositionRecord()
    {
        super(0);
    }

    PositionRecord(final int inlineLots)
    {
        super(size(inlineLots));
        this.inlineLots = inlineLots;
    }

    static long size(final int inlineLots)
    {
        return LOTS + (long)inlineLots * LOT_SIZE;
    }

    @Override
    void bind(final BytesStore<?, ?> store, final long offset, final long length)
    {
        super.bind(store, offset, length);
        inlineLots = (int)((length - LOTS) / LOT_SIZE);
    }

    int inlineLots()
    {
        return inlineLots;
    }

    /** Sets a fresh, flat position in slot 0 of a heap record before its first put. */
    void initialise(final int accountId, final int symbolId)
    {
        zero();
        putInt(ACCOUNT_ID, accountId);
        putInt(SYMBOL_ID, symbolId);
        putLong(SLOTS + SPILL_FROM, NO_SPILL);
        putLong(SLOTS + SLOT_SIZE + SPILL_FROM, NO_SPILL);
    }

    int accountId()
    {
        return getInt(ACCOUNT_ID);
    }

    int symbolId()
    {
        return getInt(SYMBOL_ID);
    }

    /** @return the byte offset of the committed slot. */
    long committed()
    {
        return SLOTS + (getLong(VERSION) & 1) * SLOT_SIZE;
    }

    /** @return the byte offset of the slot the next state is written to. */
    long scratch()
    {
        return SLOTS + ((getLong(VERSION) + 1) & 1) * SLOT_SIZE;
    }

    /** Makes the scratch slot the committed one: the single store a fill's position update hinges on. */
    void commit()
    {
        putLongOrdered(VERSION, getLong(VERSION) + 1);
    }

    long get(final long slot, final int field)
    {
        return getLong(slot + field);
    }

    void set(final long slot, final int field, final long value)
    {
        putLong(slot + field, value);
    }

    long lotQty(final long seq)
    {
        return getLong(lotOffset(seq));
    }

    long lotPrice(final long seq)
    {
        return getLong(lotOffset(seq) + Long.BYTES);
    }

    void putLot(final long seq, final long qty, final long price)
    {
        final long offset = lotOffset(seq);
        putLong(offset, qty);
        putLong(offset + Long.BYTES, price);
    }

    private long lotOffset(final long seq)
    {
        return LOTS + (seq % inlineLots) * LOT_SIZE;
    }
}

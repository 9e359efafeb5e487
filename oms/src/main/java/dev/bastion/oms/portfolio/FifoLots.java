package dev.bastion.oms.portfolio;

import dev.bastion.oms.portfolio.Cells.LongCell;
import dev.bastion.oms.portfolio.Cells.LongPairCell;
import net.openhft.chronicle.map.ExternalMapQueryContext;
import net.openhft.chronicle.map.MapEntry;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The open lots of a position, oldest first: lot {@code seq} lives in its entry's inline ring while
 * {@code seq < spillFrom} and in {@code overflow-lots.cm} from there on (see {@link PositionRecord}).
 * Reads one lot into {@link #qty} and {@link #price} without allocating, writes and removes overflow lots,
 * and after a crash removes the overflow lots no committed position holds.
 */
final class FifoLots
{
    private static final Logger LOG = LogManager.getLogger(Portfolio.class);

    private final PortfolioStore store;
    private final LongCell key = new LongCell().onHeap();
    private final LongPairCell pairKey = new LongPairCell().onHeap();
    private final LongPairCell lotValue = new LongPairCell().onHeap();
    private final LongPairCell lotView = new LongPairCell();
    private final PositionRecord positionView = new PositionRecord();

    /** The quantity of the lot last {@link #read}. */
    long qty;
    /** The price of the lot last {@link #read}. */
    long price;

    FifoLots(final PortfolioStore store)
    {
        this.store = store;
    }

    /** Reads lot {@code seq} of the position into {@link #qty} and {@link #price}. */
    void read(final PositionRecord record, final long positionKey, final long seq, final long spill)
    {
        if (seq < spill)
        {
            qty = record.lotQty(seq);
            price = record.lotPrice(seq);
            return;
        }
        final LongPairCell lot = store.overflowLots.getUsing(pairKey.set(positionKey, seq), lotView);
        if (lot == null)
        {
            throw new IllegalStateException("Portfolio lot " + seq + " of position " + positionKey
                + " is missing from " + PortfolioStore.OVERFLOW_LOTS_FILE);
        }
        qty = lot.first();
        price = lot.second();
    }

    /** @throws IllegalStateException when the overflow map is full. */
    void putOverflow(final long positionKey, final long seq, final long lotQty, final long lotPrice)
    {
        store.overflowLots.put(pairKey.set(positionKey, seq), lotValue.set(lotQty, lotPrice));
    }

    void removeOverflow(final long positionKey, final long seq)
    {
        try (ExternalMapQueryContext<LongPairCell, LongPairCell, ?> context =
            store.overflowLots.queryContext(pairKey.set(positionKey, seq)))
        {
            context.updateLock().lock();
            final MapEntry<LongPairCell, LongPairCell> entry = context.entry();
            if (entry != null)
            {
                context.remove(entry);
            }
        }
    }

    /**
     * Removes the overflow lots a writer that died mid-fill left outside the committed state: lots the
     * position had closed but not yet removed, or had written but not yet committed.
     */
    void sweepOrphans()
    {
        final LongPairCell lotKeyView = new LongPairCell();
        final int[] removed = new int[1];
        store.overflowLots.forEachEntry(entry ->
        {
            final LongPairCell lotKey = entry.key().getUsing(lotKeyView);
            if (!holdsOverflowLot(lotKey.first(), lotKey.second()))
            {
                entry.doRemove();
                removed[0]++;
            }
        });
        if (removed[0] > 0)
        {
            LOG.warn("Portfolio recovery removed {} overflow lots outside the committed positions", removed[0]);
        }
    }

    private boolean holdsOverflowLot(final long positionKey, final long seq)
    {
        final PositionRecord record = store.positions.getUsing(key.set(positionKey), positionView);
        if (record == null)
        {
            return false;
        }
        final long slot = record.committed();
        final long spill = record.get(slot, PositionRecord.SPILL_FROM);
        return spill != PositionRecord.NO_SPILL && seq >= Math.max(spill, record.get(slot, PositionRecord.LOT_HEAD))
            && seq < record.get(slot, PositionRecord.LOT_TAIL);
    }
}

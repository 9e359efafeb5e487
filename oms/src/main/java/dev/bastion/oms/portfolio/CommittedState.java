package dev.bastion.oms.portfolio;

import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.portfolio.Cells.LongCell;
import org.agrona.collections.IntArrayList;
import org.agrona.collections.Long2LongHashMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.Arrays;

import static dev.bastion.oms.portfolio.Portfolio.NO_ID;

/**
 * The cash, position and mark entries of the maps, and an on-heap copy of what they hold committed: each
 * account's cash, each position's quantity, cost basis, realized P&amp;L and last booked fill id, each
 * symbol's mark. Valuation reads only the copy, so it never touches a map; the fill path updates the copy
 * right after each commit.
 */
final class CommittedState
{
    private static final Logger LOG = LogManager.getLogger(Portfolio.class);

    private final PortfolioStore store;
    private final PortfolioIds ids;
    private final LongCell key = new LongCell().onHeap();
    private final LongCell cellValue = new LongCell().onHeap();
    private final CashRecord cashValue = new CashRecord().onHeap();
    private final PositionRecord positionValue;
    private final CashRecord cashView = new CashRecord();
    private final PositionRecord positionView = new PositionRecord();
    private final LongCell cellView = new LongCell();

    private long[] accountCash = new long[16];
    private IntArrayList[] accountPositions = new IntArrayList[16];
    private long[] marks = new long[16];

    private final Long2LongHashMap positionIndex = new Long2LongHashMap(NO_ID);
    private int positionCount;
    private long[] positionKeys = new long[64];
    private long[] positionQty = new long[64];
    private long[] positionCostBasis = new long[64];
    private long[] positionRealized = new long[64];
    private long[] positionLastFillId = new long[64];

    CommittedState(final PortfolioStore store, final PortfolioIds ids)
    {
        this.store = store;
        this.ids = ids;
        positionValue = new PositionRecord(store.layout.inlineLots()).onHeap();
    }

    // ---------------------------------------------------------------------------------------------
    // Entries: made when an account, symbol or position is first used, or found missing on open.
    // ---------------------------------------------------------------------------------------------

    /** Makes room in the copy for an account that has an id. */
    void addAccount(final int id)
    {
        if (id >= accountCash.length)
        {
            final int length = Math.max(id + 1, accountCash.length * 2);
            accountCash = Arrays.copyOf(accountCash, length);
            accountPositions = Arrays.copyOf(accountPositions, length);
        }
        accountPositions[id] = new IntArrayList();
    }

    /** Makes room in the copy for a symbol that has an id, unmarked. */
    void addSymbol(final int id)
    {
        if (id >= marks.length)
        {
            marks = Arrays.copyOf(marks, Math.max(id + 1, marks.length * 2));
        }
        marks[id] = FixedPoint.NONE;
    }

    void createCash(final int accountId, final long initialCash)
    {
        cashValue.initialise(initialCash);
        store.cash.put(key.set(accountId), cashValue);
        accountCash[accountId] = initialCash;
    }

    void createMark(final int symbolId)
    {
        store.marks.put(key.set(symbolId), cellValue.set(FixedPoint.NONE));
    }

    /** @return the new position's index, or {@link Portfolio#NO_ID} when the position map is full. */
    int createPosition(final int accountId, final int symbolId)
    {
        final long positionKey = Cells.pack(accountId, symbolId);
        positionValue.initialise(accountId, symbolId);
        try
        {
            store.positions.put(key.set(positionKey), positionValue);
        }
        catch (final IllegalStateException ex)
        {
            LOG.error("Position map full: cannot open a position for account {} symbol {}", accountId, symbolId, ex);
            return NO_ID;
        }
        return indexPosition(positionKey, 0, 0, 0, 0);
    }

    /** @return false when the account has no cash entry (its writer died between naming it and creating it). */
    boolean loadCash(final int accountId)
    {
        final CashRecord record = store.cash.getUsing(key.set(accountId), cashView);
        if (record == null)
        {
            return false;
        }
        accountCash[accountId] = record.get(record.committed(), CashRecord.CASH);
        return true;
    }

    /** Reads every symbol's mark, creating the entry of one whose writer died before it did. */
    void loadMarks()
    {
        for (int symbolId = 0; symbolId < ids.symbolCount(); symbolId++)
        {
            final LongCell mark = store.marks.getUsing(key.set(symbolId), cellView);
            if (mark == null)
            {
                store.marks.put(key.set(symbolId), cellValue.set(FixedPoint.NONE));
            }
            marks[symbolId] = mark == null ? FixedPoint.NONE : mark.get();
        }
    }

    void loadPositions()
    {
        final LongCell keyView = new LongCell();
        store.positions.forEachEntry(entry ->
        {
            final long positionKey = entry.key().getUsing(keyView).get();
            final PositionRecord record = entry.value().getUsing(positionView);
            final long slot = record.committed();
            indexPosition(positionKey, record.get(slot, PositionRecord.QTY),
                record.get(slot, PositionRecord.COST_BASIS), record.get(slot, PositionRecord.REALIZED_PNL),
                record.get(slot, PositionRecord.LAST_FILL_ID));
        });
    }

    // ---------------------------------------------------------------------------------------------
    // Commits: the map entry first (by the caller), then the copy.
    // ---------------------------------------------------------------------------------------------

    /** Sets the symbol's mark in its entry and in the copy. */
    void mark(final int symbolId, final long price)
    {
        final LongCell cell = store.marks.getUsing(key.set(symbolId), cellView);
        cell.set(price);
        marks[symbolId] = price;
    }

    void positionCommitted(
        final int index, final long qty, final long costBasis, final long realized, final long lastFillId)
    {
        positionQty[index] = qty;
        positionCostBasis[index] = costBasis;
        positionRealized[index] = realized;
        positionLastFillId[index] = lastFillId;
    }

    void cashCommitted(final int accountId, final long cash)
    {
        accountCash[accountId] = cash;
    }

    // ---------------------------------------------------------------------------------------------
    // Reads.
    // ---------------------------------------------------------------------------------------------

    /** @return the position's index, or {@link Portfolio#NO_ID} when none (or the ids are unknown). */
    int index(final int accountId, final int symbolId)
    {
        if (!ids.isAccount(accountId) || !ids.isSymbol(symbolId))
        {
            return NO_ID;
        }
        return indexOf(Cells.pack(accountId, symbolId));
    }

    int indexOf(final long positionKey)
    {
        return (int)positionIndex.get(positionKey);
    }

    /** Whether the position has booked this fill id (for the trade log's recovery). */
    boolean booked(final int accountId, final int symbolId, final long fillId)
    {
        final int index = indexOf(Cells.pack(accountId, symbolId));
        return index != NO_ID && fillId <= positionLastFillId[index];
    }

    long cash(final int accountId)
    {
        return accountCash[accountId];
    }

    /** The indexes of the account's positions, in the order they were made. */
    IntArrayList positionsOf(final int accountId)
    {
        return accountPositions[accountId];
    }

    long mark(final int symbolId)
    {
        return marks[symbolId];
    }

    int positionCount()
    {
        return positionCount;
    }

    long positionKey(final int index)
    {
        return positionKeys[index];
    }

    long quantity(final int index)
    {
        return positionQty[index];
    }

    long costBasis(final int index)
    {
        return positionCostBasis[index];
    }

    long realizedPnl(final int index)
    {
        return positionRealized[index];
    }

    long lastFillId(final int index)
    {
        return positionLastFillId[index];
    }

    private int indexPosition(
        final long positionKey, final long qty, final long costBasis, final long realized, final long lastFillId)
    {
        final int index = positionCount++;
        if (index == positionKeys.length)
        {
            final int length = index * 2;
            positionKeys = Arrays.copyOf(positionKeys, length);
            positionQty = Arrays.copyOf(positionQty, length);
            positionCostBasis = Arrays.copyOf(positionCostBasis, length);
            positionRealized = Arrays.copyOf(positionRealized, length);
            positionLastFillId = Arrays.copyOf(positionLastFillId, length);
        }
        positionKeys[index] = positionKey;
        positionQty[index] = qty;
        positionCostBasis[index] = costBasis;
        positionRealized[index] = realized;
        positionLastFillId[index] = lastFillId;
        positionIndex.put(positionKey, index);
        accountPositions[Cells.high(positionKey)].addInt(index);
        return index;
    }
}

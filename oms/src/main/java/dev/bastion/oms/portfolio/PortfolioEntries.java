package dev.bastion.oms.portfolio;

import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.portfolio.Cells.LongCell;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import static dev.bastion.oms.portfolio.Portfolio.NO_ID;

/**
 * The cash, mark and position entries of the maps: each made on first use of its account, symbol or
 * position (or when an open finds that a dead writer did not get to it), and read into the
 * {@link CommittedCopy} when the portfolio opens. The fill path writes the entries' contents itself.
 */
final class PortfolioEntries
{
    private static final Logger LOG = LogManager.getLogger(Portfolio.class);

    private final PortfolioStore store;
    private final PortfolioIds ids;
    private final CommittedCopy copy;
    private final LongCell key = new LongCell().onHeap();
    private final LongCell cellValue = new LongCell().onHeap();
    private final CashRecord cashValue = new CashRecord().onHeap();
    private final PositionRecord positionValue;
    private final CashRecord cashView = new CashRecord();
    private final PositionRecord positionView = new PositionRecord();
    private final LongCell cellView = new LongCell();

    PortfolioEntries(final PortfolioStore store, final PortfolioIds ids, final CommittedCopy copy)
    {
        this.store = store;
        this.ids = ids;
        this.copy = copy;
        positionValue = new PositionRecord(store.layout.inlineLots()).onHeap();
    }

    void createCash(final int accountId, final long initialCash)
    {
        cashValue.initialise(initialCash);
        store.cash.put(key.set(accountId), cashValue);
        copy.cashCommitted(accountId, initialCash);
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
        return copy.addPosition(positionKey, 0, 0, 0, 0);
    }

    /** Sets the symbol's mark in its entry, then in the copy. */
    void mark(final int symbolId, final long price)
    {
        final LongCell cell = store.marks.getUsing(key.set(symbolId), cellView);
        cell.set(price);
        copy.markCommitted(symbolId, price);
    }

    /** @return false when the account has no cash entry (its writer died between naming it and creating it). */
    boolean loadCash(final int accountId)
    {
        final CashRecord record = store.cash.getUsing(key.set(accountId), cashView);
        if (record == null)
        {
            return false;
        }
        copy.cashCommitted(accountId, record.get(record.committed(), CashRecord.CASH));
        return true;
    }

    /** Reads every symbol's mark, making the entry of one whose writer died before it did. */
    void loadMarks()
    {
        for (int symbolId = 0; symbolId < ids.symbolCount(); symbolId++)
        {
            final LongCell mark = store.marks.getUsing(key.set(symbolId), cellView);
            if (mark == null)
            {
                store.marks.put(key.set(symbolId), cellValue.set(FixedPoint.NONE));
            }
            copy.markCommitted(symbolId, mark == null ? FixedPoint.NONE : mark.get());
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
            copy.addPosition(positionKey, record.get(slot, PositionRecord.QTY),
                record.get(slot, PositionRecord.COST_BASIS), record.get(slot, PositionRecord.REALIZED_PNL),
                record.get(slot, PositionRecord.LAST_FILL_ID));
        });
    }
}

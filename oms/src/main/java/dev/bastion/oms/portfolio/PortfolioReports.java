package dev.bastion.oms.portfolio;

import dev.bastion.oms.portfolio.Cells.LongCell;
import org.agrona.collections.IntArrayList;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.bastion.oms.portfolio.Portfolio.NO_ID;

/**
 * What the admin endpoint, reports and tests read beyond figures: positions as committed in their entries,
 * their open lots, and the closing fills' trade P&amp;L records. These allocate; none is on the fill path.
 */
final class PortfolioReports
{
    private final PortfolioStore store;
    private final PortfolioIds ids;
    private final CommittedCopy copy;
    private final FifoLots fifoLots;
    private final LongCell key = new LongCell().onHeap();
    private final PositionRecord position = new PositionRecord();

    PortfolioReports(
        final PortfolioStore store,
        final PortfolioIds ids,
        final CommittedCopy copy,
        final FifoLots fifoLots)
    {
        this.store = store;
        this.ids = ids;
        this.copy = copy;
        this.fifoLots = fifoLots;
    }

    /** @return the position as committed in its map entry, or null when the account never traded it. */
    PositionSnapshot position(final int accountId, final int symbolId)
    {
        final int index = copy.index(accountId, symbolId);
        if (index == NO_ID)
        {
            return null;
        }
        final PositionRecord record = store.positions.getUsing(key.set(copy.positionKey(index)), position);
        final long slot = record.committed();
        final long qty = record.get(slot, PositionRecord.QTY);
        final long basis = record.get(slot, PositionRecord.COST_BASIS);
        final long marketValue = copy.marketValue(index);
        return new PositionSnapshot(ids.accountName(accountId), ids.symbolName(symbolId), qty,
            record.get(slot, PositionRecord.AVG_PRICE), basis, record.get(slot, PositionRecord.REALIZED_PNL),
            copy.mark(symbolId), marketValue, marketValue - basis, record.get(slot, PositionRecord.LAST_FILL_ID),
            (int)(record.get(slot, PositionRecord.LOT_TAIL) - record.get(slot, PositionRecord.LOT_HEAD)));
    }

    /** @return every position the account has traded, flat ones included, in symbol id order. */
    List<PositionSnapshot> positions(final int accountId)
    {
        final IntArrayList indexes = copy.positionsOf(ids.requireAccount(accountId));
        final int[] symbols = new int[indexes.size()];
        for (int i = 0; i < symbols.length; i++)
        {
            symbols[i] = Cells.low(copy.positionKey(indexes.getInt(i)));
        }
        Arrays.sort(symbols);
        final List<PositionSnapshot> result = new ArrayList<>(symbols.length);
        for (final int symbolId : symbols)
        {
            result.add(position(accountId, symbolId));
        }
        return result;
    }

    /** @return the open lots, oldest first, with signed quantities. */
    List<Lot> lots(final int accountId, final int symbolId)
    {
        final int index = copy.index(accountId, symbolId);
        final List<Lot> lots = new ArrayList<>();
        if (index == NO_ID)
        {
            return lots;
        }
        final long positionKey = copy.positionKey(index);
        final PositionRecord record = store.positions.getUsing(key.set(positionKey), position);
        final long slot = record.committed();
        final long sign = Long.signum(record.get(slot, PositionRecord.QTY));
        final long head = record.get(slot, PositionRecord.LOT_HEAD);
        final long tail = record.get(slot, PositionRecord.LOT_TAIL);
        final long spill = record.get(slot, PositionRecord.SPILL_FROM);
        long consumed = record.get(slot, PositionRecord.HEAD_CONSUMED);
        for (long seq = head; seq < tail; seq++)
        {
            fifoLots.read(record, positionKey, seq, spill);
            lots.add(new Lot(seq, sign * (fifoLots.qty - consumed), fifoLots.price));
            consumed = 0;
        }
        return lots;
    }

    /** @return the realized P&amp;L of a closing fill, or null when the fill closed nothing (or is unknown). */
    TradePnl trade(final long fillId)
    {
        final TradePnl[] found = new TradePnl[1];
        store.tradeLog.find(fillId, (buffer, offset) -> found[0] = toTradePnl(buffer, offset));
        return found[0];
    }

    /** @return the account's closing fills, in fill id order. */
    List<TradePnl> trades(final int accountId)
    {
        ids.requireAccount(accountId);
        final List<TradePnl> result = new ArrayList<>();
        store.tradeLog.forEach((buffer, offset) ->
        {
            if (buffer.getInt(offset + TradeLog.ACCOUNT_ID) == accountId)
            {
                result.add(toTradePnl(buffer, offset));
            }
        });
        return result;
    }

    private TradePnl toTradePnl(final UnsafeBuffer buffer, final int offset)
    {
        return new TradePnl(buffer.getLong(offset + TradeLog.FILL_ID),
            ids.accountName(buffer.getInt(offset + TradeLog.ACCOUNT_ID)),
            ids.symbolName(buffer.getInt(offset + TradeLog.SYMBOL_ID)), buffer.getLong(offset + TradeLog.SIGNED_QTY),
            buffer.getLong(offset + TradeLog.PRICE), buffer.getLong(offset + TradeLog.CLOSED_QTY),
            buffer.getLong(offset + TradeLog.REALIZED_PNL), buffer.getLong(offset + TradeLog.TRANSACT_TIME),
            buffer.getLong(offset + TradeLog.QTY_AFTER));
    }
}

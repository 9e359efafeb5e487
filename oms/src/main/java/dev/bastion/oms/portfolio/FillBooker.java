package dev.bastion.oms.portfolio;

import dev.bastion.oms.api.Side;
import dev.bastion.oms.portfolio.Cells.LongCell;
import dev.bastion.oms.portfolio.Portfolio.CrashPoint;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;

import static dev.bastion.oms.portfolio.Portfolio.NO_ID;

/**
 * Books fills into their position entry (FIFO lots, realized P&amp;L) and their account's cash entry, once
 * per fill id, in the order that makes a crash at any point recoverable (see {@link Portfolio}); counts
 * what each fill came to. Allocation-free once the position exists.
 */
final class FillBooker
{
    private static final Logger LOG = LogManager.getLogger(Portfolio.class);

    private final PortfolioStore store;
    private final PortfolioIds ids;
    private final CommittedCopy copy;
    private final PortfolioEntries entries;
    private final FifoLots lots;
    private final DailyEquity equity;
    private final LongCell key = new LongCell().onHeap();
    private final PositionRecord position = new PositionRecord();
    private final CashRecord cash = new CashRecord();

    private long applied;
    private long completed;
    private long duplicates;
    private long rejected;
    private Portfolio.CrashHook crashHook;

    FillBooker(
        final PortfolioStore store,
        final PortfolioIds ids,
        final CommittedCopy copy,
        final PortfolioEntries entries,
        final FifoLots lots,
        final DailyEquity equity)
    {
        this.store = store;
        this.ids = ids;
        this.copy = copy;
        this.entries = entries;
        this.lots = lots;
        this.equity = equity;
    }

    /** See {@link Portfolio#applyFill}. */
    FillOutcome apply(
        final long fillId,
        final int accountId,
        final int symbolId,
        final Side side,
        final long qty,
        final long price,
        final long transactTimeNanos)
    {
        final FillOutcome invalid = validate(fillId, accountId, symbolId, side, qty, price);
        if (invalid != null)
        {
            rejected++;
            return invalid;
        }
        equity.checkDay();

        final long positionKey = Cells.pack(accountId, symbolId);
        int index = copy.indexOf(positionKey);
        if (index == NO_ID)
        {
            index = entries.createPosition(accountId, symbolId);
            if (index == NO_ID)
            {
                rejected++;
                return FillOutcome.REJECTED_CAPACITY;
            }
        }
        final int sign = buys(side) ? 1 : -1;
        final CashRecord cashRecord = store.cash.getUsing(key.set(accountId), cash);
        final long cashSlot = cashRecord.committed();
        final boolean cashDone = fillId <= cashRecord.get(cashSlot, CashRecord.LAST_FILL_ID);
        final boolean positionDone = fillId <= copy.lastFillId(index);
        if (positionDone && cashDone)
        {
            duplicates++;
            return FillOutcome.DUPLICATE;
        }
        if (cashDone)
        {
            // The cash books a fill only after its position has, and fills come in id order: the
            // account booked a higher id on another position, so this id arrived out of order.
            rejected++;
            return FillOutcome.REJECTED_OUT_OF_ORDER;
        }

        final long cashDelta;
        final long newCash;
        try
        {
            cashDelta = -sign * FixedMath.notional(qty, price);
            newCash = Math.addExact(cashRecord.get(cashSlot, CashRecord.CASH), cashDelta);
        }
        catch (final ArithmeticException ex)
        {
            rejected++;
            return FillOutcome.REJECTED_OVERFLOW;
        }

        if (!positionDone)
        {
            final FillOutcome outcome =
                bookPosition(index, positionKey, fillId, sign, qty, price, transactTimeNanos, cashDelta);
            if (outcome != FillOutcome.APPLIED)
            {
                rejected++;
                return outcome;
            }
        }
        if (!cashDone)
        {
            // Still bound: a constant-size entry stays where it is while its map is open.
            final long scratch = cashRecord.scratch();
            cashRecord.set(scratch, CashRecord.LAST_FILL_ID, fillId);
            cashRecord.set(scratch, CashRecord.CASH, newCash);
            crash(CrashPoint.CASH_SLOT_WRITTEN);
            cashRecord.commit();
            copy.cashCommitted(accountId, newCash);
            crash(CrashPoint.CASH_COMMITTED);
        }
        if (positionDone)
        {
            completed++;
            return FillOutcome.COMPLETED;
        }
        applied++;
        return FillOutcome.APPLIED;
    }

    private FillOutcome bookPosition(
        final int index,
        final long positionKey,
        final long fillId,
        final int sign,
        final long qty,
        final long price,
        final long transactTimeNanos,
        final long cashDelta)
    {
        final PositionRecord record = store.positions.getUsing(key.set(positionKey), position);
        final long committed = record.committed();
        final long oldQty = record.get(committed, PositionRecord.QTY);
        final long oldBasis = record.get(committed, PositionRecord.COST_BASIS);
        final long oldRealized = record.get(committed, PositionRecord.REALIZED_PNL);
        final long head = record.get(committed, PositionRecord.LOT_HEAD);
        final long tail = record.get(committed, PositionRecord.LOT_TAIL);
        final long spill = record.get(committed, PositionRecord.SPILL_FROM);

        long newHead = head;
        long consumed = record.get(committed, PositionRecord.HEAD_CONSUMED);
        long basis = Math.abs(oldBasis);
        long remaining = qty;
        long closedQty = 0;
        final long newQty;
        final long newBasis;
        final long realizedDelta;
        final long newRealized;
        final long avgPrice;
        try
        {
            if (oldQty != 0 && Long.signum(oldQty) != sign)
            {
                while (remaining > 0 && newHead < tail)
                {
                    lots.read(record, positionKey, newHead, spill);
                    final long available = lots.qty - consumed;
                    final long take = Math.min(available, remaining);
                    basis -= FixedMath.notional(available, lots.price)
                        - FixedMath.notional(available - take, lots.price);
                    remaining -= take;
                    closedQty += take;
                    if (take == available)
                    {
                        newHead++;
                        consumed = 0;
                    }
                    else
                    {
                        consumed += take;
                    }
                }
            }
            if (remaining > 0)
            {
                basis = Math.addExact(basis, FixedMath.notional(remaining, price));
            }
            newQty = Math.addExact(oldQty, sign * qty);
            newBasis = Long.signum(newQty) * basis;
            realizedDelta = Math.addExact(cashDelta, Math.subtractExact(newBasis, oldBasis));
            newRealized = Math.addExact(oldRealized, realizedDelta);
            avgPrice = newQty == 0 ? 0 : FixedMath.unitPrice(newBasis, newQty);
        }
        catch (final ArithmeticException ex)
        {
            return FillOutcome.REJECTED_OVERFLOW;
        }

        long newTail = tail;
        long newSpill = newHead == tail ? PositionRecord.NO_SPILL : spill;
        if (remaining > 0)
        {
            // The new lot is lot `tail`. Inline only if no older lot still lives in the overflow map
            // (FIFO order) and its ring slot holds no lot the committed state still uses.
            final boolean allClosed = newHead == tail;
            final long inlineEnd = Math.min(tail, spill);
            final long inlineLive = Math.max(0, inlineEnd - head);
            final boolean slotFree = (tail - head) % record.inlineLots() >= inlineLive;
            if ((spill == PositionRecord.NO_SPILL || allClosed) && slotFree)
            {
                record.putLot(tail, remaining, price);
                newSpill = PositionRecord.NO_SPILL;
            }
            else
            {
                try
                {
                    lots.putOverflow(positionKey, tail, remaining, price);
                }
                catch (final IllegalStateException ex)
                {
                    LOG.error("Overflow lot map full: fill {} not booked", fillId, ex);
                    return FillOutcome.REJECTED_CAPACITY;
                }
                newSpill = spill == PositionRecord.NO_SPILL || allClosed ? tail : spill;
            }
            newTail = tail + 1;
            crash(CrashPoint.LOT_WRITTEN);
        }

        if (closedQty > 0)
        {
            try
            {
                store.tradeLog.stage(fillId, Cells.high(positionKey), Cells.low(positionKey), sign * qty, price,
                    closedQty, realizedDelta, transactTimeNanos, newQty);
            }
            catch (final IOException ex)
            {
                LOG.error("Cannot add a trade log segment in {}: fill {} not booked", store.directory, fillId, ex);
                return FillOutcome.REJECTED_CAPACITY;
            }
            crash(CrashPoint.TRADE_WRITTEN);
        }

        final long scratch = record.scratch();
        record.set(scratch, PositionRecord.LAST_FILL_ID, fillId);
        record.set(scratch, PositionRecord.QTY, newQty);
        record.set(scratch, PositionRecord.COST_BASIS, newBasis);
        record.set(scratch, PositionRecord.REALIZED_PNL, newRealized);
        record.set(scratch, PositionRecord.AVG_PRICE, avgPrice);
        record.set(scratch, PositionRecord.LOT_HEAD, newHead);
        record.set(scratch, PositionRecord.LOT_TAIL, newTail);
        record.set(scratch, PositionRecord.HEAD_CONSUMED, consumed);
        record.set(scratch, PositionRecord.SPILL_FROM, newSpill);
        crash(CrashPoint.POSITION_SLOT_WRITTEN);
        record.commit();
        store.tradeLog.publish();

        copy.positionCommitted(index, newQty, newBasis, newRealized, fillId);
        crash(CrashPoint.POSITION_COMMITTED);

        if (spill != PositionRecord.NO_SPILL)
        {
            for (long seq = Math.max(head, spill); seq < newHead; seq++)
            {
                lots.removeOverflow(positionKey, seq);
            }
        }
        return FillOutcome.APPLIED;
    }

    private FillOutcome validate(
        final long fillId, final int accountId, final int symbolId, final Side side, final long qty, final long price)
    {
        if (fillId <= 0)
        {
            return FillOutcome.REJECTED_FILL_ID;
        }
        if (side == null)
        {
            return FillOutcome.REJECTED_SIDE;
        }
        if (qty <= 0)
        {
            return FillOutcome.REJECTED_QUANTITY;
        }
        if (price <= 0)
        {
            return FillOutcome.REJECTED_PRICE;
        }
        if (!ids.isAccount(accountId))
        {
            return FillOutcome.REJECTED_UNKNOWN_ACCOUNT;
        }
        if (!ids.isSymbol(symbolId))
        {
            return FillOutcome.REJECTED_UNKNOWN_SYMBOL;
        }
        return null;
    }

    static boolean buys(final Side side)
    {
        return side == Side.BUY || side == Side.BUY_MINUS;
    }

    private void crash(final CrashPoint point)
    {
        if (crashHook != null)
        {
            crashHook.reached(point);
        }
    }

    void crashHook(final Portfolio.CrashHook hook)
    {
        this.crashHook = hook;
    }

    long applied()
    {
        return applied;
    }

    long completed()
    {
        return completed;
    }

    long duplicates()
    {
        return duplicates;
    }

    long rejected()
    {
        return rejected;
    }
}

package dev.bastion.oms.recovery;

import dev.bastion.oms.api.Side;
import dev.bastion.oms.order.Order;
import dev.bastion.oms.order.OrderStateMachine;
import dev.bastion.oms.portfolio.FillOutcome;
import dev.bastion.oms.portfolio.Portfolio;
import dev.bastion.oms.portfolio.PortfolioConfiguration;
import dev.bastion.oms.recon.FindingKind;
import dev.bastion.oms.recon.FindingRing;
import org.agrona.collections.Long2LongHashMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The OMS's books on disk: every order in the {@link OrderStore}, every fill in the {@link Portfolio}.
 * Owned by the business thread.
 *
 * <p><b>A fill is booked exactly once, a crash included.</b> Fill ids rise by one per fill and
 * survive restarts (the store keeps the highest given out). A fill is written in this order: the
 * highest fill id, then the order with the fill as its journal entry, then the portfolio booking.
 * A crash before the order write loses the fill from both (the venue's status answer brings it
 * back, see {@link OrderStateMachine}); a crash after it leaves a journal entry that {@link #recover}
 * books again under the same id, which the portfolio ignores if it had booked it. A fill the venue
 * resends after a restart is recognised by its CumQty and never reaches this class.
 *
 * <p>Busts and corrections are booked as offsetting fills (the opposite side at the original
 * price, then the corrected fill): cash and quantity come out exact, realized P&amp;L and lots follow
 * FIFO rather than removing the original lot, which the portfolio cannot express.
 */
public final class Books implements AutoCloseable
{
    private static final Logger LOG = LogManager.getLogger(Books.class);
    private static final long NO_IDS = Long.MIN_VALUE;

    private final OrderStore store;
    private final Portfolio portfolio;
    private final FindingRing findings;
    /** Portfolio account and symbol id of each order, packed: resolved once, when the order goes out. */
    private final Long2LongHashMap bookIds = new Long2LongHashMap(NO_IDS);
    private long lastFillId;

    public Books(final OrderStore store, final Portfolio portfolio, final FindingRing findings)
    {
        this.store = store;
        this.portfolio = portfolio;
        this.findings = findings;
        this.lastFillId = store.highestFillId();
    }

    /** Opens the order store in {@code <dataDirectory>/orders} and the portfolio in {@code <dataDirectory>/portfolio}. */
    public static Books open(
        final Path dataDirectory, final long maxOrders, final PortfolioConfiguration portfolioConfiguration,
        final FindingRing findings)
    {
        final OrderStore store = OrderStore.open(dataDirectory.resolve("orders"), maxOrders);
        try
        {
            final Portfolio portfolio = Portfolio.open(portfolioConfiguration.directory(dataDirectory.resolve("portfolio")));
            return new Books(store, portfolio, findings);
        }
        catch (final RuntimeException ex)
        {
            store.close();
            throw ex;
        }
    }

    public Portfolio portfolio()
    {
        return portfolio;
    }

    public OrderStore store()
    {
        return store;
    }

    public long lastFillId()
    {
        return lastFillId;
    }

    /**
     * An order reached a venue (its portfolio account is fixed now) or changed: write it as it stands.
     *
     * @param bookAccount the account its fills are booked to (the risk account: Account (1) or the client's CompID).
     */
    public void onOrderChanged(final Order order, final String bookAccount, final long nowNanos)
    {
        ids(order, bookAccount);
        store.write(order, bookAccount, nowNanos, null);
    }

    /** A fill the order accepted (or the offset of a bust): journal it with the order, then book it. */
    public void bookFill(
        final Order order, final String bookAccount, final Side side, final long qty, final long px,
        final long transactTimeNanos, final long nowNanos)
    {
        final long packed = ids(order, bookAccount);
        final long fillId = ++lastFillId;
        store.recordHighestFillId(fillId);
        store.write(order, bookAccount, nowNanos, fillId, side, qty, px, transactTimeNanos);
        book(fillId, (int)(packed >>> 32), (int)packed, side, qty, px, transactTimeNanos, order.orderId(),
            order.venue());
    }

    /**
     * A client request is done with (its order written, if it made or changed one): the session's
     * last processed message, so that a restart replays only what came after it.
     */
    public void markProcessed(final long sessionId, final int sequenceIndex, final int msgSeqNum)
    {
        store.recordProcessed(sessionId, OrderStore.mark(sequenceIndex, msgSeqNum));
    }

    /** The business thread's timer: the portfolio's daily equity sample and trade log housekeeping. */
    public void onClock()
    {
        portfolio.onClock();
    }

    /**
     * At start-up, before any event: books the journalled fills again (those the last run booked are
     * ignored by fill id), drops done orders older than a day, and puts every other order back in
     * the state machine's book.
     */
    public Recovered recover(final OrderStateMachine machine, final long nowNanos)
    {
        final List<StoredOrder> stored = store.loadAll();
        final List<StoredOrder> journalled = new ArrayList<>();
        for (final StoredOrder order : stored)
        {
            if (order.fillId() != StoredOrder.NO_FILL)
            {
                journalled.add(order);
            }
        }
        journalled.sort(Comparator.comparingLong(StoredOrder::fillId));
        int rebooked = 0;
        for (final StoredOrder order : journalled)
        {
            final int accountId = portfolio.accountId(order.bookAccount());
            final int symbolId = portfolio.symbolId(order.order().symbol());
            portfolio.openPosition(accountId, symbolId);
            final FillOutcome outcome = portfolio.applyFill(order.fillId(), accountId, symbolId, order.fillSide(),
                order.fillQty(), order.fillPx(), order.fillTimeNanos());
            if (outcome.booked())
            {
                rebooked++;
                LOG.warn("Fill {} of order {} was journalled but not booked when the last run ended: booked now ({})",
                    order.fillId(), order.order().orderId(), outcome);
            }
            else if (outcome.rejected())
            {
                findings.record(FindingKind.FILL_NOT_BOOKED, nowNanos, order.order().orderId(), order.order().venue(),
                    null, order.fillQty(), order.fillQty(), outcome.name());
            }
        }
        store.recordHighestFillId(lastFillId);
        final List<Order> restored = new ArrayList<>();
        int pruned = 0;
        for (final StoredOrder entry : stored)
        {
            if (isDone(entry) && nowNanos - entry.updatedEpochNanos() > OrderStore.DONE_ORDERS_KEPT_NANOS)
            {
                store.remove(entry.order().orderId());
                pruned++;
                continue;
            }
            final Order order = machine.restore(entry.order());
            ids(order, entry.bookAccount());
            restored.add(order);
        }
        return new Recovered(restored, rebooked, pruned, store.recoveredFromCrash() || portfolio.recoveredFromCrash());
    }

    private static boolean isDone(final StoredOrder entry)
    {
        switch (entry.order().status())
        {
            case FILLED:
            case CANCELED:
            case REJECTED:
            case EXPIRED:
            case DONE_FOR_DAY:
                return true;
            default:
                return false;
        }
    }

    /** The portfolio account an order's fills go to, as it was resolved when the order went out. */
    public String bookAccount(final Order order)
    {
        final long packed = bookIds.get(order.orderId());
        return packed == NO_IDS ? null : portfolio.accountName((int)(packed >>> 32));
    }

    @Override
    public void close()
    {
        try
        {
            portfolio.close();
        }
        finally
        {
            store.close();
        }
    }

    private void book(
        final long fillId, final int accountId, final int symbolId, final Side side, final long qty, final long px,
        final long transactTimeNanos, final long orderId, final String venue)
    {
        final FillOutcome outcome = portfolio.applyFill(fillId, accountId, symbolId, side, qty, px, transactTimeNanos);
        if (!outcome.booked())
        {
            findings.record(FindingKind.FILL_NOT_BOOKED, transactTimeNanos, orderId, venue, null, qty, qty,
                outcome.name());
            return;
        }
        portfolio.mark(symbolId, px);
    }

    private long ids(final Order order, final String bookAccount)
    {
        long packed = bookIds.get(order.orderId());
        if (packed == NO_IDS)
        {
            final int accountId = portfolio.accountId(bookAccount);
            final int symbolId = portfolio.symbolId(order.symbol());
            portfolio.openPosition(accountId, symbolId);
            packed = ((long)accountId << 32) | (symbolId & 0xFFFF_FFFFL);
            bookIds.put(order.orderId(), packed);
        }
        return packed;
    }

    /**
     * What {@link #recover} put back.
     *
     * @param orders   every order restored, open and done, in OrderID order.
     * @param rebooked journalled fills the last run had not booked, booked now.
     * @param pruned   done orders older than a day, dropped from the store and not restored.
     * @param afterCrash the store or the portfolio found the last run had died.
     */
    public record Recovered(List<Order> orders, int rebooked, int pruned, boolean afterCrash)
    {
        public long openOrders()
        {
            return orders.stream().filter(order -> !order.isDone()).count();
        }
    }
}

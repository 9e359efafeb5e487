package dev.bastion.oms.order;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.api.OrderCancelReject;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.api.TimeInForce;
import dev.bastion.oms.venue.VenueExecution;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The FIX order state machine (FIX 4.4, Volume 4, "Order State Changes"), for client orders routed
 * to one venue each. Client requests and venue reports come in; the order changes state and
 * {@link OrderActions} says what to tell the client and the venue. Invariant: until an order is
 * done, CumQty + LeavesQty = OrderQty; once done, LeavesQty = 0.
 *
 * <p>Rules worth knowing: fills during a pending cancel or replace stay on the original order and
 * are reported with the pending OrdStatus; a cancel or replace of a done order is refused as too
 * late (CxlRejReason 0), of an order already waiting for one as already pending (3); a replace
 * cannot bring OrderQty to or below what is filled. Each venue ExecID is applied once.
 */
public final class OrderStateMachine
{
    public static final int NO_REJECT_REASON = -1;
    /** OrdRejReason (103) values the OMS uses. */
    public static final int REJECT_BROKER_OPTION = 0;
    public static final int REJECT_UNKNOWN_ORDER = 5;
    public static final int REJECT_DUPLICATE_ORDER = 6;
    public static final int REJECT_OTHER = 99;

    private final OrderBook book;
    private final OrderActions actions;
    private final OrderIdGenerator ids;
    private final Set<String> appliedExecIds = new HashSet<>();
    private final Map<String, long[]> fillsByExecId = new HashMap<>();
    private long duplicateExecutions;

    public OrderStateMachine(final OrderBook book, final OrderActions actions, final OrderIdGenerator ids)
    {
        this.book = book;
        this.actions = actions;
        this.ids = ids;
    }

    public OrderBook book()
    {
        return book;
    }

    /** Venue reports ignored because their ExecID had been applied already (resends). */
    public long duplicateExecutions()
    {
        return duplicateExecutions;
    }

    /**
     * A NewOrderSingle. A ClOrdID the session used before is rejected at once (OrdRejReason 6);
     * otherwise the order is booked PendingNew and returned for risk checks and routing.
     *
     * @return the new order, or null when it was rejected as a duplicate.
     */
    public Order newOrder(
        final long sessionId,
        final String clOrdId,
        final String account,
        final String symbol,
        final Side side,
        final OrdType ordType,
        final TimeInForce timeInForce,
        final long orderQty,
        final long price,
        final long stopPrice,
        final long expireTimeNanos)
    {
        final boolean fresh = book.claimClOrdId(sessionId, clOrdId);
        final Order order = new Order(ids.next(), sessionId, clOrdId, account, symbol, side, ordType, timeInForce,
            orderQty, price, stopPrice, expireTimeNanos);
        if (!fresh)
        {
            // Not booked: the existing order with this ClOrdID must stay reachable by it.
            finish(order, OrdStatus.REJECTED);
            actions.report(order, ExecType.REJECTED, clOrdId, null, 0, 0,
                "Duplicate ClOrdID " + clOrdId, REJECT_DUPLICATE_ORDER);
            return null;
        }
        book.add(order);
        return order;
    }

    /** Pre-trade risk (or the router) refused the order before it reached a venue. */
    public void reject(final Order order, final int ordRejReason, final String text)
    {
        finish(order, OrdStatus.REJECTED);
        actions.report(order, ExecType.REJECTED, order.clOrdId, null, 0, 0, text, ordRejReason);
    }

    /** Sizing set a smaller quantity before the order left for a venue. */
    public void resize(final Order order, final long orderQty)
    {
        if (order.venueClOrdId != null || orderQty <= 0 || orderQty > order.orderQty)
        {
            throw new IllegalArgumentException("cannot resize " + order + " to " + orderQty);
        }
        order.orderQty = orderQty;
        order.leavesQty = orderQty;
    }

    /** The router chose a venue: the order goes out under its venue ClOrdID. */
    public void route(final Order order, final String venue)
    {
        order.venue = venue;
        order.venueClOrdId = nextVenueClOrdId();
        book.aliasVenueClOrdId(order, order.venueClOrdId);
        actions.sendToVenue(order);
    }

    public void cancel(final long sessionId, final String clOrdId, final String origClOrdId)
    {
        final Order order = changeTarget(sessionId, clOrdId, origClOrdId, false);
        if (order == null)
        {
            return;
        }
        final PendingChange cancel = new PendingChange(true, clOrdId, nextVenueClOrdId(), 0, 0);
        startChange(order, cancel, OrdStatus.PENDING_CANCEL, ExecType.PENDING_CANCEL);
        actions.cancelAtVenue(order, cancel);
    }

    public void replace(
        final long sessionId, final String clOrdId, final String origClOrdId, final long newQty, final long newPrice)
    {
        final Order order = changeTarget(sessionId, clOrdId, origClOrdId, true);
        if (order == null)
        {
            return;
        }
        if (newQty <= order.cumQty)
        {
            actions.cancelReject(sessionId, clOrdId, order.clOrdId, order, true, OrderCancelReject.OTHER,
                "OrderQty must be above the filled quantity " + order.cumQty / 10_000.0);
            return;
        }
        final PendingChange replace = new PendingChange(false, clOrdId, nextVenueClOrdId(), newQty,
            newPrice == Long.MIN_VALUE ? order.price : newPrice);
        startChange(order, replace, OrdStatus.PENDING_REPLACE, ExecType.PENDING_REPLACE);
        actions.replaceAtVenue(order, replace);
    }

    /** OrderStatusRequest: an ExecutionReport with ExecType Order Status, or an unknown-order one. */
    public void status(final long sessionId, final String clOrdId, final String symbol, final char side)
    {
        final Order order = book.byClOrdId(sessionId, clOrdId);
        if (order == null)
        {
            actions.unknownOrder(sessionId, clOrdId, symbol, side, "Unknown order " + clOrdId);
            return;
        }
        actions.report(order, ExecType.ORDER_STATUS, order.clOrdId, order.origClOrdId, 0, 0, null, NO_REJECT_REASON);
    }

    /**
     * OrderMassCancelRequest: cancel every open order of the session (of one symbol, or all).
     * Orders with a change already pending are left to it.
     *
     * @return how many orders were asked to cancel.
     */
    public int massCancel(final long sessionId, final String symbol)
    {
        int affected = 0;
        for (final Order order : book.openOrders(sessionId, symbol))
        {
            if (order.pending == null)
            {
                final PendingChange cancel = new PendingChange(true, order.clOrdId, nextVenueClOrdId(), 0, 0);
                startChange(order, cancel, OrdStatus.PENDING_CANCEL, ExecType.PENDING_CANCEL);
                actions.cancelAtVenue(order, cancel);
                affected++;
            }
        }
        return affected;
    }

    /** OrderMassStatusRequest: one Order Status report per open order of the session. */
    public List<Order> massStatus(final long sessionId, final String symbol)
    {
        final List<Order> open = book.openOrders(sessionId, symbol);
        for (final Order order : open)
        {
            actions.report(order, ExecType.ORDER_STATUS, order.clOrdId, order.origClOrdId, 0, 0, null,
                NO_REJECT_REASON);
        }
        return open;
    }

    /** @return false when the report names no order the OMS knows, or was applied before. */
    public boolean onVenueExecution(final VenueExecution execution)
    {
        Order order = book.byVenueClOrdId(execution.venueClOrdId());
        if (order == null)
        {
            order = book.byVenueClOrdId(execution.origVenueClOrdId());
        }
        if (order == null)
        {
            return false;
        }
        if (execution.execId() != null && !appliedExecIds.add(execution.venue() + "\u0001" + execution.execId()))
        {
            duplicateExecutions++;
            return false;
        }
        if (execution.venueOrderId() != null)
        {
            order.venueOrderId = execution.venueOrderId();
        }
        switch (execution.execType())
        {
            case NEW:
                return onVenueNew(order);
            case TRADE:
                return onTrade(order, execution);
            case CANCELED:
            case EXPIRED:
                return onVenueCanceled(order, execution);
            case REPLACED:
                return onReplaced(order);
            case REJECTED:
                return onVenueRejected(order, execution);
            case TRADE_CANCEL:
                return onTradeBust(order, execution);
            case TRADE_CORRECT:
                return onTradeCorrection(order, execution);
            case DONE_FOR_DAY:
                if (!order.isDone())
                {
                    finish(order, OrdStatus.DONE_FOR_DAY);
                    actions.report(order, ExecType.DONE_FOR_DAY, order.clOrdId, null, 0, 0, execution.text(),
                        NO_REJECT_REASON);
                }
                return true;
            default:
                // Pending acknowledgements, restatements and status answers change nothing here.
                return true;
        }
    }

    /** The venue refused a cancel or replace: the order stands as it was. */
    public boolean onVenueCancelReject(final String venueClOrdId, final int cxlRejReason, final String text)
    {
        final Order order = book.byVenueClOrdId(venueClOrdId);
        if (order == null || order.pending == null || !order.pending.venueClOrdId().equals(venueClOrdId))
        {
            return false;
        }
        final PendingChange pending = order.pending;
        order.pending = null;
        if (!order.isDone())
        {
            order.status = restingStatus(order);
        }
        actions.cancelReject(order.sessionId, pending.clOrdId(), order.clOrdId, order, !pending.cancel(),
            cxlRejReason < 0 ? OrderCancelReject.OTHER : cxlRejReason, text);
        return true;
    }

    private boolean onVenueNew(final Order order)
    {
        if (order.status != OrdStatus.PENDING_NEW)
        {
            return true;
        }
        order.status = OrdStatus.NEW;
        actions.report(order, ExecType.NEW, order.clOrdId, null, 0, 0, null, NO_REJECT_REASON);
        return true;
    }

    private boolean onTrade(final Order order, final VenueExecution execution)
    {
        final long lastQty = execution.lastQty();
        if (order.isDone() || lastQty <= 0 || lastQty > order.leavesQty)
        {
            // An overfill or a fill after the end: never booked (reconciliation reports it).
            return false;
        }
        fillsByExecId.put(execution.venue() + "\u0001" + execution.execId(), new long[] {lastQty, execution.lastPx()});
        order.cumQty += lastQty;
        order.leavesQty -= lastQty;
        order.cumNotional += (lastQty / 10_000.0) * (execution.lastPx() / 100_000_000.0);
        if (order.leavesQty == 0)
        {
            order.status = OrdStatus.FILLED;
        }
        else if (order.pending == null)
        {
            order.status = OrdStatus.PARTIALLY_FILLED;
        }
        actions.report(order, ExecType.TRADE, order.clOrdId, null, lastQty, execution.lastPx(), null, NO_REJECT_REASON);
        return true;
    }

    private boolean onVenueCanceled(final Order order, final VenueExecution execution)
    {
        if (order.isDone())
        {
            return true;
        }
        final PendingChange pending = order.pending;
        if (pending != null && pending.cancel())
        {
            order.pending = null;
            if (!pending.clOrdId().equals(order.clOrdId))
            {
                order.origClOrdId = order.clOrdId;
                order.clOrdId = pending.clOrdId();
                book.aliasClOrdId(order, order.clOrdId);
            }
            finish(order, OrdStatus.CANCELED);
            actions.report(order, ExecType.CANCELED, order.clOrdId, order.origClOrdId, 0, 0, execution.text(),
                NO_REJECT_REASON);
            return true;
        }
        // The venue ended the order on its own: IOC/FOK remainder, expiry, or an unsolicited cancel.
        order.pending = null;
        final boolean expired = execution.execType() == ExecType.EXPIRED;
        finish(order, expired ? OrdStatus.EXPIRED : OrdStatus.CANCELED);
        actions.report(order, expired ? ExecType.EXPIRED : ExecType.CANCELED, order.clOrdId, null, 0, 0,
            execution.text() != null ? execution.text() : "Canceled by the venue", NO_REJECT_REASON);
        return true;
    }

    private boolean onReplaced(final Order order)
    {
        final PendingChange pending = order.pending;
        if (pending == null || pending.cancel() || order.isDone())
        {
            // A replace cannot bring back an order that has ended meanwhile.
            return false;
        }
        order.pending = null;
        order.origClOrdId = order.clOrdId;
        order.clOrdId = pending.clOrdId();
        book.aliasClOrdId(order, order.clOrdId);
        order.venueClOrdId = pending.venueClOrdId();
        // Fills while the replace was pending may have passed the new quantity: the order is then done.
        order.orderQty = Math.max(pending.newQty(), order.cumQty);
        order.price = pending.newPrice();
        order.leavesQty = order.orderQty - order.cumQty;
        order.status = restingStatus(order);
        actions.report(order, ExecType.REPLACED, order.clOrdId, order.origClOrdId, 0, 0, null, NO_REJECT_REASON);
        return true;
    }

    private boolean onVenueRejected(final Order order, final VenueExecution execution)
    {
        if (order.status != OrdStatus.PENDING_NEW)
        {
            return false;
        }
        finish(order, OrdStatus.REJECTED);
        actions.report(order, ExecType.REJECTED, order.clOrdId, null, 0, 0,
            execution.text() != null ? execution.text() : "Rejected by the venue",
            execution.ordRejReason() >= 0 ? execution.ordRejReason() : REJECT_BROKER_OPTION);
        return true;
    }

    private boolean onTradeBust(final Order order, final VenueExecution execution)
    {
        final long[] fill = fillsByExecId.remove(execution.venue() + "\u0001" + execution.execRefId());
        if (fill == null)
        {
            return false;
        }
        order.cumQty -= fill[0];
        order.cumNotional -= (fill[0] / 10_000.0) * (fill[1] / 100_000_000.0);
        reopenAfterFillChange(order);
        actions.report(order, ExecType.TRADE_CANCEL, order.clOrdId, null, 0, 0,
            "Trade " + execution.execRefId() + " canceled by the venue", NO_REJECT_REASON);
        return true;
    }

    private boolean onTradeCorrection(final Order order, final VenueExecution execution)
    {
        final String key = execution.venue() + "\u0001" + execution.execRefId();
        final long[] fill = fillsByExecId.get(key);
        final long correctedQty = execution.lastQty();
        if (fill == null || correctedQty < 0 || order.cumQty - fill[0] + correctedQty > order.orderQty)
        {
            return false;
        }
        order.cumQty += correctedQty - fill[0];
        order.cumNotional += (correctedQty / 10_000.0) * (execution.lastPx() / 100_000_000.0) -
            (fill[0] / 10_000.0) * (fill[1] / 100_000_000.0);
        fill[0] = correctedQty;
        fill[1] = execution.lastPx();
        reopenAfterFillChange(order);
        actions.report(order, ExecType.TRADE_CORRECT, order.clOrdId, null, correctedQty, execution.lastPx(),
            "Trade " + execution.execRefId() + " corrected by the venue", NO_REJECT_REASON);
        return true;
    }

    /** After a bust or correction: leaves follow cum unless the order had ended otherwise. */
    private static void reopenAfterFillChange(final Order order)
    {
        if (order.status == OrdStatus.FILLED || !order.isDone())
        {
            order.leavesQty = order.orderQty - order.cumQty;
            order.status = order.leavesQty == 0 ? OrdStatus.FILLED : restingStatus(order);
        }
    }

    private Order changeTarget(
        final long sessionId, final String clOrdId, final String origClOrdId, final boolean forReplace)
    {
        final Order order = book.byClOrdId(sessionId, origClOrdId);
        if (!book.claimClOrdId(sessionId, clOrdId))
        {
            actions.cancelReject(sessionId, clOrdId, origClOrdId, order, forReplace,
                OrderCancelReject.DUPLICATE_CLORDID, "Duplicate ClOrdID " + clOrdId);
            return null;
        }
        if (order == null)
        {
            actions.cancelReject(sessionId, clOrdId, origClOrdId, null, forReplace, OrderCancelReject.UNKNOWN_ORDER,
                "Unknown order " + origClOrdId);
            return null;
        }
        if (order.isDone())
        {
            actions.cancelReject(sessionId, clOrdId, origClOrdId, order, forReplace,
                OrderCancelReject.TOO_LATE_TO_CANCEL, "Too late to cancel: order is " + order.status);
            return null;
        }
        if (order.pending != null)
        {
            actions.cancelReject(sessionId, clOrdId, origClOrdId, order, forReplace,
                OrderCancelReject.ALREADY_PENDING, "A cancel or replace is already pending for " + order.clOrdId);
            return null;
        }
        if (order.venueClOrdId == null)
        {
            actions.cancelReject(sessionId, clOrdId, origClOrdId, order, forReplace, OrderCancelReject.OTHER,
                "Order is not at a venue yet");
            return null;
        }
        return order;
    }

    private void startChange(
        final Order order, final PendingChange change, final OrdStatus status, final ExecType execType)
    {
        order.pending = change;
        order.status = status;
        book.aliasVenueClOrdId(order, change.venueClOrdId());
        actions.report(order, execType, change.clOrdId(), order.clOrdId, 0, 0, null, NO_REJECT_REASON);
    }

    private static OrdStatus restingStatus(final Order order)
    {
        if (order.leavesQty == 0 && order.cumQty > 0)
        {
            return OrdStatus.FILLED;
        }
        if (order.cumQty > 0)
        {
            return OrdStatus.PARTIALLY_FILLED;
        }
        return order.venueOrderId == null ? OrdStatus.PENDING_NEW : OrdStatus.NEW;
    }

    private static void finish(final Order order, final OrdStatus status)
    {
        order.status = status;
        order.leavesQty = 0;
    }

    private String nextVenueClOrdId()
    {
        return "B" + Long.toString(ids.next(), 36);
    }
}

package dev.bastion.oms.order;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.api.OrderCancelReject;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.api.TimeInForce;
import dev.bastion.oms.venue.VenueExecution;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The FIX order state machine (FIX 4.4, Volume 4, "Order State Changes"), for client orders routed
 * to one venue each. Client requests and venue reports come in; the order changes state and
 * {@link OrderActions} says what to tell the client and the venue. Invariant: until an order is
 * done, CumQty + LeavesQty = OrderQty; once done, LeavesQty = 0.
 *
 * <p>Rules worth knowing:
 * <ul>
 *     <li>An order is PendingNew from routing to the venue's acknowledgement; the client hears of
 *     it at once (ExecType PendingNew) with its OrderID.</li>
 *     <li>Fills during a pending cancel or replace stay on the original order (its ClOrdID) and are
 *     reported with the pending OrdStatus.</li>
 *     <li>A cancel or replace of a done order is refused as too late (CxlRejReason 0), of an order
 *     already waiting for one as already pending (3), of an unknown one as unknown (1).</li>
 *     <li>A replace restates the order: OrderQty, Price, StopPx, OrdType, TimeInForce and
 *     ExpireTime may change; Symbol and Side may not (CxlRejReason 99); OrderQty must stay above
 *     CumQty.</li>
 *     <li>A cancel the venue makes on its own (unsolicited, IOC remainder, expiry) is reported
 *     under the order's own ClOrdID, even while a client cancel is pending: that request is still
 *     answered by the venue, and its refusal (too late) reaches the client as an
 *     OrderCancelReject.</li>
 *     <li>A venue reject after the acknowledgement ends the order as Rejected.</li>
 *     <li>Each venue ExecID is applied once per order. A done order keeps its execution history
 *     (for busts and corrections of its fills) until {@code doneOrdersRemembered} later orders
 *     have ended; then it is forgotten, so memory stays bounded.</li>
 * </ul>
 */
public final class OrderStateMachine
{
    public static final int NO_REJECT_REASON = -1;
    /** OrdRejReason (103) values the OMS uses. */
    public static final int REJECT_BROKER_OPTION = 0;
    public static final int REJECT_UNKNOWN_SYMBOL = 1;
    public static final int REJECT_EXCEEDS_LIMIT = 3;
    public static final int REJECT_UNKNOWN_ORDER = 5;
    public static final int REJECT_DUPLICATE_ORDER = 6;
    public static final int REJECT_UNSUPPORTED = 11;
    public static final int REJECT_INCORRECT_QUANTITY = 13;
    public static final int REJECT_UNKNOWN_ACCOUNT = 15;
    public static final int REJECT_OTHER = 99;
    /** How many done orders keep their execution history by default. */
    public static final int DEFAULT_DONE_ORDERS_REMEMBERED = 16_384;

    private static final String NO_VENUE_ORDER_ID = "NONE";

    private final OrderBook book;
    private final OrderActions actions;
    private final OrderIdGenerator ids;
    private final int doneOrdersRemembered;
    private final ArrayDeque<Order> recentlyDone = new ArrayDeque<>();
    private long duplicateExecutions;

    public OrderStateMachine(final OrderBook book, final OrderActions actions, final OrderIdGenerator ids)
    {
        this(book, actions, ids, DEFAULT_DONE_ORDERS_REMEMBERED);
    }

    /**
     * @param doneOrdersRemembered how many done orders keep their ExecIDs and fills; a bust or
     *                             correction of an older order's fill is refused as unknown.
     */
    public OrderStateMachine(
        final OrderBook book, final OrderActions actions, final OrderIdGenerator ids, final int doneOrdersRemembered)
    {
        if (doneOrdersRemembered < 1)
        {
            throw new IllegalArgumentException("doneOrdersRemembered must be positive: " + doneOrdersRemembered);
        }
        this.book = book;
        this.actions = actions;
        this.ids = ids;
        this.doneOrdersRemembered = doneOrdersRemembered;
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

    /** Done orders whose execution history is still kept (at most {@code doneOrdersRemembered}). */
    public int rememberedDoneOrders()
    {
        return recentlyDone.size();
    }

    // ---------------------------------------------------------------- recovery

    /**
     * Puts an order the order store kept back in the book at start-up, before any event: its
     * ClOrdIDs are taken again, and it is found by its venue ClOrdIDs (a pending request's too). A
     * restored done order has no execution history: a bust of one of its fills is refused as unknown.
     *
     * @return the order as the book now holds it.
     */
    public Order restore(final OrderSnapshot snapshot)
    {
        final Order order = new Order(snapshot.orderId(), snapshot.sessionId(), snapshot.clOrdId(),
            snapshot.account(), snapshot.symbol(), snapshot.side(), snapshot.ordType(), snapshot.timeInForce(),
            snapshot.orderQty(), snapshot.price(), snapshot.stopPrice(), snapshot.expireTimeNanos());
        order.origClOrdId = snapshot.origClOrdId();
        order.status = snapshot.status();
        order.cumQty = snapshot.cumQty();
        order.leavesQty = snapshot.leavesQty();
        order.notionalHigh = snapshot.notionalHigh();
        order.notionalLow = snapshot.notionalLow();
        order.venue = snapshot.venue();
        order.venueClOrdId = snapshot.venueClOrdId();
        order.venueOrderId = snapshot.venueOrderId();
        order.pending = snapshot.pending();
        order.executionsForgotten = order.isDone();
        order.restored = true;
        ids.advancePast(order.orderId);
        book.claimClOrdId(order.sessionId, order.clOrdId);
        book.add(order);
        if (order.origClOrdId != null)
        {
            book.claimClOrdId(order.sessionId, order.origClOrdId);
            book.aliasClOrdId(order, order.origClOrdId);
        }
        if (order.venueClOrdId != null)
        {
            book.aliasVenueClOrdId(order, order.venueClOrdId);
            advancePastVenueClOrdId(order.venueClOrdId);
        }
        if (order.pending != null)
        {
            book.claimClOrdId(order.sessionId, order.pending.clOrdId());
            book.aliasVenueClOrdId(order, order.pending.venueClOrdId());
            advancePastVenueClOrdId(order.pending.venueClOrdId());
        }
        return order;
    }

    private void advancePastVenueClOrdId(final String venueClOrdId)
    {
        if (venueClOrdId.length() > 1 && venueClOrdId.charAt(0) == 'B')
        {
            try
            {
                ids.advancePast(Long.parseLong(venueClOrdId.substring(1), 36));
            }
            catch (final NumberFormatException ex)
            {
                // Not one of ours: nothing to advance past.
            }
        }
    }

    // ---------------------------------------------------------------- client requests

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
            order.status = OrdStatus.REJECTED;
            order.leavesQty = 0;
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

    /**
     * The router chose a venue: the order goes out under its venue ClOrdID and the client hears
     * it is PendingNew.
     */
    public void route(final Order order, final String venue)
    {
        order.venue = venue;
        order.venueClOrdId = nextVenueClOrdId();
        book.aliasVenueClOrdId(order, order.venueClOrdId);
        actions.sendToVenue(order);
        actions.report(order, ExecType.PENDING_NEW, order.clOrdId, null, 0, 0, null, NO_REJECT_REASON);
    }

    public void cancel(final long sessionId, final String clOrdId, final String origClOrdId)
    {
        final Order order = changeTarget(sessionId, clOrdId, origClOrdId, false);
        if (order == null)
        {
            return;
        }
        startChange(order, PendingChange.cancel(clOrdId, nextVenueClOrdId()));
    }

    /**
     * The order a cancel or replace names, once the request's ClOrdID is claimed and the order can
     * be changed; otherwise the client has been sent an OrderCancelReject and the answer is null.
     */
    public Order changeTarget(
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
                OrderCancelReject.TOO_LATE_TO_CANCEL, "Too late to " + (forReplace ? "replace" : "cancel") +
                ": order is " + order.status);
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

    /**
     * Why a replace with these terms cannot be made, or null when it can. Symbol and Side are
     * fixed for an order's life; the other terms must make a valid order.
     *
     * @param symbol the request's Symbol, or null when it sent none.
     * @param side   the request's Side, or null when it sent none.
     */
    public static String replaceRefusal(
        final Order order, final String symbol, final Side side, final OrdType ordType, final TimeInForce timeInForce,
        final long qty, final long price, final long stopPrice, final long expireTimeNanos)
    {
        if (symbol != null && !symbol.equals(order.symbol))
        {
            return "A replace cannot change Symbol (" + order.symbol + " to " + symbol + ")";
        }
        if (side != null && side != order.side)
        {
            return "A replace cannot change Side (" + order.side + " to " + side + ")";
        }
        if (qty == FixedPoint.NONE || qty <= order.cumQty)
        {
            return "OrderQty must be above the filled quantity " + FixedPoint.qtyToDouble(order.cumQty);
        }
        return invalidTerms(ordType, timeInForce, qty, price, stopPrice, expireTimeNanos);
    }

    /** Why order terms cannot be sent to a venue, or null when they can. */
    public static String invalidTerms(
        final OrdType ordType, final TimeInForce timeInForce, final long qty, final long price, final long stopPrice,
        final long expireTimeNanos)
    {
        if (qty == FixedPoint.NONE || qty <= 0)
        {
            return "OrderQty must be positive";
        }
        final boolean priced = ordType == OrdType.LIMIT || ordType == OrdType.STOP_LIMIT;
        if (priced && (price == FixedPoint.NONE || price <= 0))
        {
            return ordType + " order needs a positive Price";
        }
        final boolean stopped = ordType == OrdType.STOP || ordType == OrdType.STOP_LIMIT;
        if (stopped && (stopPrice == FixedPoint.NONE || stopPrice <= 0))
        {
            return ordType + " order needs a positive StopPx";
        }
        if (timeInForce == TimeInForce.GOOD_TILL_DATE && expireTimeNanos == Long.MIN_VALUE)
        {
            return "GTD order needs an ExpireTime";
        }
        if (timeInForce == TimeInForce.AT_THE_OPENING)
        {
            return "TimeInForce At the Opening is not supported";
        }
        return null;
    }

    /** A cancel or replace refused by the OMS itself (risk, invalid terms): the order stands. */
    public void refuseChange(
        final long sessionId, final String clOrdId, final Order order, final boolean forReplace, final int cxlRejReason,
        final String text)
    {
        actions.cancelReject(sessionId, clOrdId, order.clOrdId, order, forReplace, cxlRejReason, text);
    }

    /**
     * Sends a replace the caller has checked ({@link #changeTarget}, {@link #replaceRefusal},
     * risk): the order is PendingReplace until the venue answers.
     */
    public void replace(
        final Order order, final String clOrdId, final OrdType ordType, final TimeInForce timeInForce,
        final long qty, final long price, final long stopPrice, final long expireTimeNanos)
    {
        final boolean priced = ordType == OrdType.LIMIT || ordType == OrdType.STOP_LIMIT;
        final boolean stopped = ordType == OrdType.STOP || ordType == OrdType.STOP_LIMIT;
        final PendingChange replace = new PendingChange(false, clOrdId, nextVenueClOrdId(), qty,
            priced ? price : FixedPoint.NONE, stopped ? stopPrice : FixedPoint.NONE, ordType, timeInForce,
            timeInForce == TimeInForce.GOOD_TILL_DATE ? expireTimeNanos : Long.MIN_VALUE);
        startChange(order, replace);
    }

    /** A replace of quantity and price only, every other term kept (tests, simple clients). */
    public void replace(
        final long sessionId, final String clOrdId, final String origClOrdId, final long newQty, final long newPrice)
    {
        final Order order = changeTarget(sessionId, clOrdId, origClOrdId, true);
        if (order == null)
        {
            return;
        }
        final long price = newPrice == FixedPoint.NONE ? order.price : newPrice;
        final String refusal = replaceRefusal(order, null, null, order.ordType, order.timeInForce, newQty, price,
            order.stopPrice, order.expireTimeNanos);
        if (refusal != null)
        {
            refuseChange(sessionId, clOrdId, order, true, OrderCancelReject.OTHER, refusal);
            return;
        }
        replace(order, clOrdId, order.ordType, order.timeInForce, newQty, price, order.stopPrice,
            order.expireTimeNanos);
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
            if (order.pending == null && order.venueClOrdId != null)
            {
                startChange(order, PendingChange.cancel(order.clOrdId, nextVenueClOrdId()));
                affected++;
            }
        }
        return affected;
    }

    /**
     * Cancels one open order on the OMS's own initiative (cancel-on-disconnect, the kill switch):
     * PendingCancel to the client now, Canceled when the venue confirms, as for a client's cancel.
     *
     * @return false when the order is done, not yet at a venue, or has a change pending already
     *         (which then runs its course).
     */
    public boolean cancelOpen(final Order order)
    {
        if (order.isDone() || order.pending != null || order.venueClOrdId == null)
        {
            return false;
        }
        startChange(order, PendingChange.cancel(order.clOrdId, nextVenueClOrdId()));
        return true;
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

    // ---------------------------------------------------------------- venue reports

    public VenueReportOutcome onVenueExecution(final VenueExecution execution)
    {
        Order order = book.byVenueClOrdId(execution.venueClOrdId());
        if (order == null)
        {
            order = book.byVenueClOrdId(execution.origVenueClOrdId());
        }
        if (order == null)
        {
            return VenueReportOutcome.UNKNOWN_ORDER;
        }
        final String execId = execution.execId();
        if (execId != null)
        {
            if (order.executionApplied(execId))
            {
                duplicateExecutions++;
                return VenueReportOutcome.DUPLICATE;
            }
            if (!order.executionsForgotten)
            {
                order.recordExecution(execId);
            }
        }
        final String venueOrderId = execution.venueOrderId();
        if (isVenueOrderId(venueOrderId) &&
            (execution.execType() != ExecType.ORDER_STATUS || order.venueOrderId == null))
        {
            order.venueOrderId = venueOrderId;
        }
        switch (execution.execType())
        {
            case NEW:
                return onVenueNew(order);
            case TRADE:
                return onTrade(order, execution);
            case CANCELED:
            case EXPIRED:
                return onVenueCanceled(order, execution, execution.execType() == ExecType.EXPIRED,
                    execution.execType() == ExecType.CANCELED && !execution.unsolicited(), execution.text());
            case DONE_FOR_DAY:
                return onVenueDoneForDay(order, execution);
            case REPLACED:
                return onReplaced(order);
            case REJECTED:
                return onVenueRejected(order, execution);
            case TRADE_CANCEL:
                return onTradeBust(order, execution);
            case TRADE_CORRECT:
                return onTradeCorrection(order, execution);
            case ORDER_STATUS:
                return onVenueStatus(order, execution);
            default:
                // Pending acknowledgements and restatements change nothing here.
                return VenueReportOutcome.APPLIED;
        }
    }

    /**
     * The venue refused a cancel or replace: the order stands as it was, and the client hears
     * why. A refusal that matches no pending request is not applied (the caller logs it).
     */
    public VenueReportOutcome onVenueCancelReject(final String venueClOrdId, final int cxlRejReason, final String text)
    {
        final Order order = book.byVenueClOrdId(venueClOrdId);
        if (order == null || order.pending == null || !order.pending.venueClOrdId().equals(venueClOrdId))
        {
            return VenueReportOutcome.UNKNOWN_ORDER;
        }
        final PendingChange pending = order.pending;
        order.pending = null;
        if (!order.isDone())
        {
            order.status = restingStatus(order);
        }
        actions.cancelReject(order.sessionId, pending.clOrdId(), order.clOrdId, order, !pending.cancel(),
            cxlRejReason < 0 ? OrderCancelReject.OTHER : cxlRejReason, text);
        return VenueReportOutcome.APPLIED;
    }

    private VenueReportOutcome onVenueNew(final Order order)
    {
        if (order.status == OrdStatus.PENDING_NEW)
        {
            order.status = OrdStatus.NEW;
            actions.report(order, ExecType.NEW, order.clOrdId, null, 0, 0, null, NO_REJECT_REASON);
        }
        return VenueReportOutcome.APPLIED;
    }

    private VenueReportOutcome onTrade(final Order order, final VenueExecution execution)
    {
        final long lastQty = execution.lastQty();
        if (lastQty > 0 && order.countedByCumQty(execution.cumQty(), execution.possibleDuplicate()))
        {
            // The venue's CumQty says this fill is already in ours: a resend the ExecIDs no longer show
            // (after a restart), or a fill a status answer has applied as missed.
            duplicateExecutions++;
            return VenueReportOutcome.DUPLICATE;
        }
        if (order.isDone() || lastQty <= 0 || lastQty > order.leavesQty)
        {
            // An overfill or a fill after the end: never booked (reconciliation reports it).
            return VenueReportOutcome.OUT_OF_PLACE;
        }
        if (!order.executionsForgotten && execution.execId() != null)
        {
            order.addFill(new Order.Fill(execution.execId(), lastQty, execution.lastPx()));
        }
        order.cumQty += lastQty;
        order.leavesQty -= lastQty;
        order.addNotional(lastQty, execution.lastPx());
        if (order.leavesQty == 0)
        {
            finish(order, OrdStatus.FILLED);
        }
        else if (order.pending == null)
        {
            order.status = OrdStatus.PARTIALLY_FILLED;
        }
        actions.report(order, ExecType.TRADE, order.clOrdId, null, lastQty, execution.lastPx(), null, NO_REJECT_REASON);
        return VenueReportOutcome.APPLIED;
    }

    /**
     * @param expired     the venue expired the order rather than canceled it.
     * @param solicited   the report may answer the order's pending cancel request.
     */
    private VenueReportOutcome onVenueCanceled(
        final Order order, final VenueExecution execution, final boolean expired, final boolean solicited,
        final String text)
    {
        final PendingChange pending = order.pending;
        final boolean answersCancel = solicited && pending != null && pending.cancel();
        if (order.isDone())
        {
            if (answersCancel && pending.venueClOrdId().equals(execution.venueClOrdId()))
            {
                // The venue confirms our cancel of an order it had already ended: answer the request.
                order.pending = null;
                actions.cancelReject(order.sessionId, pending.clOrdId(), order.clOrdId, order, false,
                    OrderCancelReject.TOO_LATE_TO_CANCEL, "Too late to cancel: order is " + order.status);
                return VenueReportOutcome.APPLIED;
            }
            return VenueReportOutcome.OUT_OF_PLACE;
        }
        if (answersCancel)
        {
            order.pending = null;
            if (!pending.clOrdId().equals(order.clOrdId))
            {
                order.origClOrdId = order.clOrdId;
                order.clOrdId = pending.clOrdId();
                book.aliasClOrdId(order, order.clOrdId);
            }
            finish(order, OrdStatus.CANCELED);
            actions.report(order, ExecType.CANCELED, order.clOrdId, order.origClOrdId, 0, 0, text, NO_REJECT_REASON);
            return VenueReportOutcome.APPLIED;
        }
        // The venue ended the order on its own: IOC/FOK remainder, expiry, an unsolicited cancel.
        // A pending request stays: the venue still answers it, and its refusal reaches the client.
        finish(order, expired ? OrdStatus.EXPIRED : OrdStatus.CANCELED);
        actions.report(order, expired ? ExecType.EXPIRED : ExecType.CANCELED, order.clOrdId, null, 0, 0,
            text != null ? text : expired ? "Expired at the venue" : "Canceled by the venue", NO_REJECT_REASON);
        return VenueReportOutcome.APPLIED;
    }

    private VenueReportOutcome onVenueDoneForDay(final Order order, final VenueExecution execution)
    {
        if (order.isDone())
        {
            return VenueReportOutcome.OUT_OF_PLACE;
        }
        finish(order, OrdStatus.DONE_FOR_DAY);
        actions.report(order, ExecType.DONE_FOR_DAY, order.clOrdId, null, 0, 0, execution.text(), NO_REJECT_REASON);
        return VenueReportOutcome.APPLIED;
    }

    private VenueReportOutcome onReplaced(final Order order)
    {
        final PendingChange pending = order.pending;
        if (pending == null || pending.cancel() || order.isDone())
        {
            // A replace cannot bring back an order that has ended meanwhile.
            return VenueReportOutcome.OUT_OF_PLACE;
        }
        order.pending = null;
        order.origClOrdId = order.clOrdId;
        order.clOrdId = pending.clOrdId();
        book.aliasClOrdId(order, order.clOrdId);
        order.venueClOrdId = pending.venueClOrdId();
        order.ordType = pending.newOrdType();
        order.timeInForce = pending.newTimeInForce();
        order.expireTimeNanos = pending.newExpireTimeNanos();
        order.price = pending.newPrice();
        order.stopPrice = pending.newStopPrice();
        // Fills while the replace was pending may have passed the new quantity: the order is then done.
        order.orderQty = Math.max(pending.newQty(), order.cumQty);
        order.leavesQty = order.orderQty - order.cumQty;
        if (order.leavesQty == 0)
        {
            finish(order, OrdStatus.FILLED);
        }
        else
        {
            order.status = restingStatus(order);
        }
        actions.report(order, ExecType.REPLACED, order.clOrdId, order.origClOrdId, 0, 0, null, NO_REJECT_REASON);
        return VenueReportOutcome.APPLIED;
    }

    private VenueReportOutcome onVenueRejected(final Order order, final VenueExecution execution)
    {
        if (order.isDone())
        {
            return VenueReportOutcome.OUT_OF_PLACE;
        }
        // Before or after the acknowledgement: a venue that rejects an order has ended it.
        finish(order, OrdStatus.REJECTED);
        actions.report(order, ExecType.REJECTED, order.clOrdId, null, 0, 0,
            execution.text() != null ? execution.text() : "Rejected by the venue",
            execution.ordRejReason() >= 0 ? execution.ordRejReason() : REJECT_BROKER_OPTION);
        return VenueReportOutcome.APPLIED;
    }

    private VenueReportOutcome onTradeBust(final Order order, final VenueExecution execution)
    {
        final Order.Fill fill = execution.execRefId() == null ? null : order.fill(execution.execRefId());
        if (fill == null)
        {
            return VenueReportOutcome.OUT_OF_PLACE;
        }
        order.fills.remove(fill);
        order.cumQty -= fill.qty;
        order.subtractNotional(fill.qty, fill.px);
        reopenAfterFillChange(order);
        actions.report(order, ExecType.TRADE_CANCEL, order.clOrdId, null, 0, 0,
            "Trade " + execution.execRefId() + " canceled by the venue", NO_REJECT_REASON);
        return VenueReportOutcome.APPLIED;
    }

    private VenueReportOutcome onTradeCorrection(final Order order, final VenueExecution execution)
    {
        final Order.Fill fill = execution.execRefId() == null ? null : order.fill(execution.execRefId());
        final long correctedQty = execution.lastQty();
        if (fill == null || correctedQty < 0 || order.cumQty - fill.qty + correctedQty > order.orderQty)
        {
            return VenueReportOutcome.OUT_OF_PLACE;
        }
        order.cumQty += correctedQty - fill.qty;
        order.subtractNotional(fill.qty, fill.px);
        order.addNotional(correctedQty, execution.lastPx());
        fill.qty = correctedQty;
        fill.px = execution.lastPx();
        reopenAfterFillChange(order);
        actions.report(order, ExecType.TRADE_CORRECT, order.clOrdId, null, correctedQty, execution.lastPx(),
            "Trade " + execution.execRefId() + " corrected by the venue", NO_REJECT_REASON);
        return VenueReportOutcome.APPLIED;
    }

    /**
     * An answer to a status request (sent after a reconnect): the venue's view of the order. What
     * the OMS missed — the acknowledgement, fills (as one fill, see {@link #applyMissedFill}), the
     * order's end, a reject — is applied as if reported. A venue CumQty below the order's is a
     * discrepancy for reconciliation, not applied. Fills the venue resends later carry a CumQty the
     * order has reached already and are ignored as duplicates.
     */
    private VenueReportOutcome onVenueStatus(final Order order, final VenueExecution execution)
    {
        if (order.isDone())
        {
            return execution.ordStatus() == order.status && execution.cumQty() == order.cumQty ?
                VenueReportOutcome.APPLIED : VenueReportOutcome.DISCREPANCY;
        }
        if (!isVenueOrderId(execution.venueOrderId()))
        {
            // The venue does not know the order: it was lost on the way, or sent while the venue was down.
            return VenueReportOutcome.DISCREPANCY;
        }
        if (execution.cumQty() < order.cumQty)
        {
            return VenueReportOutcome.DISCREPANCY;
        }
        final boolean missedFill = execution.cumQty() > order.cumQty;
        if (missedFill && !applyMissedFill(order, execution))
        {
            return VenueReportOutcome.DISCREPANCY;
        }
        final VenueReportOutcome outcome = applyStatus(order, execution);
        return missedFill && outcome == VenueReportOutcome.APPLIED ? VenueReportOutcome.MISSED_FILL_APPLIED : outcome;
    }

    /**
     * The fills a status answer shows beyond the order's CumQty, applied as one fill: quantity the
     * difference in CumQty, price what the venue's AvgPx implies for it (the venue's notional less
     * the order's, over the quantity). Refused when it would pass OrderQty or the implied price is
     * not positive.
     */
    private boolean applyMissedFill(final Order order, final VenueExecution execution)
    {
        final long missedQty = execution.cumQty() - order.cumQty;
        if (missedQty > order.leavesQty || execution.avgPx() <= 0)
        {
            return false;
        }
        final BigInteger venueNotional =
            BigInteger.valueOf(execution.cumQty()).multiply(BigInteger.valueOf(execution.avgPx()));
        final BigInteger ours = BigInteger.valueOf(order.notionalHigh).shiftLeft(64)
            .add(new BigInteger(Long.toUnsignedString(order.notionalLow)));
        final BigInteger[] division = venueNotional.subtract(ours)
            .divideAndRemainder(BigInteger.valueOf(missedQty));
        long px = division[0].longValue();
        if (division[1].shiftLeft(1).compareTo(BigInteger.valueOf(missedQty)) >= 0)
        {
            px++;
        }
        if (px <= 0 || division[0].bitLength() > 62)
        {
            return false;
        }
        order.cumQty += missedQty;
        order.leavesQty -= missedQty;
        order.addNotional(missedQty, px);
        if (order.leavesQty == 0)
        {
            finish(order, OrdStatus.FILLED);
        }
        else if (order.pending == null)
        {
            order.status = OrdStatus.PARTIALLY_FILLED;
        }
        actions.report(order, ExecType.TRADE, order.clOrdId, null, missedQty, px,
            "Fill missed while disconnected, applied from the venue's order status", NO_REJECT_REASON);
        return true;
    }

    private VenueReportOutcome applyStatus(final Order order, final VenueExecution execution)
    {
        if (order.isDone())
        {
            return VenueReportOutcome.APPLIED;
        }
        switch (execution.ordStatus())
        {
            case NEW:
            case PARTIALLY_FILLED:
            case PENDING_CANCEL:
            case PENDING_REPLACE:
                return onVenueNew(order);
            case CANCELED:
            case EXPIRED:
                return onVenueCanceled(order, execution, execution.ordStatus() == OrdStatus.EXPIRED,
                    execution.ordStatus() == OrdStatus.CANCELED, execution.text() != null ? execution.text() :
                    "Ended at the venue while the connection was down (status after reconnect)");
            case DONE_FOR_DAY:
                return onVenueDoneForDay(order, execution);
            case REJECTED:
                return onVenueRejected(order, execution);
            default:
                return VenueReportOutcome.APPLIED;
        }
    }

    /** After a bust or correction: leaves follow cum unless the order had ended otherwise. */
    private void reopenAfterFillChange(final Order order)
    {
        if (order.status == OrdStatus.FILLED || !order.isDone())
        {
            order.leavesQty = order.orderQty - order.cumQty;
            if (order.leavesQty == 0)
            {
                finish(order, OrdStatus.FILLED);
            }
            else
            {
                order.status = order.pending == null ? restingStatus(order) :
                    order.pending.cancel() ? OrdStatus.PENDING_CANCEL : OrdStatus.PENDING_REPLACE;
            }
        }
    }

    /** The request goes to the venue first, then the client hears the order is pending the change. */
    private void startChange(final Order order, final PendingChange change)
    {
        order.pending = change;
        book.aliasVenueClOrdId(order, change.venueClOrdId());
        if (change.cancel())
        {
            order.status = OrdStatus.PENDING_CANCEL;
            actions.cancelAtVenue(order, change);
        }
        else
        {
            order.status = OrdStatus.PENDING_REPLACE;
            actions.replaceAtVenue(order, change);
        }
        // A mass cancel names no new ClOrdID: the order's own, and no OrigClOrdID.
        actions.report(order, change.cancel() ? ExecType.PENDING_CANCEL : ExecType.PENDING_REPLACE, change.clOrdId(),
            change.clOrdId().equals(order.clOrdId) ? null : order.clOrdId, 0, 0, null, NO_REJECT_REASON);
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

    private void finish(final Order order, final OrdStatus status)
    {
        final boolean wasDone = order.isDone();
        order.status = status;
        order.leavesQty = 0;
        if (!wasDone && order.venueClOrdId != null)
        {
            recentlyDone.addLast(order);
            if (recentlyDone.size() > doneOrdersRemembered)
            {
                final Order oldest = recentlyDone.pollFirst();
                // An order a bust reopened is open again: it keeps its history until it ends again.
                if (oldest.isDone())
                {
                    oldest.forgetExecutions();
                }
            }
        }
    }

    private static boolean isVenueOrderId(final String venueOrderId)
    {
        return venueOrderId != null && !venueOrderId.isEmpty() && !NO_VENUE_ORDER_ID.equals(venueOrderId);
    }

    private String nextVenueClOrdId()
    {
        return "B" + Long.toString(ids.next(), 36);
    }
}

package dev.bastion.oms.venue.sim;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.api.TimeInForce;
import dev.bastion.oms.venue.VenueOrder;
import dev.bastion.oms.venue.fix.FixDecimals;

import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated market: one book of resting orders per symbol against that symbol's price path.
 *
 * <p>Rules. On arrival an order trades at once at the current price if it crosses it (a market
 * order always does), up to what is left of the current step's volume on its side; the rest
 * rests (Day, GTC, GTD) or is canceled (IOC; FOK trades all or nothing). On each step, GTD orders
 * past their ExpireTime expire, stops whose price the path touched trigger, and resting orders
 * that cross the new price fill in priority (market, then best limit, then time) up to the step's
 * volume: a resting limit order at its own limit, a market order or a just-triggered stop at the
 * step's price. Each side of a step has the step's whole volume. Day orders expire at the end of
 * the day. A bust or correction of a filled order reopens it, as FIX 4.4's order state rules say.
 *
 * <p>Not thread-safe: the simulator calls it from its one engine thread only; tests call it directly.
 */
final class MatchingEngine
{
    /** OrdRejReason (103), FIX 4.4 codes; the FIX 4.2 session writes 0 for those 4.2 lacks. */
    static final int REJECT_BROKER_OPTION = 0;
    static final int REJECT_UNKNOWN_SYMBOL = 1;
    static final int REJECT_UNKNOWN_ORDER = 5;
    static final int REJECT_DUPLICATE_ORDER = 6;
    static final int REJECT_UNSUPPORTED = 11;
    static final int REJECT_OTHER = 99;
    /** CxlRejReason (102), FIX 4.4 codes. */
    static final int CXL_TOO_LATE = 0;
    static final int CXL_UNKNOWN_ORDER = 1;
    static final int CXL_DUPLICATE_CLORDID = 6;
    static final int CXL_OTHER = 99;
    /** OrderID of a report about no order (status of an unknown ClOrdID). */
    static final String NO_ORDER = "NONE";
    private static final int REJECT_NONE = -1;

    private static final Comparator<SimOrder> PRIORITY = Comparator
        .comparing((SimOrder order) -> !order.isMarketLike())
        .thenComparing((a, b) -> a.isBuy() ? Long.compare(b.price, a.price) : Long.compare(a.price, b.price))
        .thenComparingLong(order -> order.sequence);

    private final Map<String, Book> books = new LinkedHashMap<>();
    private final Map<String, Map<String, SimOrder>> ordersBySession = new HashMap<>();
    private final Map<String, SimOrder> ordersById = new LinkedHashMap<>();
    private final Map<String, Fill> fillsByExecId = new HashMap<>();
    private final SimulatorOutput output;
    private final InstantSource clock;
    private final LocalTime endOfDay;
    private final String idPrefix;
    private LocalDate lastEndOfDay;
    private long orderIds;
    private long execIds;
    private long sequence;

    private boolean immediateFill;
    private int rejectNextCount;
    private Rejection rejectNext;
    private final Map<String, Rejection> rejectedSymbols = new HashMap<>();
    private int partialThenCancelCount;
    private double partialFraction;

    MatchingEngine(final VenueSimulatorConfiguration configuration, final SimulatorOutput output)
    {
        configuration.requireConcluded();
        this.output = output;
        this.clock = configuration.clock();
        this.endOfDay = configuration.endOfDay();
        this.idPrefix = configuration.idPrefix();
        this.immediateFill = configuration.immediateFill();
        for (final SimulatedInstrument instrument : configuration.instrumentList())
        {
            books.put(instrument.symbol(), new Book(new PricePath(instrument, configuration.seed())));
        }
        if (endOfDay != null)
        {
            final Instant now = clock.instant();
            final LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            // Started after today's close: the first close to apply is tomorrow's.
            lastEndOfDay = now.isBefore(today.atTime(endOfDay).toInstant(ZoneOffset.UTC)) ? today.minusDays(1) : today;
        }
    }

    // ---------------------------------------------------------------- requests from sessions

    void newOrder(final String session, final OrderRequest request)
    {
        final Map<String, SimOrder> orders = ordersBySession.computeIfAbsent(session, key -> new HashMap<>());
        if (orders.containsKey(request.clOrdId()))
        {
            if (request.possibleDuplicate())
            {
                return; // a resend of an order already booked: it was answered the first time
            }
            reject(session, request, REJECT_DUPLICATE_ORDER, "Duplicate ClOrdID " + request.clOrdId());
            return;
        }
        final Book book = books.get(request.symbol());
        final Rejection rejection = rejectionFor(request, book);
        if (rejection != null)
        {
            final SimOrder rejected = reject(session, request, rejection.reason(), rejection.text());
            orders.put(request.clOrdId(), rejected);
            return;
        }

        final SimOrder order = new SimOrder(session, nextOrderId(), request);
        orders.put(order.clOrdId, order);
        ordersById.put(order.orderId, order);
        output.orderBooked(entry(order, true));
        order.sequence = ++sequence;
        order.enteredStep = book.path.step();
        report(order, ExecType.NEW, 0, 0, null);

        if (immediateFill)
        {
            fill(order, order.leavesQty, order.isMarketLike() ? book.path.price() : order.price);
            return;
        }
        if (partialThenCancelCount > 0)
        {
            partialThenCancelCount--;
            final long partQty = (long)Math.floor(order.qty * partialFraction);
            if (partQty > 0)
            {
                fill(order, Math.min(partQty, order.leavesQty), order.isMarketLike() ? book.path.price() : order.price);
            }
            if (!order.isDone())
            {
                cancelByVenue(order, "Remainder canceled by the venue");
            }
            return;
        }
        enter(book, order);
    }

    void cancel(final String session, final String clOrdId, final String origClOrdId, final boolean possibleDuplicate)
    {
        final SimOrder order = changeTarget(session, clOrdId, origClOrdId, possibleDuplicate, false);
        if (order == null)
        {
            return;
        }
        order.origClOrdId = origClOrdId;
        order.clOrdId = clOrdId;
        ordersBySession.get(session).put(clOrdId, order);
        finish(order, OrdStatus.CANCELED);
        report(order, ExecType.CANCELED, 0, 0, null);
    }

    void replace(final String session, final OrderRequest request)
    {
        final SimOrder order =
            changeTarget(session, request.clOrdId(), request.origClOrdId(), request.possibleDuplicate(), true);
        if (order == null)
        {
            return;
        }
        final String refusal = replaceRefusal(order, request);
        if (refusal != null)
        {
            cancelReject(session, order, request.clOrdId(), request.origClOrdId(), true, CXL_OTHER, refusal);
            return;
        }
        order.amend(request);
        order.origClOrdId = request.origClOrdId();
        ordersBySession.get(session).put(order.clOrdId, order);
        order.status = order.cumQty > 0 ? OrdStatus.PARTIALLY_FILLED : OrdStatus.NEW;
        final Book book = books.get(order.symbol);
        order.sequence = ++sequence;
        order.enteredStep = book.path.step();
        report(order, ExecType.REPLACED, 0, 0, null);
        enter(book, order);
    }

    /** OrderStatusRequest: the order's state as an Order Status report, or an unknown-order report. */
    void status(final String session, final String clOrdId, final String statusRequestId, final String symbol,
        final Side side)
    {
        final SimOrder order = ordersBySession.getOrDefault(session, Map.of()).get(clOrdId);
        if (order == null)
        {
            output.execution(new SimExecution(session, NO_ORDER, clOrdId, null, nextExecId(), null,
                ExecType.ORDER_STATUS, OrdStatus.REJECTED, symbol, side, null, null, 0, FixedPoint.NONE,
                FixedPoint.NONE, VenueOrder.NO_TIME, null, 0, 0, 0, 0, 0, "Unknown order " + clOrdId,
                REJECT_UNKNOWN_ORDER, now(), statusRequestId, null, 0, false, false));
            return;
        }
        output.execution(execution(order, ExecType.ORDER_STATUS, 0, 0, null, null, REJECT_NONE, statusRequestId,
            null, 0, false, false));
    }

    /** OrderMassStatusRequest: one Order Status report per open order of the session (of one symbol, or all). */
    void massStatus(final String session, final String massStatusRequestId, final String symbol)
    {
        final List<SimOrder> open = new ArrayList<>();
        for (final SimOrder order : ordersById.values())
        {
            if (order.session.equals(session) && !order.isDone() && (symbol == null || symbol.equals(order.symbol)))
            {
                open.add(order);
            }
        }
        for (int i = 0; i < open.size(); i++)
        {
            output.execution(execution(open.get(i), ExecType.ORDER_STATUS, 0, 0, null, null, REJECT_NONE, null,
                massStatusRequestId, open.size(), i == open.size() - 1, false));
        }
    }

    // ---------------------------------------------------------------- the market

    /** Steps every symbol's price path once, then expires, triggers and fills. */
    List<PriceTick> step()
    {
        closeDayAndExpire();
        final List<PriceTick> ticks = new ArrayList<>(books.size());
        for (final Book book : books.values())
        {
            ticks.add(onTick(book, book.path.next()));
        }
        return ticks;
    }

    /** Steps one symbol to an exact price and volume (tests that need a chosen path). */
    PriceTick step(final String symbol, final long price, final long volume)
    {
        final Book book = book(symbol);
        closeDayAndExpire();
        return onTick(book, book.path.set(price, volume));
    }

    PriceTick lastTick(final String symbol)
    {
        return book(symbol).path.tick();
    }

    /** Expires every open Day order (the close of the simulated trading day). */
    void endOfDay()
    {
        for (final Book book : books.values())
        {
            for (final SimOrder order : List.copyOf(book.orders))
            {
                if (order.timeInForce == TimeInForce.DAY && !order.isDone())
                {
                    expire(order, "Day order expired at the end of the day");
                }
            }
        }
    }

    // ---------------------------------------------------------------- commands for tests

    void cancelUnsolicited(final String clOrdId, final String text)
    {
        final SimOrder order = orderByAnyClOrdId(clOrdId);
        if (order.isDone())
        {
            throw new IllegalStateException("order " + clOrdId + " is already " + order.status);
        }
        cancelByVenue(order, text != null ? text : "Canceled by the venue");
    }

    /** Ends an open order for the day (ExecType 3 Done for day), as a venue does at its close. */
    void doneForDay(final String clOrdId, final String text)
    {
        final SimOrder order = orderByAnyClOrdId(clOrdId);
        if (order.isDone())
        {
            throw new IllegalStateException("order " + clOrdId + " is already " + order.status);
        }
        finish(order, OrdStatus.DONE_FOR_DAY);
        output(execution(order, ExecType.DONE_FOR_DAY, 0, 0, null, text != null ? text : "Done for the day",
            REJECT_NONE, null, null, 0, false, false));
    }

    /** Busts a trade: ExecType H with ExecRefID, CumQty back down; a filled order reopens. */
    SimExecution bust(final String execId)
    {
        final Fill fill = fillsByExecId.remove(execId);
        if (fill == null)
        {
            throw new IllegalArgumentException("no trade with ExecID " + execId + " to bust");
        }
        final SimOrder order = fill.order;
        order.cumQty -= fill.qty;
        order.removeFill(fill.qty, fill.px);
        return afterFillChange(order, ExecType.TRADE_CANCEL, 0, 0, execId, "Trade " + execId + " busted");
    }

    /** Corrects a trade's quantity and price: ExecType G with ExecRefID and the corrected LastQty/LastPx. */
    SimExecution correct(final String execId, final long qty, final long px)
    {
        final Fill fill = fillsByExecId.get(execId);
        if (fill == null)
        {
            throw new IllegalArgumentException("no trade with ExecID " + execId + " to correct");
        }
        final SimOrder order = fill.order;
        if (qty <= 0 || px <= 0 || order.cumQty - fill.qty + qty > order.qty)
        {
            throw new IllegalArgumentException("cannot correct " + execId + " to " + FixedPoint.qtyToDouble(qty) +
                " @ " + FixedPoint.priceToDouble(px) + " on " + order);
        }
        order.cumQty += qty - fill.qty;
        order.removeFill(fill.qty, fill.px);
        order.addFill(qty, px);
        fill.qty = qty;
        fill.px = px;
        return afterFillChange(order, ExecType.TRADE_CORRECT, qty, px, execId, "Trade " + execId + " corrected");
    }

    void immediateFill(final boolean enabled)
    {
        immediateFill = enabled;
    }

    void rejectNext(final int count, final int ordRejReason, final String text)
    {
        rejectNextCount = count;
        rejectNext = new Rejection(ordRejReason, text);
    }

    void rejectSymbol(final String symbol, final int ordRejReason, final String text)
    {
        rejectedSymbols.put(symbol, new Rejection(ordRejReason, text));
    }

    void clearRejections()
    {
        rejectNextCount = 0;
        rejectedSymbols.clear();
    }

    void partialFillThenCancel(final int count, final double fraction)
    {
        if (!(fraction >= 0 && fraction < 1))
        {
            throw new IllegalArgumentException("fraction must be in [0, 1): " + fraction);
        }
        partialThenCancelCount = count;
        partialFraction = fraction;
    }

    // ---------------------------------------------------------------- matching

    private PriceTick onTick(final Book book, final PriceTick tick)
    {
        book.buyVolume = tick.volume();
        book.sellVolume = tick.volume();
        final List<SimOrder> triggered = new ArrayList<>();
        for (final SimOrder order : book.orders)
        {
            if (order.isDormantStop() && order.stopTouched(tick.price()))
            {
                order.triggered = true;
                triggered.add(order);
            }
        }
        final List<SimOrder> resting = new ArrayList<>();
        for (final SimOrder order : book.orders)
        {
            if (!order.isDormantStop() && !triggered.contains(order) && order.enteredStep < tick.step())
            {
                resting.add(order);
            }
        }
        resting.sort(PRIORITY);
        for (final SimOrder order : resting)
        {
            final long available = book.volume(order);
            if (available > 0 && order.crosses(tick.price()))
            {
                final long qty = Math.min(order.leavesQty, available);
                book.consume(order, qty);
                fill(order, qty, order.isMarketLike() ? tick.price() : order.price);
            }
        }
        triggered.sort(Comparator.comparingLong(order -> order.sequence));
        for (final SimOrder order : triggered)
        {
            order.enteredStep = tick.step();
            enter(book, order);
        }
        return tick;
    }

    /** An order arriving (or triggered, or replaced): trade what crosses now, then rest or cancel the rest. */
    private void enter(final Book book, final SimOrder order)
    {
        final long marketPrice = book.path.price();
        if (order.isStop() && !order.triggered)
        {
            if (!order.stopTouched(marketPrice))
            {
                rest(book, order);
                return;
            }
            order.triggered = true;
        }
        final boolean crosses = order.crosses(marketPrice);
        final long available = book.volume(order);
        if (order.timeInForce == TimeInForce.FILL_OR_KILL && (!crosses || available < order.leavesQty))
        {
            cancelByVenue(order, "FOK order could not be filled in full");
            return;
        }
        if (crosses && available > 0)
        {
            final long qty = Math.min(order.leavesQty, available);
            book.consume(order, qty);
            fill(order, qty, marketPrice);
        }
        if (order.isDone())
        {
            return;
        }
        if (order.isImmediate())
        {
            cancelByVenue(order, order.cumQty > 0 ? "IOC remainder canceled" : "IOC order could not be filled");
            return;
        }
        rest(book, order);
    }

    private static void rest(final Book book, final SimOrder order)
    {
        if (!order.onBook)
        {
            order.onBook = true;
            book.orders.add(order);
        }
    }

    private void fill(final SimOrder order, final long qty, final long px)
    {
        order.cumQty += qty;
        order.leavesQty -= qty;
        order.addFill(qty, px);
        if (order.leavesQty == 0)
        {
            finish(order, OrdStatus.FILLED);
        }
        else
        {
            order.status = OrdStatus.PARTIALLY_FILLED;
        }
        final SimExecution trade = report(order, ExecType.TRADE, qty, px, null);
        fillsByExecId.put(trade.execId(), new Fill(order, qty, px));
    }

    private SimExecution afterFillChange(
        final SimOrder order, final ExecType execType, final long lastQty, final long lastPx, final String execRefId,
        final String text)
    {
        // As the OMS does: a filled order whose fills shrink is open again; a canceled or expired one stays done.
        final boolean reopen = order.status == OrdStatus.FILLED || !order.isDone();
        if (reopen)
        {
            order.leavesQty = order.qty - order.cumQty;
            if (order.leavesQty == 0)
            {
                finish(order, OrdStatus.FILLED);
            }
            else
            {
                order.status = order.cumQty > 0 ? OrdStatus.PARTIALLY_FILLED : OrdStatus.NEW;
            }
        }
        final SimExecution report = output(execution(order, execType, lastQty, lastPx, execRefId, text, REJECT_NONE,
            null, null, 0, false, false));
        if (reopen && !order.isDone())
        {
            if (order.isImmediate())
            {
                cancelByVenue(order, "IOC remainder canceled after a trade change");
            }
            else
            {
                final Book book = books.get(order.symbol);
                order.enteredStep = book.path.step();
                rest(book, order);
            }
        }
        return report;
    }

    private void closeDayAndExpire()
    {
        final Instant now = clock.instant();
        if (endOfDay != null)
        {
            final LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            if (today.isAfter(lastEndOfDay) && !now.isBefore(today.atTime(endOfDay).toInstant(ZoneOffset.UTC)))
            {
                lastEndOfDay = today;
                endOfDay();
            }
        }
        final long nowNanos = FixDecimals.epochNanos(now);
        for (final Book book : books.values())
        {
            for (final SimOrder order : List.copyOf(book.orders))
            {
                if (order.timeInForce == TimeInForce.GOOD_TILL_DATE && order.expireTimeNanos <= nowNanos)
                {
                    expire(order, "GTD order expired");
                }
            }
        }
    }

    private void expire(final SimOrder order, final String text)
    {
        finish(order, OrdStatus.EXPIRED);
        report(order, ExecType.EXPIRED, 0, 0, text);
    }

    private void cancelByVenue(final SimOrder order, final String text)
    {
        finish(order, OrdStatus.CANCELED);
        output(execution(order, ExecType.CANCELED, 0, 0, null, text, REJECT_NONE, null, null, 0, false, true));
    }

    private void finish(final SimOrder order, final OrdStatus status)
    {
        order.status = status;
        order.leavesQty = 0;
        if (order.onBook)
        {
            order.onBook = false;
            books.get(order.symbol).orders.remove(order);
        }
    }

    // ---------------------------------------------------------------- checks

    private Rejection rejectionFor(final OrderRequest request, final Book book)
    {
        if (request.invalid() != null)
        {
            return new Rejection(request.invalidReason(), request.invalid());
        }
        if (book == null)
        {
            return new Rejection(REJECT_UNKNOWN_SYMBOL, "Unknown symbol " + request.symbol());
        }
        if (request.timeInForce() == TimeInForce.GOOD_TILL_DATE && request.expireTimeNanos() <= now())
        {
            return new Rejection(REJECT_OTHER, "ExpireTime has already passed");
        }
        if (rejectNextCount > 0)
        {
            rejectNextCount--;
            return rejectNext;
        }
        return rejectedSymbols.get(request.symbol());
    }

    private static String replaceRefusal(final SimOrder order, final OrderRequest request)
    {
        if (request.invalid() != null)
        {
            return request.invalid();
        }
        if (!order.symbol.equals(request.symbol()) || order.side != request.side())
        {
            return "A replace cannot change Symbol or Side";
        }
        if (request.qty() <= order.cumQty)
        {
            return "OrderQty " + FixedPoint.qtyToDouble(request.qty()) + " is not above CumQty " +
                FixedPoint.qtyToDouble(order.cumQty);
        }
        return null;
    }

    /** The order a cancel or replace names, or null after refusing the request with an OrderCancelReject. */
    private SimOrder changeTarget(
        final String session, final String clOrdId, final String origClOrdId, final boolean possibleDuplicate,
        final boolean forReplace)
    {
        final Map<String, SimOrder> orders = ordersBySession.getOrDefault(session, Map.of());
        final SimOrder order = orders.get(origClOrdId);
        if (orders.containsKey(clOrdId))
        {
            if (!possibleDuplicate)
            {
                cancelReject(session, order, clOrdId, origClOrdId, forReplace, CXL_DUPLICATE_CLORDID,
                    "Duplicate ClOrdID " + clOrdId);
            }
            return null;
        }
        if (order == null)
        {
            cancelReject(session, null, clOrdId, origClOrdId, forReplace, CXL_UNKNOWN_ORDER,
                "Unknown order " + origClOrdId);
            return null;
        }
        if (order.isDone())
        {
            cancelReject(session, order, clOrdId, origClOrdId, forReplace, CXL_TOO_LATE,
                "Too late to " + (forReplace ? "replace" : "cancel") + ": order is " + order.status);
            return null;
        }
        return order;
    }

    private void cancelReject(
        final String session, final SimOrder order, final String clOrdId, final String origClOrdId,
        final boolean forReplace, final int reason, final String text)
    {
        output.cancelReject(new SimCancelReject(session, order != null ? order.orderId : NO_ORDER, clOrdId,
            origClOrdId, order != null ? order.status : OrdStatus.REJECTED, forReplace, reason, text));
    }

    // ---------------------------------------------------------------- reports

    private SimOrder reject(final String session, final OrderRequest request, final int reason, final String text)
    {
        final SimOrder order = new SimOrder(session, nextOrderId(), request);
        order.status = OrdStatus.REJECTED;
        order.leavesQty = 0;
        output.orderBooked(entry(order, false));
        output(execution(order, ExecType.REJECTED, 0, 0, null, text, reason, null, null, 0, false, false));
        return order;
    }

    private SimExecution report(
        final SimOrder order, final ExecType execType, final long lastQty, final long lastPx, final String text)
    {
        return output(execution(order, execType, lastQty, lastPx, null, text, REJECT_NONE, null, null, 0, false,
            false));
    }

    private SimExecution output(final SimExecution execution)
    {
        output.execution(execution);
        return execution;
    }

    private SimExecution execution(
        final SimOrder order, final ExecType execType, final long lastQty, final long lastPx, final String execRefId,
        final String text, final int ordRejReason, final String statusRequestId, final String massStatusRequestId,
        final int totalReports, final boolean lastReport, final boolean unsolicited)
    {
        final boolean replyToChange = execType == ExecType.CANCELED && !unsolicited || execType == ExecType.REPLACED;
        return new SimExecution(order.session, order.orderId, order.clOrdId, replyToChange ? order.origClOrdId : null,
            nextExecId(), execRefId, execType, order.status, order.symbol, order.side, order.ordType,
            order.timeInForce, order.qty, order.price, order.stopPrice, order.expireTimeNanos, order.account, lastQty,
            lastPx, order.cumQty, order.leavesQty, order.avgPx(), text, ordRejReason, now(), statusRequestId,
            massStatusRequestId, totalReports, lastReport, unsolicited);
    }

    private static VenueRecord.OrderEntry entry(final SimOrder order, final boolean accepted)
    {
        return new VenueRecord.OrderEntry(order.session, order.clOrdId, order.orderId, order.symbol, order.side,
            order.ordType, order.timeInForce, order.qty, order.price, order.stopPrice, accepted);
    }

    private SimOrder orderByAnyClOrdId(final String clOrdId)
    {
        SimOrder found = null;
        for (final Map<String, SimOrder> orders : ordersBySession.values())
        {
            final SimOrder order = orders.get(clOrdId);
            if (order != null && order.status != OrdStatus.REJECTED)
            {
                if (found != null && found != order)
                {
                    throw new IllegalArgumentException("ClOrdID " + clOrdId + " is used on more than one session");
                }
                found = order;
            }
        }
        if (found == null)
        {
            throw new IllegalArgumentException("no order with ClOrdID " + clOrdId);
        }
        return found;
    }

    private Book book(final String symbol)
    {
        final Book book = books.get(symbol);
        if (book == null)
        {
            throw new IllegalArgumentException("unknown symbol " + symbol + "; the simulator trades " + books.keySet());
        }
        return book;
    }

    private long now()
    {
        return FixDecimals.epochNanos(clock.instant());
    }

    private String nextOrderId()
    {
        return idPrefix + "O" + ++orderIds;
    }

    private String nextExecId()
    {
        return idPrefix + "E" + ++execIds;
    }

    private record Rejection(int reason, String text)
    {
    }

    private static final class Fill
    {
        final SimOrder order;
        long qty;
        long px;

        Fill(final SimOrder order, final long qty, final long px)
        {
            this.order = order;
            this.qty = qty;
            this.px = px;
        }
    }

    private static final class Book
    {
        final PricePath path;
        final List<SimOrder> orders = new ArrayList<>();
        long buyVolume;
        long sellVolume;

        Book(final PricePath path)
        {
            this.path = path;
            this.buyVolume = path.volume();
            this.sellVolume = path.volume();
        }

        long volume(final SimOrder order)
        {
            return order.isBuy() ? buyVolume : sellVolume;
        }

        void consume(final SimOrder order, final long qty)
        {
            if (order.isBuy())
            {
                buyVolume -= qty;
            }
            else
            {
                sellVolume -= qty;
            }
        }
    }
}

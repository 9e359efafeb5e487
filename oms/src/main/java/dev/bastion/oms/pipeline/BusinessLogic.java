package dev.bastion.oms.pipeline;

import com.lmax.disruptor.EventHandler;
import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.MassCancelRequest;
import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.api.OrderCancelReject;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.api.TimeInForce;
import dev.bastion.oms.order.Order;
import dev.bastion.oms.order.OrderStateMachine;
import dev.bastion.oms.order.VenueReportOutcome;
import dev.bastion.oms.recon.FillReconciler;
import dev.bastion.oms.recon.ReconciliationReport;
import dev.bastion.oms.recovery.Books;
import dev.bastion.oms.route.Router;
import dev.bastion.oms.venue.VenueExecution;
import dev.bastion.risk.pretrade.TradingState;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The business thread: it takes each ring event in order and runs the stages for it — for a new
 * order pre-trade risk, sizing, routing and the venue send; for a replace risk on the new terms;
 * for venue reports, timers and operator commands the order state machine and the risk state.
 *
 * <p>All stages run on this one thread. Measured on the 2-core machine
 * ({@code dev.bastion.bench.pipeline.StageGroupingBenchmark}): risk and the order state machine on
 * one thread moved 390,000-420,000 orders/s (blocking and sleeping waits), split over two threads
 * 200,000-260,000 — the hand-off costs more than the stages, and the threads outnumber the cores
 * once the gateway, the media driver and QuickFIX/J run. One owner of order and risk state also
 * needs no locks.
 */
final class BusinessLogic implements EventHandler<OmsEvent>
{
    private static final Logger LOG = LogManager.getLogger(BusinessLogic.class);

    private final OrderStateMachine machine;
    private final PipelineActions actions;
    private final ClientReports clients;
    private final PreTradeCheck preTrade;
    private final PositionSizer sizer;
    private final Router router;
    private final VenueRequests venues;
    private final BusinessClock clock;
    private final InboundOverflow overflow;
    private final List<TimerListener> timerListeners;
    private final Interner names = new Interner(1024);
    private final CountDownLatch running = new CountDownLatch(1);
    /** Reconciliation of venue reports, the persisted books and the restart's progress; see {@link #recovery}. */
    private FillReconciler reconciler;
    private ReconciliationReport reconciliationReport;
    private RecoveryProgress recovery = RecoveryProgress.none();
    private Books books;

    BusinessLogic(
        final OrderStateMachine machine,
        final PipelineActions actions,
        final ClientReports clients,
        final PreTradeCheck preTrade,
        final PositionSizer sizer,
        final Router router,
        final VenueRequests venues,
        final BusinessClock clock,
        final InboundOverflow overflow,
        final List<TimerListener> timerListeners)
    {
        this.machine = machine;
        this.actions = actions;
        this.clients = clients;
        this.preTrade = preTrade;
        this.sizer = sizer;
        this.router = router;
        this.venues = venues;
        this.clock = clock;
        this.overflow = overflow;
        this.timerListeners = List.copyOf(timerListeners);
    }

    /** Set once by the pipeline before the business thread starts. */
    void recovery(
        final FillReconciler reconciler, final ReconciliationReport report, final RecoveryProgress recovery,
        final Books books)
    {
        this.reconciler = reconciler;
        this.reconciliationReport = report;
        this.recovery = recovery;
        this.books = books;
    }

    @Override
    public void onStart()
    {
        running.countDown();
    }

    /**
     * Waits until the business thread runs. The Disruptor's shutdown waits only for processors that
     * run, so a close straight after a start would otherwise halt one that never took what was
     * published in between.
     */
    boolean awaitRunning(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        return running.await(timeout, unit);
    }

    @Override
    public void onEvent(final OmsEvent event, final long sequence, final boolean endOfBatch)
    {
        handle(event);
        OmsEvent queued;
        while ((queued = overflow.pollReady(sequence)) != null)
        {
            handle(queued);
        }
    }

    private void handle(final OmsEvent event)
    {
        clock.advanceTo(event.epochNanos);
        try
        {
            if (!event.replayed || !alreadyKnown(event))
            {
                dispatch(event);
            }
        }
        catch (final RuntimeException ex)
        {
            // One bad event must not stop the business thread for everyone else.
            LOG.error("OMS event {} for session {} failed", event.kind, event.sessionId, ex);
        }
        finally
        {
            if (books != null && event.msgSeqNum > 0 && isClientRequest(event.kind))
            {
                // After the request's own order write: a crash between the two leaves an order the
                // replay at the next start recognises by its ClOrdID (alreadyKnown).
                books.markProcessed(event.sessionId, event.sequenceIndex, event.msgSeqNum);
            }
            event.release();
        }
    }

    /**
     * A request replayed from the gateway's archive whose ClOrdID the OMS holds: the last run handled
     * it and died before it marked it processed. Skipped, so the client gets no duplicate reject.
     */
    private boolean alreadyKnown(final OmsEvent event)
    {
        switch (event.kind)
        {
            case NEW_ORDER:
            case CANCEL:
            case REPLACE:
                if (machine.book().byClOrdId(event.sessionId, event.clOrdId.toString()) != null)
                {
                    LOG.info("Replayed {} {} of session {} (MsgSeqNum {}) was handled before the last run ended: " +
                        "skipped", event.kind, event.clOrdId, event.sessionId, event.msgSeqNum);
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    private static boolean isClientRequest(final OmsEvent.Kind kind)
    {
        switch (kind)
        {
            case NEW_ORDER:
            case CANCEL:
            case REPLACE:
            case STATUS:
            case MASS_CANCEL:
            case MASS_STATUS:
            case CLIENT_REFUSED:
                return true;
            default:
                return false;
        }
    }

    private void dispatch(final OmsEvent event)
    {
        switch (event.kind)
        {
            case NEW_ORDER:
                onNewOrder(event);
                break;
            case CANCEL:
                onCancel(event);
                break;
            case REPLACE:
                onReplace(event);
                break;
            case STATUS:
                onStatus(event);
                break;
            case MASS_CANCEL:
            {
                final String symbol =
                    event.requestType == MassCancelRequest.CANCEL_FOR_SECURITY ? names.intern(event.symbol) : null;
                final int affected = machine.massCancel(event.sessionId, symbol);
                clients.massCancelReport(event.sessionId, event.clOrdId.toString(), event.requestType, affected);
                break;
            }
            case MASS_STATUS:
                onMassStatus(event);
                break;
            case CLIENT_LOGON:
                preTrade.onClientLogon(event.sessionId, event.clientCompId);
                break;
            case VENUE_EXECUTION:
                onVenueExecution(event);
                break;
            case VENUE_CANCEL_REJECT:
                if (machine.onVenueCancelReject(event.venueClOrdId, event.cxlRejReason, event.text) !=
                    VenueReportOutcome.APPLIED)
                {
                    LOG.warn("Venue {} refused cancel/replace {} (of {}), which no order is waiting for: {} {}",
                        event.venue, event.venueClOrdId, event.origVenueClOrdId, event.cxlRejReason, event.text);
                }
                break;
            case VENUE_CONNECTED:
                onVenueConnected(event.venue);
                break;
            case VENUE_DISCONNECTED:
                LOG.warn("Venue {} disconnected with {} open orders there; new requests wait for the next logon",
                    event.venue, machine.book().openOrdersAt(event.venue).size());
                break;
            case TIMER:
                onTimer();
                break;
            case ADMIN:
                onAdmin(event.admin);
                break;
            case CLIENT_DISCONNECT:
                // FIX: a disconnect is not a cancel; only a session configured for cancel-on-disconnect asks for one.
                if (event.cancelOpenOrders)
                {
                    cancelOnDisconnect(event.sessionId);
                }
                break;
            default:
                // OVERFLOW: a wake-up.
                break;
        }
    }

    private void onNewOrder(final OmsEvent event)
    {
        final Side side = event.side == 0 ? null : Side.fromFix(event.side);
        final OrdType ordType = event.ordType == 0 ? null : OrdType.fromFix(event.ordType);
        final TimeInForce timeInForce = event.timeInForce == 0 ? TimeInForce.DAY : TimeInForce.fromFix(event.timeInForce);
        final String clOrdId = event.clOrdId.toString();
        final String account = names.intern(event.account);
        final String symbol = names.intern(event.symbol);
        if (side == null || ordType == null || timeInForce == null || symbol == null)
        {
            final Order refused = machine.newOrder(event.sessionId, clOrdId, account, symbol == null ? "" : symbol,
                side == null ? Side.BUY : side, ordType == null ? OrdType.LIMIT : ordType,
                timeInForce == null ? TimeInForce.DAY : timeInForce, event.orderQty, event.price, event.stopPrice,
                event.expireTimeNanos);
            if (refused != null)
            {
                machine.reject(refused, OrderStateMachine.REJECT_UNSUPPORTED, unsupported(side, ordType, event));
            }
            return;
        }
        final Order order = machine.newOrder(event.sessionId, clOrdId, account, symbol, side, ordType, timeInForce,
            event.orderQty, event.price, event.stopPrice, event.expireTimeNanos);
        if (order == null)
        {
            return;
        }
        final String invalid = OrderStateMachine.invalidTerms(ordType, timeInForce, event.orderQty, event.price,
            event.stopPrice, event.expireTimeNanos);
        if (invalid != null)
        {
            machine.reject(order, event.orderQty == FixedPoint.NONE || event.orderQty <= 0 ?
                OrderStateMachine.REJECT_INCORRECT_QUANTITY : OrderStateMachine.REJECT_OTHER, invalid);
            return;
        }

        // Stage 1: pre-trade risk on the client's terms (its OrderQty caps any size below).
        final PreTradeCheck.Refusal refusal = preTrade.check(order);
        if (refusal != null)
        {
            actions.riskRejectCode = refusal.code();
            machine.reject(order, refusal.ordRejReason(), refusal.text());
            return;
        }
        final CharSequence warnings = preTrade.warnings();

        // Stage 2: sizing, for orders that ask for it.
        if (event.hasSizing && sizer != null && !size(order, event))
        {
            return;
        }

        // Stage 3: routing.
        final String venue = router.venueFor(order, names.intern(event.exDestination));
        if (!venues.knows(venue))
        {
            machine.reject(order, OrderStateMachine.REJECT_OTHER,
                venue == null ? "No venue for " + symbol : "No route to venue " + venue);
            return;
        }

        // Stage 4: the venue send; the order counts as open exposure from here.
        actions.riskWarningText = warnings;
        machine.route(order, venue);
        actions.riskWarningText = "";
        preTrade.onOrderOpen(order);
    }

    private boolean size(final Order order, final OmsEvent event)
    {
        try
        {
            final long sized = sizer.size(order, event.winProbability, event.winLossRatio, event.confidence);
            if (sized <= 0)
            {
                machine.reject(order, OrderStateMachine.REJECT_OTHER, sizer.noSizeReason());
                return false;
            }
            machine.resize(order, Math.min(sized, order.orderQty()));
            return true;
        }
        catch (final IllegalArgumentException ex)
        {
            machine.reject(order, OrderStateMachine.REJECT_OTHER, "Sizing: " + ex.getMessage());
            return false;
        }
    }

    private void onCancel(final OmsEvent event)
    {
        final String origClOrdId = event.origClOrdId.toString();
        final Order order = machine.book().byClOrdId(event.sessionId, origClOrdId);
        if (order != null)
        {
            preTrade.onMessage(order);
        }
        machine.cancel(event.sessionId, event.clOrdId.toString(), origClOrdId);
    }

    private void onStatus(final OmsEvent event)
    {
        final String clOrdId = event.clOrdId.toString();
        final Order order = machine.book().byClOrdId(event.sessionId, clOrdId);
        if (order != null)
        {
            preTrade.onMessage(order);
        }
        machine.status(event.sessionId, clOrdId, names.intern(event.symbol), event.side);
    }

    private void onReplace(final OmsEvent event)
    {
        final String clOrdId = event.clOrdId.toString();
        final Order order = machine.changeTarget(event.sessionId, clOrdId, event.origClOrdId.toString(), true);
        if (order == null)
        {
            return;
        }
        final OrdType ordType = event.ordType == 0 ? order.ordType() : OrdType.fromFix(event.ordType);
        final TimeInForce timeInForce = event.timeInForce == 0 ? order.timeInForce() :
            TimeInForce.fromFix(event.timeInForce);
        if (ordType == null || timeInForce == null)
        {
            machine.refuseChange(event.sessionId, clOrdId, order, true, OrderCancelReject.OTHER,
                ordType == null ? "Unsupported OrdType " + event.ordType :
                "Unsupported TimeInForce " + event.timeInForce);
            return;
        }
        // Price and StopPx the request leaves out stay as they were (when the new OrdType has them).
        final long price = event.price == FixedPoint.NONE ? order.price() : event.price;
        final long stopPrice = event.stopPrice == FixedPoint.NONE ? order.stopPrice() : event.stopPrice;
        final long expireTime = event.expireTimeNanos == Long.MIN_VALUE ? order.expireTimeNanos() : event.expireTimeNanos;
        final Side side = event.side == 0 ? null : Side.fromFix(event.side);
        final String refusal = OrderStateMachine.replaceRefusal(order, names.intern(event.symbol), side, ordType,
            timeInForce, event.orderQty, price, stopPrice, expireTime);
        if (refusal != null || (event.side != 0 && side == null))
        {
            machine.refuseChange(event.sessionId, clOrdId, order, true, OrderCancelReject.OTHER,
                refusal != null ? refusal : "Unsupported Side " + event.side);
            return;
        }
        final PreTradeCheck.Refusal riskRefusal =
            preTrade.checkReplace(order, clOrdId, ordType, event.orderQty, price, stopPrice);
        if (riskRefusal != null)
        {
            machine.refuseChange(event.sessionId, clOrdId, order, true, OrderCancelReject.BROKER_OPTION,
                riskRefusal.text());
            return;
        }
        machine.replace(order, clOrdId, ordType, timeInForce, event.orderQty, price, stopPrice, expireTime);
    }

    private void onMassStatus(final OmsEvent event)
    {
        final String symbol = event.requestType == '1' ? names.intern(event.symbol) : null;
        final String requestId = event.requestId.toString();
        final int open = machine.book().openOrders(event.sessionId, symbol).size();
        if (open == 0)
        {
            clients.noOrdersForMassStatus(event.sessionId, requestId, symbol);
            return;
        }
        clients.answeringMassStatus(requestId, open);
        try
        {
            machine.massStatus(event.sessionId, symbol);
        }
        finally
        {
            clients.answeringMassStatus(null, 0);
        }
    }

    private void onVenueExecution(final OmsEvent event)
    {
        final VenueExecution execution = event.execution;
        final long now = clock.nanoTime();
        Order order = machine.book().byVenueClOrdId(execution.venueClOrdId());
        if (order == null)
        {
            order = machine.book().byVenueClOrdId(execution.origVenueClOrdId());
        }
        final OrdStatus statusBefore = order == null ? null : order.status();
        if (order != null && reconciler != null)
        {
            reconciler.beforeExecution(order, execution, now);
        }
        if (order != null &&
            (execution.execType() == ExecType.TRADE_CANCEL || execution.execType() == ExecType.TRADE_CORRECT))
        {
            // The fill as booked, for the portfolio's offsetting entry (the state machine changes it in place).
            actions.changedFillQty = order.fillQty(execution.execRefId());
            actions.changedFillPx = order.fillPx(execution.execRefId());
        }
        final VenueReportOutcome outcome = machine.onVenueExecution(execution);
        actions.changedFillQty = FixedPoint.NONE;
        actions.changedFillPx = FixedPoint.NONE;
        recovery.afterExecution(order, execution, outcome, machine, now);
        if (reconciler != null)
        {
            reconciler.afterExecution(order, statusBefore, execution, outcome, now);
        }
        switch (outcome)
        {
            case APPLIED:
            case MISSED_FILL_APPLIED:
                break;
            case DUPLICATE:
                LOG.debug("Venue report resent, already applied: {}", execution);
                break;
            case DISCREPANCY:
                if (reconciler == null)
                {
                    LOG.warn("Venue {} status disagrees with the OMS (reconciliation needed): {}", event.venue,
                        execution);
                }
                break;
            default:
                if (reconciler == null)
                {
                    LOG.warn("Venue report not applied ({}): {}", outcome, execution);
                }
                break;
        }
    }

    /** After a (re)connect: ask the venue where each order the OMS has open there stands. */
    private void onVenueConnected(final String venue)
    {
        final List<Order> open = machine.book().openOrdersAt(venue);
        LOG.info("Venue {} connected; asking for the status of {} open orders there", venue, open.size());
        recovery.onVenueConnected();
        for (final Order order : open)
        {
            venues.requestStatus(order);
        }
    }

    private void onTimer()
    {
        final long now = clock.nanoTime();
        preTrade.onTimer(now);
        if (books != null)
        {
            books.onClock();
        }
        if (reconciliationReport != null)
        {
            reconciliationReport.drain(reconciler.ring());
        }
        recovery.onTimer(now);
        for (int i = 0; i < timerListeners.size(); i++)
        {
            timerListeners.get(i).onTimer(now);
        }
    }

    private void cancelOnDisconnect(final long sessionId)
    {
        int canceled = 0;
        int pending = 0;
        for (final Order order : machine.book().openOrders(sessionId, null))
        {
            if (machine.cancelOpen(order))
            {
                canceled++;
            }
            else
            {
                pending++;
            }
        }
        LOG.warn("Session {} disconnected with cancel-on-disconnect: {} open orders canceled at the venues, " +
            "{} left to a change already pending", sessionId, canceled, pending);
    }

    private KillSwitchResult killSwitch(final AdminCommand.KillSwitch command)
    {
        final TradingState after = command.engage() ? TradingState.HALTED : TradingState.NORMAL;
        final TradingState before = preTrade.transition(command.account(), after, command.reason());
        int canceled = 0;
        int pending = 0;
        if (command.engage())
        {
            for (final Order order : machine.book().allOpenOrders())
            {
                if (command.account() != null && !command.account().equals(preTrade.accountOf(order)))
                {
                    continue;
                }
                if (machine.cancelOpen(order))
                {
                    canceled++;
                }
                else
                {
                    pending++;
                }
            }
        }
        LOG.warn("Kill switch {} for {} (was {}): {}; {} open orders canceled, {} left to a change already pending",
            command.engage() ? "engaged" : "released",
            command.account() == null ? "the firm" : "account " + command.account(), before, command.reason(),
            canceled, pending);
        return new KillSwitchResult(command.account(), before, after, command.reason(), canceled, pending);
    }

    private void onAdmin(final AdminCommand command)
    {
        if (command instanceof AdminCommand.KillSwitch killSwitch)
        {
            try
            {
                killSwitch.result().complete(killSwitch(killSwitch));
            }
            catch (final RuntimeException ex)
            {
                killSwitch.result().completeExceptionally(ex);
            }
            return;
        }
        if (command instanceof AdminCommand.TradingStatesQuery query)
        {
            try
            {
                query.result().complete(preTrade.tradingStates());
            }
            catch (final RuntimeException ex)
            {
                query.result().completeExceptionally(ex);
            }
            return;
        }
        if (command instanceof AdminCommand.TradingStateChange change)
        {
            try
            {
                final var before = preTrade.transition(change.account(), change.state(), change.reason());
                LOG.warn("Trading state of {} now {} (was {}): {}",
                    change.account() == null ? "the firm" : "account " + change.account(), change.state(), before,
                    change.reason());
                change.result().complete(before);
            }
            catch (final RuntimeException ex)
            {
                change.result().completeExceptionally(ex);
            }
        }
    }

    private static String unsupported(final Side side, final OrdType ordType, final OmsEvent event)
    {
        if (event.symbol.length() == 0)
        {
            return "Symbol is required";
        }
        if (side == null)
        {
            return "Unsupported Side " + event.side;
        }
        if (ordType == null)
        {
            return "Unsupported OrdType " + event.ordType;
        }
        return "Unsupported TimeInForce " + event.timeInForce;
    }
}

package dev.bastion.oms.pipeline;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import dev.bastion.oms.api.ClientOrderHandler;
import dev.bastion.oms.api.ClientReplies;
import dev.bastion.oms.order.OrderBook;
import dev.bastion.oms.order.OrderIdGenerator;
import dev.bastion.oms.order.Order;
import dev.bastion.oms.order.OrderStateMachine;
import dev.bastion.oms.portfolio.Portfolio;
import dev.bastion.oms.portfolio.PositionSnapshot;
import dev.bastion.oms.recon.FillReconciler;
import dev.bastion.oms.recon.FindingLevel;
import dev.bastion.oms.recon.FindingRing;
import dev.bastion.oms.recon.ReconciliationConfiguration;
import dev.bastion.oms.recon.ReconciliationReport;
import dev.bastion.oms.recovery.Books;
import dev.bastion.oms.venue.VenueAdapter;
import dev.bastion.oms.venue.VenueListener;
import dev.bastion.risk.pretrade.TradingState;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The OMS as one unit: an LMAX Disruptor ring that every state-changing input goes through —
 * client requests from the gateway, venue reports, the timer's ticks, operator commands — and the
 * one business thread that handles them in order (see {@link BusinessLogic} for the stages). Build
 * it with the gateway's reply path, hand {@link #clientHandler} to the gateway, then {@link #start}:
 * the business thread, the timer, then the venue connections.
 */
public final class OrderPipeline implements AutoCloseable
{
    private static final Logger LOG = LogManager.getLogger(OrderPipeline.class);

    private final OmsConfiguration configuration;
    private final Disruptor<OmsEvent> disruptor;
    private final BusinessLogic logic;
    private final RingBuffer<OmsEvent> ring;
    private final InboundOverflow overflow;
    private final ClientInbound clientInbound;
    private final VenueInbound venueInbound;
    private final OrderStateMachine machine;
    private final List<VenueAdapter> venues;
    private final ScheduledExecutorService timer;
    private final ReconciliationReport reconciliationReport;
    private final FindingRing findings;
    private final RecoveryProgress recovery;
    private final Books books;
    private boolean started;

    /**
     * @param configuration concluded here if it is not yet.
     * @param replies       how the OMS answers clients (the gateway's reply queue).
     */
    public OrderPipeline(final OmsConfiguration configuration, final ClientReplies replies)
    {
        this.configuration = configuration.conclude();
        disruptor = new Disruptor<>(OmsEvent::new, configuration.ringSize(), daemonThreads("bastion-oms"),
            ProducerType.MULTI, configuration.waitStrategy().create());
        ring = disruptor.getRingBuffer();
        overflow = new InboundOverflow(ring, configuration.overflowWait().toNanos());
        clientInbound = new ClientInbound(ring, overflow, configuration.clock());
        venueInbound = new VenueInbound(ring, overflow, configuration.clock());
        venues = List.copyOf(configuration.venues().apply(venueInbound));

        final BusinessClock clock = configuration.businessClock();
        final OrderIdGenerator ids = OrderIdGenerator.systemClock();
        final ClientReports clients = new ClientReports(replies, ids, clock);
        final VenueRequests venueRequests = new VenueRequests(venues);
        final PreTradeCheck preTrade = configuration.preTradeCheck();
        final PipelineActions actions = new PipelineActions(clients, venueRequests, preTrade);
        machine = new OrderStateMachine(new OrderBook(), actions, ids, configuration.doneOrdersRemembered());
        logic = new BusinessLogic(machine, actions, clients, preTrade,
            configuration.positionSizer(), configuration.router(), venueRequests, clock, overflow,
            configuration.timerListeners());
        disruptor.handleEventsWith(logic);

        final long startedNanos = System.nanoTime();
        final ReconciliationConfiguration reconciliation = configuration.reconciliationConfiguration();
        findings = new FindingRing(reconciliation.ringCapacity());
        final ReferencePrices referencePrices = configuration.concludedReferencePrices();
        reconciliationReport = new ReconciliationReport(reconciliation.findingsKept());
        if (configuration.dataDirectory() != null)
        {
            books = Books.open(configuration.dataDirectory(), configuration.maxOrders(),
                configuration.portfolioConfiguration(), findings);
            actions.books(books, findings, clock);
            // Before the business thread starts: it sees what is restored when it starts.
            final Books.Recovered recovered = books.recover(machine, clock.nanoTime());
            restoreRisk(recovered, preTrade);
            if (books.store().marksKept())
            {
                clientInbound.processedMarks(books.store().processedMarks());
            }
            recovery = new RecoveryProgress(recovered, startedNanos, reconciliation.statusAnswerTimeout().toNanos(),
                findings);
        }
        else
        {
            books = null;
            recovery = RecoveryProgress.none();
        }
        logic.recovery(new FillReconciler(reconciliation, findings, referencePrices::price), reconciliationReport,
            recovery, books);
        recovery.checkComplete();
        timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("bastion-oms-timer"));
    }

    /** Restored open orders count as open exposure again, and the portfolio's positions as positions. */
    private void restoreRisk(final Books.Recovered recovered, final PreTradeCheck preTrade)
    {
        for (final Order order : recovered.orders())
        {
            if (order.account() == null)
            {
                // Until the session logs on again, its orders' account is the one they were booked to.
                preTrade.onClientLogon(order.sessionId(), books.bookAccount(order));
            }
            if (!order.isDone())
            {
                preTrade.onOrderOpen(order);
            }
        }
        final Portfolio portfolio = books.portfolio();
        for (int account = 0; account < portfolio.accountCount(); account++)
        {
            for (final PositionSnapshot position : portfolio.positions(account))
            {
                preTrade.restorePosition(position.account(), position.symbol(), position.quantity(),
                    position.averageEntryPrice(), position.lastPrice());
            }
        }
    }

    /** What fill reconciliation has found so far (drained at each timer tick). */
    public ReconciliationReport reconciliationReport()
    {
        return reconciliationReport;
    }

    /** The persisted orders and portfolio, or null when the OMS keeps nothing on disk. */
    public Books books()
    {
        return books;
    }

    /**
     * Waits until every open order restored at start has its venue's status answer (or the wait for
     * it timed out): the books then agree with the venues.
     *
     * @return false when the timeout passed first.
     */
    public boolean awaitRecovered(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        return recovery.awaitComplete(timeout, unit);
    }

    /** Milliseconds from construction to recovered, or -1 while recovering. */
    public long recoveredMillis()
    {
        return recovery.recoveredMillis();
    }

    public ClientOrderHandler clientHandler()
    {
        return clientInbound;
    }

    public VenueListener venueListener()
    {
        return venueInbound;
    }

    public List<VenueAdapter> venues()
    {
        return venues;
    }

    /** Starts the business thread and the timer, then connects the venues. */
    public synchronized OrderPipeline start()
    {
        if (started)
        {
            return this;
        }
        started = true;
        disruptor.start();
        awaitBusinessThread();
        final long intervalNanos = configuration.timerInterval().toNanos();
        timer.scheduleAtFixedRate(this::tick, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
        venues.forEach(VenueAdapter::start);
        return this;
    }

    private void awaitBusinessThread()
    {
        try
        {
            if (!logic.awaitRunning(30, TimeUnit.SECONDS))
            {
                throw new IllegalStateException("the OMS business thread did not start within 30 s");
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the OMS business thread started", ex);
        }
    }

    /**
     * Moves an account, or with a null account the whole firm, to a trading state (HALTED is the
     * kill switch: new orders and replaces are refused, cancels pass). The command goes through the
     * ring like every other input.
     *
     * @return completes with the state before, or with the error (an unknown account, no reason).
     */
    public CompletableFuture<TradingState> changeTradingState(
        final String account, final TradingState state, final String reason)
    {
        final CompletableFuture<TradingState> result = new CompletableFuture<>();
        submit(new AdminCommand.TradingStateChange(account, state, reason, result));
        return result;
    }

    /**
     * The kill switch: moves the account (null: the firm) to HALTED — new orders and replaces are
     * refused from then on, cancels pass — and cancels every open order in scope at its venue.
     * Only {@link #releaseKillSwitch} lifts it.
     *
     * @return completes with what was done, or with the error (an unknown account, no reason).
     */
    public CompletableFuture<KillSwitchResult> engageKillSwitch(final String account, final String reason)
    {
        final CompletableFuture<KillSwitchResult> result = new CompletableFuture<>();
        submit(new AdminCommand.KillSwitch(account, true, reason, result));
        return result;
    }

    /** Lifts the kill switch: the account (null: the firm) goes back to NORMAL. */
    public CompletableFuture<KillSwitchResult> releaseKillSwitch(final String account, final String reason)
    {
        final CompletableFuture<KillSwitchResult> result = new CompletableFuture<>();
        submit(new AdminCommand.KillSwitch(account, false, reason, result));
        return result;
    }

    /** The firm's trading state and every account's that has changed, read on the business thread. */
    public CompletableFuture<List<TradingStateView>> tradingStates()
    {
        final CompletableFuture<List<TradingStateView>> result = new CompletableFuture<>();
        submit(new AdminCommand.TradingStatesQuery(result));
        return result;
    }

    private void submit(final AdminCommand command)
    {
        final long sequence = overflow.claim();
        final OmsEvent event = sequence >= 0 ? ring.get(sequence) : overflow.newEvent();
        event.clear();
        event.kind = OmsEvent.Kind.ADMIN;
        event.epochNanos = configuration.clock().nanoTime();
        event.admin = command;
        if (sequence >= 0)
        {
            ring.publish(sequence);
        }
        else
        {
            overflow.offer(event);
        }
    }

    /** Events that went through the overflow queue because the ring was full (for operators). */
    public long overflowedEvents()
    {
        return overflow.overflowed();
    }

    /** Only for tests and diagnostics: read on the business thread's terms (after it is idle). */
    public OrderBook book()
    {
        return machine.book();
    }

    /** Only for tests and diagnostics, like {@link #book()}. */
    public OrderStateMachine stateMachine()
    {
        return machine;
    }

    public OmsConfiguration configuration()
    {
        return configuration;
    }

    private void tick()
    {
        // A tick that finds the ring full is skipped: the next one carries the time just as well.
        final long sequence = overflow.tryClaim();
        if (sequence >= 0)
        {
            final OmsEvent event = ring.get(sequence);
            event.clear();
            event.kind = OmsEvent.Kind.TIMER;
            event.epochNanos = configuration.clock().nanoTime();
            ring.publish(sequence);
        }
    }

    /** Disconnects the venues, then lets the business thread finish what is on the ring (up to 5 s). */
    @Override
    public synchronized void close()
    {
        venues.forEach(VenueAdapter::stop);
        timer.shutdownNow();
        if (started)
        {
            started = false;
            try
            {
                disruptor.shutdown(5, TimeUnit.SECONDS);
            }
            catch (final com.lmax.disruptor.TimeoutException ex)
            {
                disruptor.halt();
            }
        }
        if (!started)
        {
            // The business thread has stopped: what it found since the last tick goes into the report too.
            reconciliationReport.drain(findings);
            if (reconciliationReport.count(FindingLevel.INFO) + reconciliationReport.count(FindingLevel.WARNING) +
                reconciliationReport.count(FindingLevel.CRITICAL) > 0)
            {
                LOG.info("At shutdown: {}", reconciliationReport);
            }
        }
        if (books != null)
        {
            books.close();
        }
    }

    private static ThreadFactory daemonThreads(final String name)
    {
        return runnable ->
        {
            final Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}

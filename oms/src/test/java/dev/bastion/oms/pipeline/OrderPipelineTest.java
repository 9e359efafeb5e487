package dev.bastion.oms.pipeline;

import dev.bastion.oms.api.BusinessReject;
import dev.bastion.oms.api.CancelRequest;
import dev.bastion.oms.api.ClientReplies;
import dev.bastion.oms.api.ClientSessionInfo;
import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.ExecutionReport;
import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.NewOrderRequest;
import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.api.OrderCancelReject;
import dev.bastion.oms.api.ReplaceRequest;
import dev.bastion.oms.route.RoutingTable;
import dev.bastion.oms.venue.VenueAdapter;
import dev.bastion.oms.venue.VenueExecution;
import dev.bastion.oms.venue.VenueListener;
import dev.bastion.oms.venue.VenueOrder;
import dev.bastion.risk.pretrade.TradingState;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pipeline with its real ring, business thread, risk engine and Kelly sizer, a venue that
 * answers on its own thread, and the client side recorded: what a client would see, in order.
 */
class OrderPipelineTest
{
    private static final long SESSION = 3;
    private static final long WAIT_SECONDS = 10;

    private final BlockingQueue<String> toClient = new LinkedBlockingQueue<>();
    private volatile CountDownLatch repliesBlocked = new CountDownLatch(0);
    private final ClientReplies replies = new ClientReplies()
    {
        @Override
        public boolean sendExecutionReport(final long sessionId, final ExecutionReport report)
        {
            awaitUnblocked();
            return toClient.add("8 " + report.clOrdId() + " " + report.execType() + " " + report.ordStatus() +
                " qty=" + FixedPoint.qtyToDouble(report.orderQty()) +
                " cum=" + FixedPoint.qtyToDouble(report.cumQty()) + " leaves=" + FixedPoint.qtyToDouble(report.leavesQty()) +
                (report.ordRejReason() >= 0 ? " reason=" + report.ordRejReason() : "") +
                (report.text().length() > 0 ? " text=" + report.text() : "") +
                (report.riskRejectCode() > 0 ? " risk=" + report.riskRejectCode() : "") +
                (report.riskWarningText().length() > 0 ? " warn=" + report.riskWarningText() : ""));
        }

        @Override
        public boolean sendOrderCancelReject(final long sessionId, final OrderCancelReject reject)
        {
            return toClient.add("9 " + reject.clOrdId() + " reason=" + reject.cxlRejReason() + " " +
                reject.ordStatus() + " text=" + reject.text());
        }

        @Override
        public boolean sendBusinessReject(final long sessionId, final BusinessReject reject)
        {
            return toClient.add("j " + reject.text());
        }

        @Override
        public boolean sendRaw(
            final long sessionId, final String msgType, final boolean possResend, final DirectBuffer body,
            final int offset, final int length)
        {
            return toClient.add(msgType + " " + body.getStringWithoutLengthAscii(offset, length));
        }
    };
    private final ScriptedVenue venue = new ScriptedVenue();
    private OrderPipeline pipeline;

    @AfterEach
    void stop()
    {
        repliesBlocked.countDown();
        if (pipeline != null)
        {
            pipeline.close();
        }
    }

    @Test
    void anOrderPassesRiskIsRoutedAndItsAckAndFillReachTheClient() throws InterruptedException
    {
        start(configuration().preTradeCheck(order -> null));

        assertThat(pipeline.clientHandler().onNewOrder(limitOrder("A1", 100, 10))).isTrue();

        assertThat(next()).isEqualTo("8 A1 PENDING_NEW PENDING_NEW qty=100.0 cum=0.0 leaves=100.0");
        assertThat(next()).isEqualTo("8 A1 NEW NEW qty=100.0 cum=0.0 leaves=100.0");
        assertThat(next()).isEqualTo("8 A1 TRADE FILLED qty=100.0 cum=100.0 leaves=0.0");
    }

    @Test
    void anOrderPublishedBetweenStartAndAnImmediateCloseIsStillHandled()
    {
        // The Disruptor's shutdown waits only for a business thread that runs: a close right after the
        // start must not halt one that has not begun. Many rounds, as the window is a thread start.
        for (int round = 1; round <= 30; round++)
        {
            start(configuration().preTradeCheck(order -> null));
            assertThat(pipeline.clientHandler().onNewOrder(limitOrder("R" + round, 100, 10))).isTrue();
            pipeline.close();
            pipeline = null;

            assertThat(venue.sent).as("orders at the venue after round %d", round).hasSize(round);
        }
    }

    @Test
    void anOrderRefusedByRiskIsRejectedWithItsReasonAndNeverReachesTheVenue() throws InterruptedException
    {
        start(configuration().preTradeCheck(order -> order.orderQty() > FixedPoint.qty(50) ?
            new PreTradeCheck.Refusal(12, 3, "max order qty 50") : null));

        pipeline.clientHandler().onNewOrder(limitOrder("A1", 100, 10));

        assertThat(next()).isEqualTo(
            "8 A1 REJECTED REJECTED qty=100.0 cum=0.0 leaves=0.0 reason=3 text=max order qty 50 risk=12");
        assertThat(toClient.poll(200, TimeUnit.MILLISECONDS)).isNull();
        assertThat(venue.requests).isEmpty();
    }

    @Test
    void aLimitOrderWithoutPriceIsRejectedWithText() throws InterruptedException
    {
        start(configuration());

        pipeline.clientHandler().onNewOrder(limitOrder("A1", 100, Double.NaN));

        assertThat(next()).startsWith("8 A1 REJECTED REJECTED").contains("needs a positive Price");
    }

    @Test
    void cancelOfAFilledOrderComesBackTooLateToCancel() throws InterruptedException
    {
        start(configuration());
        pipeline.clientHandler().onNewOrder(limitOrder("A1", 100, 10));
        skip(3);

        pipeline.clientHandler().onCancelRequest(cancel("A2", "A1"));

        assertThat(next()).startsWith("9 A2 reason=0 FILLED");
    }

    @Test
    void shouldRejectOrderAboveMaxNotionalWithTheRiskEnginesCodeAndText() throws InterruptedException
    {
        final OmsConfiguration configuration = configuration();
        configuration.preTradeConfiguration().limits().maxOrderNotional(1_000);
        start(configuration);

        pipeline.clientHandler().onNewOrder(limitOrder("A1", 100, 20));

        assertThat(next()).isEqualTo("8 A1 REJECTED REJECTED qty=100.0 cum=0.0 leaves=0.0 reason=3 " +
            "text=max order notional: notional 2000 above the limit 1000 risk=16");
        assertThat(venue.requests).isEmpty();
    }

    @Test
    void shouldCarryTheRiskWarningsOfAnAcceptedOrderOnItsPendingNewReport() throws InterruptedException
    {
        final OmsConfiguration configuration = configuration();
        configuration.preTradeConfiguration().limits().maxOrderNotional(1_000);
        start(configuration);

        pipeline.clientHandler().onNewOrder(limitOrder("A1", 100, 9));

        assertThat(next()).startsWith("8 A1 PENDING_NEW PENDING_NEW").contains("warn=[").contains("MAX_ORDER_NOTIONAL");
        assertThat(next()).isEqualTo("8 A1 NEW NEW qty=100.0 cum=0.0 leaves=100.0");
    }

    @Test
    void shouldSizeAnOrderWithKellyAndLetTheClientsQuantityCapIt() throws InterruptedException
    {
        final OmsConfiguration configuration = configuration();
        configuration.preTradeConfiguration().limits().capital(100_000).maxOrderNotional(1_000_000)
            .positionLimit(1_000_000).creditLimitGross(1_000_000).creditLimitNet(1_000_000).maxLeverage(10);
        start(configuration);

        // p = 0.6, b = 2: full Kelly 0.4, a quarter of it 0.1 of 100,000 = 10,000 at 10 = 1,000 shares
        final NewOrderRequest large = limitOrder("K1", 5_000, 10);
        large.sizing(0.6, 2.0, 1.0);
        pipeline.clientHandler().onNewOrder(large);
        assertThat(next()).startsWith("8 K1 PENDING_NEW PENDING_NEW qty=1000.0 cum=0.0 leaves=1000.0");
        skip(2);
        assertThat(venue.sent).last().extracting(VenueOrder::qty).isEqualTo(FixedPoint.qty(1_000));

        final NewOrderRequest small = limitOrder("K2", 500, 10.01);
        small.sizing(0.6, 2.0, 1.0);
        pipeline.clientHandler().onNewOrder(small);
        assertThat(next()).startsWith("8 K2 PENDING_NEW PENDING_NEW qty=500.0");
        skip(2);

        final NewOrderRequest noEdge = limitOrder("K3", 500, 10.02);
        noEdge.sizing(0.3, 1.0, 1.0);
        pipeline.clientHandler().onNewOrder(noEdge);
        assertThat(next()).startsWith("8 K3 REJECTED REJECTED").contains("Sizing gives no position: NO_EDGE");
    }

    @Test
    void shouldValueAMarketOrderAtTheLastFillPriceOnceThereIsOne() throws InterruptedException
    {
        final OmsConfiguration configuration = configuration().referencePrice("AAPL", 10);
        configuration.preTradeConfiguration().priceCollarPercent(100).limits().maxOrderNotional(1_000);
        start(configuration);

        pipeline.clientHandler().onNewOrder(marketOrder("M1", 60));
        assertThat(next()).as("60 at the configured 10").startsWith("8 M1 PENDING_NEW");
        skip(2);
        pipeline.clientHandler().onNewOrder(limitOrder("L1", 10, 20));
        skip(3);

        pipeline.clientHandler().onNewOrder(marketOrder("M2", 60));
        assertThat(next()).as("60 at the last fill, 20").startsWith("8 M2 REJECTED")
            .contains("notional 1200 above the limit 1000").contains("risk=16");
    }

    @Test
    void shouldCountOpenOrdersInTheCreditLimitUntilTheyAreDone() throws InterruptedException
    {
        final OmsConfiguration configuration = configuration();
        configuration.preTradeConfiguration().limits().creditLimitGross(1_500);
        venue.fill = false;
        start(configuration);
        pipeline.clientHandler().onNewOrder(limitOrder("C1", 100, 10));
        skip(2);

        pipeline.clientHandler().onNewOrder(limitOrder("C2", 100, 10.01));
        assertThat(next()).startsWith("8 C2 REJECTED").contains("gross credit limit").contains("risk=17");

        venue.report(venue.sent.get(0), ExecType.REJECTED, OrdStatus.REJECTED, 0);
        assertThat(next()).startsWith("8 C1 REJECTED REJECTED");
        pipeline.clientHandler().onNewOrder(limitOrder("C3", 100, 10.02));
        assertThat(next()).startsWith("8 C3 PENDING_NEW");
    }

    @Test
    void shouldHaltAndReleaseTradingThroughTheRing() throws Exception
    {
        start(configuration());

        assertThat(pipeline.changeTradingState(null, TradingState.HALTED, "desk kill switch")
            .get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(TradingState.NORMAL);
        pipeline.clientHandler().onNewOrder(limitOrder("H1", 10, 10));
        assertThat(next()).isEqualTo("8 H1 REJECTED REJECTED qty=10.0 cum=0.0 leaves=0.0 reason=0 " +
            "text=firm-wide trading halted: desk kill switch risk=3");

        assertThat(pipeline.changeTradingState("ACC", TradingState.HALTED, "account review")
            .get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(TradingState.NORMAL);
        pipeline.changeTradingState(null, TradingState.NORMAL, "released").get(WAIT_SECONDS, TimeUnit.SECONDS);
        pipeline.clientHandler().onNewOrder(limitOrder("H2", 10, 10));
        assertThat(next()).contains("H2 REJECTED").contains("account trading halted: account review risk=4");

        pipeline.changeTradingState("ACC", TradingState.NORMAL, "review done").get(WAIT_SECONDS, TimeUnit.SECONDS);
        pipeline.clientHandler().onNewOrder(limitOrder("H3", 10, 10));
        assertThat(next()).startsWith("8 H3 PENDING_NEW");

        assertThatThrownBy(() -> pipeline.changeTradingState("ACC", TradingState.HALTED, " ")
            .get(WAIT_SECONDS, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldStartANewTradingDayOnTheTimerSoTheRiskClOrdIdHistoryIsForgotten() throws InterruptedException
    {
        final ZonedDateTime start = ZonedDateTime.of(2026, 3, 2, 20, 59, 0, 0, ZoneOffset.UTC);
        final AtomicLong now = new AtomicLong(start.toEpochSecond() * 1_000_000_000L);
        final CountDownLatch rolled = new CountDownLatch(1);
        final long rollNanos = start.plusMinutes(2).toEpochSecond() * 1_000_000_000L;
        start(configuration()
            .clock(now::get)
            .timerInterval(Duration.ofMillis(10))
            .tradingDayStart(LocalTime.of(21, 0))
            .timerListener(epochNanos ->
            {
                if (epochNanos >= rollNanos)
                {
                    rolled.countDown();
                }
            }));

        // The same ClOrdID for the same account from two sessions: the risk engine's history refuses it.
        pipeline.clientHandler().onNewOrder(limitOrder("D1", 10, 10));
        skip(3);
        pipeline.clientHandler().onNewOrder(limitOrder(SESSION + 1, "D1", 11, 10));
        assertThat(next()).startsWith("8 D1 REJECTED").contains("risk=10");

        now.set(rollNanos);
        assertThat(rolled.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("a tick after the roll").isTrue();
        pipeline.clientHandler().onNewOrder(limitOrder(SESSION + 2, "D1", 12, 10));
        assertThat(next()).startsWith("8 D1 PENDING_NEW");
    }

    @Test
    void shouldRefuseAReplaceTheRiskChecksRefuseAndKeepTheOrder() throws InterruptedException
    {
        final OmsConfiguration configuration = configuration();
        configuration.preTradeConfiguration().limits().maxOrderNotional(1_000);
        venue.fill = false;
        start(configuration);
        pipeline.clientHandler().onNewOrder(limitOrder("R1", 50, 10));
        skip(2);

        pipeline.clientHandler().onReplaceRequest(replace("R2", "R1", 200, 10));

        assertThat(next()).isEqualTo("9 R2 reason=2 NEW text=max order notional: notional 2000 above the limit 1000");
        pipeline.clientHandler().onReplaceRequest(replace("R3", "R1", 80, 10));
        assertThat(next()).startsWith("8 R3 PENDING_REPLACE PENDING_REPLACE");
        assertThat(venue.requests).last().asString().startsWith("replace");
    }

    @Test
    void shouldNotBlockTheVenueThreadWhenTheRingIsFullAndKeepTheReportsInOrder() throws Exception
    {
        venue.fill = false;
        start(configuration().ringSize(4).overflowWait(Duration.ofMillis(1)));
        pipeline.clientHandler().onNewOrder(limitOrder("O1", 100, 10));
        skip(2);
        final VenueOrder sent = venue.sent.get(0);

        repliesBlocked = new CountDownLatch(1);
        final int fills = 60;
        final Thread venueThread = new Thread(() ->
        {
            for (int i = 0; i < fills; i++)
            {
                venue.report(sent, ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, FixedPoint.qty(1));
            }
        }, "test-venue");
        venueThread.start();
        venueThread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertThat(venueThread.isAlive()).as("the venue thread is never held by a full ring").isFalse();
        assertThat(pipeline.overflowedEvents()).isPositive();

        repliesBlocked.countDown();
        for (int i = 1; i <= fills; i++)
        {
            assertThat(next()).startsWith("8 O1 TRADE PARTIALLY_FILLED qty=100.0 cum=" + i + ".0 ");
        }
    }

    @Test
    void shouldAskTheVenueForTheStatusOfItsOpenOrdersWhenItReconnects() throws InterruptedException
    {
        venue.fill = false;
        start(configuration());
        pipeline.clientHandler().onNewOrder(limitOrder("S1", 10, 10));
        pipeline.clientHandler().onNewOrder(limitOrder("S2", 10, 10.01));
        skip(4);

        pipeline.venueListener().onDisconnected("SIM");
        pipeline.venueListener().onConnected("SIM");

        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (venue.statusRequests.size() < 2 && System.nanoTime() < deadline)
        {
            Thread.onSpinWait();
        }
        assertThat(venue.statusRequests).extracting(VenueOrder::venueClOrdId)
            .containsExactly(venue.sent.get(0).venueClOrdId(), venue.sent.get(1).venueClOrdId());
    }

    @Test
    void anOrderWithoutAccountIsCheckedUnderItsSessionsCompId() throws Exception
    {
        start(configuration());
        pipeline.clientHandler().onLogon(new ClientSessionInfo(SESSION, "FIX.4.4", "BASTION", "CLIENT9"));
        pipeline.changeTradingState("CLIENT9", TradingState.HALTED, "client 9 halted").get(WAIT_SECONDS,
            TimeUnit.SECONDS);

        final NewOrderRequest order = limitOrder("N1", 10, 10);
        order.account(new char[0], 0);
        pipeline.clientHandler().onNewOrder(order);

        assertThat(next()).contains("N1 REJECTED").contains("client 9 halted");
    }

    @Test
    void shouldCancelTheOpenOrdersOfACancelOnDisconnectSessionWhenItDisconnects() throws InterruptedException
    {
        venue.fill = false;
        start(configuration());
        pipeline.clientHandler().onNewOrder(limitOrder("C1", 10, 10));
        pipeline.clientHandler().onNewOrder(limitOrder("C2", 20, 10));
        pipeline.clientHandler().onNewOrder(limitOrder(SESSION + 1, "D1", 30, 10));
        skip(6);

        pipeline.clientHandler().onDisconnect(SESSION, true);

        assertThat(next()).startsWith("8 C1 PENDING_CANCEL PENDING_CANCEL qty=10.0");
        assertThat(next()).startsWith("8 C2 PENDING_CANCEL PENDING_CANCEL qty=20.0");
        assertThat(venue.requests).filteredOn(request -> request.startsWith("cancel")).hasSize(2);
    }

    @Test
    void shouldKeepOrdersWorkingWhenASessionWithoutCancelOnDisconnectDisconnects() throws InterruptedException
    {
        venue.fill = false;
        start(configuration());
        pipeline.clientHandler().onNewOrder(limitOrder("K1", 10, 10));
        skip(2);

        pipeline.clientHandler().onDisconnect(SESSION);
        pipeline.clientHandler().onNewOrder(limitOrder(SESSION + 1, "K2", 10, 10));

        assertThat(next()).startsWith("8 K2 PENDING_NEW");
        assertThat(venue.requests).noneMatch(request -> request.startsWith("cancel"));
    }

    @Test
    void shouldEngageTheKillSwitchForOneAccountCancelItsOrdersAndRefuseNewOnesUntilReleased() throws Exception
    {
        venue.fill = false;
        start(configuration());
        pipeline.clientHandler().onNewOrder(limitOrder("H1", 10, 10));
        final NewOrderRequest other = limitOrder("O1", 10, 10);
        other.account("OTHER".toCharArray(), 5);
        pipeline.clientHandler().onNewOrder(other);
        skip(4);

        final KillSwitchResult engaged = pipeline.engageKillSwitch("ACC", "desk halt")
            .get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(engaged).isEqualTo(
            new KillSwitchResult("ACC", TradingState.NORMAL, TradingState.HALTED, "desk halt", 1, 0));
        assertThat(next()).startsWith("8 H1 PENDING_CANCEL");
        pipeline.clientHandler().onNewOrder(limitOrder("H2", 10, 10));
        assertThat(nextFor("H2")).contains("REJECTED").contains("desk halt");
        assertThat(pipeline.tradingStates().get(WAIT_SECONDS, TimeUnit.SECONDS))
            .extracting(TradingStateView::account, TradingStateView::state, TradingStateView::reason)
            .contains(org.assertj.core.groups.Tuple.tuple("ACC", TradingState.HALTED, "desk halt"));

        final KillSwitchResult released = pipeline.releaseKillSwitch("ACC", "all clear")
            .get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(released.before()).isEqualTo(TradingState.HALTED);
        assertThat(released.after()).isEqualTo(TradingState.NORMAL);
        pipeline.clientHandler().onNewOrder(limitOrder("H3", 10, 10));
        assertThat(nextFor("H3")).startsWith("8 H3 PENDING_NEW");
    }

    @Test
    void shouldEngageTheFirmWideKillSwitchOverEveryAccount() throws Exception
    {
        venue.fill = false;
        start(configuration());
        pipeline.clientHandler().onNewOrder(limitOrder("F1", 10, 10));
        pipeline.clientHandler().onNewOrder(limitOrder(SESSION + 1, "F2", 10, 10));
        skip(4);

        final KillSwitchResult engaged = pipeline.engageKillSwitch(null, "outage").get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(engaged.ordersCanceled()).isEqualTo(2);
        assertThat(engaged.after()).isEqualTo(TradingState.HALTED);
        assertThat(venue.requests).filteredOn(request -> request.startsWith("cancel")).hasSize(2);
    }

    /** The next message about this ClOrdID, skipping the others (cancel answers of the scripted venue). */
    private String nextFor(final String clOrdId) throws InterruptedException
    {
        while (true)
        {
            final String message = next();
            if (message.contains(" " + clOrdId + " "))
            {
                return message;
            }
        }
    }

    private OmsConfiguration configuration()
    {
        final OmsConfiguration configuration = new OmsConfiguration()
            .venues(listener -> List.of(venue.listening(listener)))
            .router(new RoutingTable("SIM", Map.of()))
            .waitStrategy(WaitStrategyChoice.BLOCKING)
            .ringSize(1024);
        // Many small orders with equal terms in these tests: no duplicate-order window.
        configuration.preTradeConfiguration().limits().duplicateOrderWindow(Duration.ofNanos(1));
        return configuration;
    }

    private void start(final OmsConfiguration configuration)
    {
        pipeline = new OrderPipeline(configuration, replies).start();
    }

    private void awaitUnblocked()
    {
        try
        {
            repliesBlocked.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private String next() throws InterruptedException
    {
        final String message = toClient.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(message).as("a message to the client within " + WAIT_SECONDS + " s").isNotNull();
        return message;
    }

    private void skip(final int messages) throws InterruptedException
    {
        for (int i = 0; i < messages; i++)
        {
            next();
        }
    }

    private static NewOrderRequest limitOrder(final String clOrdId, final double qty, final double price)
    {
        return limitOrder(SESSION, clOrdId, qty, price);
    }

    private static NewOrderRequest limitOrder(
        final long session, final String clOrdId, final double qty, final double price)
    {
        final NewOrderRequest order = new NewOrderRequest();
        order.resetOrderFields();
        order.resetHeader(session, 2, false, 0, null, 0, 0);
        order.clOrdId(clOrdId);
        order.account("ACC".toCharArray(), 3);
        order.symbol("AAPL");
        order.side('1');
        order.ordType('2');
        order.timeInForce('0');
        order.orderQty(FixedPoint.qty(qty));
        order.price(Double.isNaN(price) ? FixedPoint.NONE : FixedPoint.price(price));
        return order;
    }

    private static NewOrderRequest marketOrder(final String clOrdId, final double qty)
    {
        final NewOrderRequest order = limitOrder(clOrdId, qty, Double.NaN);
        order.ordType('1');
        return order;
    }

    private static CancelRequest cancel(final String clOrdId, final String origClOrdId)
    {
        final CancelRequest cancel = new CancelRequest();
        cancel.reset();
        cancel.resetHeader(SESSION, 3, false, 0, null, 0, 0);
        cancel.clOrdId(clOrdId.toCharArray(), clOrdId.length());
        cancel.origClOrdId(origClOrdId.toCharArray(), origClOrdId.length());
        return cancel;
    }

    private static ReplaceRequest replace(final String clOrdId, final String origClOrdId, final double qty,
        final double price)
    {
        final ReplaceRequest replace = new ReplaceRequest();
        replace.resetOrderFields();
        replace.resetHeader(SESSION, 4, false, 0, null, 0, 0);
        replace.clOrdId(clOrdId);
        replace.origClOrdId(origClOrdId.toCharArray(), origClOrdId.length());
        replace.account("ACC".toCharArray(), 3);
        replace.symbol("AAPL");
        replace.side('1');
        replace.ordType('2');
        replace.timeInForce('0');
        replace.orderQty(FixedPoint.qty(qty));
        replace.price(FixedPoint.price(price));
        return replace;
    }

    /**
     * A venue on its own thread: acknowledges and (unless told not to) fills every order in full;
     * refuses cancels and replaces of filled orders; records every request.
     */
    private static final class ScriptedVenue implements VenueAdapter
    {
        final List<String> requests = new CopyOnWriteArrayList<>();
        final List<VenueOrder> sent = new CopyOnWriteArrayList<>();
        final List<VenueOrder> statusRequests = new CopyOnWriteArrayList<>();
        volatile boolean fill = true;
        private VenueListener listener;
        private int execIds;
        private final List<Thread> threads = new ArrayList<>();

        ScriptedVenue listening(final VenueListener listener)
        {
            this.listener = listener;
            return this;
        }

        @Override
        public String venueName()
        {
            return "SIM";
        }

        @Override
        public void start()
        {
        }

        @Override
        public void stop()
        {
        }

        @Override
        public boolean isConnected()
        {
            return true;
        }

        @Override
        public void send(final VenueOrder order)
        {
            requests.add("new " + order.venueClOrdId());
            sent.add(order);
            final Thread venueThread = new Thread(() ->
            {
                report(order, ExecType.NEW, OrdStatus.NEW, 0);
                if (fill)
                {
                    report(order, ExecType.TRADE, OrdStatus.FILLED, order.qty());
                }
            });
            threads.add(venueThread);
            venueThread.start();
        }

        /** Reports on the order; a fill is at its limit price, a market order's at 10. */
        synchronized void report(final VenueOrder order, final ExecType execType, final OrdStatus status,
            final long lastQty)
        {
            final long px = order.price() == FixedPoint.NONE ? FixedPoint.price(10) : order.price();
            listener.onExecutionReport(new VenueExecution("SIM", order.venueClOrdId(), null, "V" + order.orderId(),
                "X" + ++execIds, null, execType, status, lastQty, px, lastQty, order.qty() - lastQty, px, null, -1,
                VenueOrder.NO_TIME, false, false));
        }

        @Override
        public void cancel(final String venueClOrdId, final String origVenueClOrdId, final VenueOrder order)
        {
            requests.add("cancel " + venueClOrdId);
            listener.onCancelReject("SIM", venueClOrdId, origVenueClOrdId, 0, "filled");
        }

        @Override
        public void replace(final String newVenueClOrdId, final String origVenueClOrdId, final VenueOrder amended)
        {
            requests.add("replace " + newVenueClOrdId);
        }

        @Override
        public void requestStatus(final VenueOrder order)
        {
            statusRequests.add(order);
        }

        @Override
        public void massStatus()
        {
        }
    }
}

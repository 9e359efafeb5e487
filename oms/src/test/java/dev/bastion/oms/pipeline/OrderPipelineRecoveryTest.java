package dev.bastion.oms.pipeline;

import dev.bastion.oms.api.BusinessReject;
import dev.bastion.oms.api.ClientOrderHandler;
import dev.bastion.oms.api.ClientReplies;
import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.ExecutionReport;
import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.NewOrderRequest;
import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.api.OrderCancelReject;
import dev.bastion.oms.order.Order;
import dev.bastion.oms.portfolio.Portfolio;
import dev.bastion.oms.recon.FindingKind;
import dev.bastion.oms.recovery.OrderStore;
import dev.bastion.oms.route.RoutingTable;
import dev.bastion.oms.venue.VenueAdapter;
import dev.bastion.oms.venue.VenueExecution;
import dev.bastion.oms.venue.VenueListener;
import dev.bastion.oms.venue.VenueOrder;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline with its books on disk: fills booked into the portfolio once, orders and positions
 * back after a restart, and what the venue's status answers show applied exactly once.
 */
class OrderPipelineRecoveryTest
{
    private static final long SESSION = 7;

    @TempDir
    Path directory;

    /** The reports' fields the tests read (the pipeline reuses its report object). */
    private record Report(String clOrdId, ExecType execType, OrdStatus ordStatus, long lastQty, long lastPx)
    {
    }

    private final BlockingQueue<Report> reports = new LinkedBlockingQueue<>();
    private final List<Report> everyReport = new CopyOnWriteArrayList<>();
    private final ClientReplies replies = new ClientReplies()
    {
        @Override
        public boolean sendExecutionReport(final long sessionId, final ExecutionReport report)
        {
            final Report copy = new Report(report.clOrdId().toString(), report.execType(), report.ordStatus(),
                report.lastQty(), report.lastPx());
            everyReport.add(copy);
            return reports.add(copy);
        }

        @Override
        public boolean sendOrderCancelReject(final long sessionId, final OrderCancelReject reject)
        {
            return true;
        }

        @Override
        public boolean sendBusinessReject(final long sessionId, final BusinessReject reject)
        {
            return true;
        }

        @Override
        public boolean sendRaw(
            final long sessionId, final String msgType, final boolean possResend, final DirectBuffer body,
            final int offset, final int length)
        {
            return true;
        }
    };
    private ManualVenue venue;
    private OrderPipeline pipeline;

    @AfterEach
    void close()
    {
        if (pipeline != null)
        {
            pipeline.close();
        }
    }

    @Test
    void shouldBookEachFillIntoThePortfolioOnceAndIgnoreAResend() throws Exception
    {
        start();
        pipeline.clientHandler().onNewOrder(limitOrder("P1", 100, 10));
        final VenueOrder sent = venue.awaitSent(0);
        venue.report(sent, "E1", ExecType.NEW, OrdStatus.NEW, 0, 0, 0, false);
        venue.report(sent, "E2", ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 40, 40, 10, false);
        venue.report(sent, "E2", ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 40, 40, 10, true);
        awaitReport("P1", ExecType.TRADE);

        awaitTrue("the duplicate counted", () ->
            pipeline.reconciliationReport().count(FindingKind.DUPLICATE_EXECUTION) == 1);
        final Portfolio portfolio = pipeline.books().portfolio();
        assertThat(portfolio.quantity(portfolio.findAccountId("ACC"), portfolio.findSymbolId("AAPL")))
            .isEqualTo(FixedPoint.qty(40));
        assertThat(portfolio.cash(portfolio.findAccountId("ACC"))).isEqualTo(FixedPoint.price(1_000_000 - 400));
    }

    @Test
    void shouldBookAVenueBustAsAnOffsettingFillAndReportIt() throws Exception
    {
        start();
        pipeline.clientHandler().onNewOrder(limitOrder("B1", 100, 10));
        final VenueOrder sent = venue.awaitSent(0);
        venue.report(sent, "E1", ExecType.NEW, OrdStatus.NEW, 0, 0, 0, false);
        venue.report(sent, "E2", ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 40, 40, 10, false);
        awaitReport("B1", ExecType.TRADE);
        venue.bust(sent, "E3", "E2");
        awaitReport("B1", ExecType.TRADE_CANCEL);

        final Portfolio portfolio = pipeline.books().portfolio();
        final int account = portfolio.findAccountId("ACC");
        assertThat(portfolio.quantity(account, portfolio.findSymbolId("AAPL"))).isZero();
        assertThat(portfolio.cash(account)).isEqualTo(FixedPoint.price(1_000_000));
        awaitTrue("the bust in the report", () ->
            pipeline.reconciliationReport().count(FindingKind.FILL_CHANGE_BOOKED) == 1);
    }

    @Test
    void shouldBookAVenueCorrectionAsAnOffsetAndTheCorrectedFill() throws Exception
    {
        start();
        pipeline.clientHandler().onNewOrder(limitOrder("K1", 100, 10));
        final VenueOrder sent = venue.awaitSent(0);
        venue.report(sent, "E1", ExecType.NEW, OrdStatus.NEW, 0, 0, 0, false);
        venue.report(sent, "E2", ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 40, 40, 10, false);
        awaitReport("K1", ExecType.TRADE);
        venue.correct(sent, "E3", "E2", 30, 9.5);
        awaitReport("K1", ExecType.TRADE_CORRECT);

        final Portfolio portfolio = pipeline.books().portfolio();
        final int account = portfolio.findAccountId("ACC");
        assertThat(portfolio.quantity(account, portfolio.findSymbolId("AAPL"))).isEqualTo(FixedPoint.qty(30));
        assertThat(portfolio.cash(account)).isEqualTo(FixedPoint.price(1_000_000 - 285));
        assertThat(pipeline.book().byClOrdId(SESSION, "K1").cumQty()).isEqualTo(FixedPoint.qty(30));
    }

    @Test
    void shouldRestoreOpenOrdersAndPositionsAndApplyMissedFillsOnceAfterARestart() throws Exception
    {
        start();
        pipeline.clientHandler().onNewOrder(limitOrder("R1", 100, 10));
        final VenueOrder sent = venue.awaitSent(0);
        venue.report(sent, "E1", ExecType.NEW, OrdStatus.NEW, 0, 0, 0, false);
        venue.report(sent, "E2", ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 30, 30, 10, false);
        awaitReport("R1", ExecType.TRADE);
        final long orderId = pipeline.book().byClOrdId(SESSION, "R1").orderId();
        pipeline.close();

        start();
        final Order restored = pipeline.book().byOrderId(orderId);
        assertThat(restored).isNotNull();
        assertThat(restored.status()).isEqualTo(OrdStatus.PARTIALLY_FILLED);
        assertThat(restored.cumQty()).isEqualTo(FixedPoint.qty(30));
        assertThat(pipeline.awaitRecovered(100, TimeUnit.MILLISECONDS)).as("waits for the venue's answer").isFalse();

        // The venue logs on: the OMS asks for the order's status; the venue filled 50 more at 11 meanwhile.
        venue.listener.onConnected("SIM");
        awaitTrue("a status request", () -> !venue.statusRequests.isEmpty());
        final long avgPx = FixedPoint.price((30 * 10 + 50 * 11) / 80.0);
        venue.status(venue.statusRequests.get(0), OrdStatus.PARTIALLY_FILLED, 80, avgPx);
        assertThat(pipeline.awaitRecovered(10, TimeUnit.SECONDS)).isTrue();
        final Report missed = awaitReport("R1", ExecType.TRADE);
        assertThat(missed.lastQty()).isEqualTo(FixedPoint.qty(50));
        assertThat(missed.lastPx()).isEqualTo(FixedPoint.price(11));

        // The venue resends the fill the OMS missed: its CumQty is reached already, so it is not booked again.
        venue.report(venue.statusRequests.get(0), "E3", ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 50, 80, 11, true);
        awaitTrue("the resend counted as a duplicate", () ->
            pipeline.reconciliationReport().count(FindingKind.DUPLICATE_EXECUTION) == 1);
        final Portfolio portfolio = pipeline.books().portfolio();
        final int account = portfolio.findAccountId("ACC");
        assertThat(portfolio.quantity(account, portfolio.findSymbolId("AAPL"))).isEqualTo(FixedPoint.qty(80));
        assertThat(portfolio.cash(account)).isEqualTo(FixedPoint.price(1_000_000 - 300 - 550));
        awaitTrue("the missed fill in the report", () ->
            pipeline.reconciliationReport().count(FindingKind.MISSED_FILL_APPLIED) == 1);
        assertThat(pipeline.book().byOrderId(orderId).cumQty()).isEqualTo(FixedPoint.qty(80));
    }

    @Test
    void shouldEndAnOrderTheVenueNeverReceivedAndReportItCritical() throws Exception
    {
        start();
        pipeline.clientHandler().onNewOrder(limitOrder("L1", 10, 10));
        venue.awaitSent(0);
        awaitReport("L1", ExecType.PENDING_NEW);
        pipeline.close();

        start();
        venue.listener.onConnected("SIM");
        awaitTrue("a status request", () -> !venue.statusRequests.isEmpty());
        venue.unknown(venue.statusRequests.get(0));
        assertThat(pipeline.awaitRecovered(10, TimeUnit.SECONDS)).isTrue();
        final Report rejected = awaitReport("L1", ExecType.REJECTED);
        assertThat(rejected.ordStatus()).isEqualTo(OrdStatus.REJECTED);
        awaitTrue("the finding in the report", () ->
            pipeline.reconciliationReport().count(FindingKind.ORDER_NOT_AT_VENUE) == 1);
        assertThat(pipeline.reconciliationReport().toString()).contains("ORDER_NOT_AT_VENUE", "CRITICAL");
    }

    @Test
    void shouldKeepEachSessionsLastProcessedMessageAcrossARestart() throws Exception
    {
        start();
        assertThat(pipeline.clientHandler().processedUpTo(SESSION)).as("a new store knows nothing of before")
            .isEqualTo(ClientOrderHandler.REPLAY_NOTHING);
        pipeline.clientHandler().onNewOrder(limitOrder("M1", 10, 10, 2, false));
        pipeline.clientHandler().onNewOrder(limitOrder("M2", 20, 10, 3, false));
        venue.awaitSent(1);
        awaitReport("M2", ExecType.PENDING_NEW);
        pipeline.close();

        start();
        assertThat(pipeline.clientHandler().processedUpTo(SESSION)).isEqualTo(OrderStore.mark(0, 3));
        // One the gateway's throttle refused counts as processed: a restart must not replay it.
        pipeline.clientHandler().onRefused(SESSION, 0, 4);
        pipeline.close();

        start();
        assertThat(pipeline.clientHandler().processedUpTo(SESSION)).isEqualTo(OrderStore.mark(0, 4));
        assertThat(pipeline.clientHandler().processedUpTo(SESSION + 1)).as("a session it never heard from")
            .isEqualTo(ClientOrderHandler.NOTHING_PROCESSED);
        assertThat(pipeline.books().store().size()).as("marks are not orders").isEqualTo(2);
    }

    @Test
    void shouldSkipAReplayedOrderItKnowsAndTakeAReplayedOrderItDoesNot() throws Exception
    {
        start();
        pipeline.clientHandler().onNewOrder(limitOrder("K1", 10, 10, 2, false));
        venue.awaitSent(0);
        awaitReport("K1", ExecType.PENDING_NEW);

        // The last run wrote K1 and died before marking message 2 processed: the replay brings it again.
        pipeline.clientHandler().onNewOrder(limitOrder("K1", 10, 10, 2, true));
        pipeline.clientHandler().onNewOrder(limitOrder("K2", 20, 10, 3, true));
        venue.awaitSent(1);
        awaitReport("K2", ExecType.PENDING_NEW);
        assertThat(venue.sent).extracting(VenueOrder::symbol).hasSize(2);
        assertThat(everyReport).as("K1 answered once, not rejected as a duplicate")
            .filteredOn(report -> report.clOrdId().equals("K1")).extracting(Report::execType)
            .containsExactly(ExecType.PENDING_NEW);
        pipeline.close();

        start();
        assertThat(pipeline.clientHandler().processedUpTo(SESSION)).isEqualTo(OrderStore.mark(0, 3));
    }

    private void start()
    {
        reports.clear();
        venue = new ManualVenue();
        final OmsConfiguration configuration = new OmsConfiguration()
            .venues(listener -> List.of(venue.listening(listener)))
            .router(new RoutingTable("SIM", Map.of()))
            .waitStrategy(WaitStrategyChoice.BLOCKING)
            .timerInterval(Duration.ofMillis(20))
            .ringSize(1024)
            .dataDirectory(directory);
        configuration.preTradeConfiguration().limits().capital(1_000_000);
        configuration.preTradeConfiguration().limits().maxOrderNotional(1_000_000);
        pipeline = new OrderPipeline(configuration, replies).start();
    }

    private Report awaitReport(final String clOrdId, final ExecType execType) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline)
        {
            final Report report = reports.poll(100, TimeUnit.MILLISECONDS);
            if (report != null && report.clOrdId().equals(clOrdId) && report.execType() == execType)
            {
                return report;
            }
        }
        throw new AssertionError("no " + execType + " report for " + clOrdId + " within 10 s");
    }

    private static void awaitTrue(final String what, final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean())
        {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static NewOrderRequest limitOrder(final String clOrdId, final double qty, final double price)
    {
        return limitOrder(clOrdId, qty, price, 2, false);
    }

    private static NewOrderRequest limitOrder(
        final String clOrdId, final double qty, final double price, final int msgSeqNum, final boolean replayed)
    {
        final NewOrderRequest order = new NewOrderRequest();
        order.resetOrderFields();
        order.resetHeader(SESSION, msgSeqNum, false, 0, null, 0, 0);
        order.sequence(0, replayed);
        order.clOrdId(clOrdId);
        order.account("ACC".toCharArray(), 3);
        order.symbol("AAPL");
        order.side('1');
        order.ordType('2');
        order.timeInForce('0');
        order.orderQty(FixedPoint.qty(qty));
        order.price(FixedPoint.price(price));
        return order;
    }

    /** A venue the test drives: it records requests and reports only when told to. */
    private static final class ManualVenue implements VenueAdapter
    {
        final List<VenueOrder> sent = new CopyOnWriteArrayList<>();
        final List<VenueOrder> statusRequests = new CopyOnWriteArrayList<>();
        VenueListener listener;

        ManualVenue listening(final VenueListener listener)
        {
            this.listener = listener;
            return this;
        }

        VenueOrder awaitSent(final int index) throws InterruptedException
        {
            awaitTrue("order " + index + " sent", () -> sent.size() > index);
            return sent.get(index);
        }

        void report(
            final VenueOrder order, final String execId, final ExecType execType, final OrdStatus status,
            final double lastQty, final double cumQty, final double px, final boolean possDup)
        {
            listener.onExecutionReport(new VenueExecution("SIM", order.venueClOrdId(), null, "V1", execId, null,
                execType, status, FixedPoint.qty(lastQty), px == 0 ? 0 : FixedPoint.price(px), FixedPoint.qty(cumQty),
                order.qty() - FixedPoint.qty(cumQty), px == 0 ? 0 : FixedPoint.price(px), null, -1, VenueOrder.NO_TIME,
                false, possDup));
        }

        void status(final VenueOrder order, final OrdStatus status, final double cumQty, final long avgPx)
        {
            listener.onExecutionReport(new VenueExecution("SIM", order.venueClOrdId(), null, "V1", "S1", null,
                ExecType.ORDER_STATUS, status, 0, 0, FixedPoint.qty(cumQty), order.qty() - FixedPoint.qty(cumQty),
                avgPx, null, -1, VenueOrder.NO_TIME, false, false));
        }

        void bust(final VenueOrder order, final String execId, final String execRefId)
        {
            listener.onExecutionReport(new VenueExecution("SIM", order.venueClOrdId(), null, "V1", execId, execRefId,
                ExecType.TRADE_CANCEL, OrdStatus.NEW, 0, 0, 0, order.qty(), 0, null, -1, VenueOrder.NO_TIME, false,
                false));
        }

        void correct(final VenueOrder order, final String execId, final String execRefId, final double qty,
            final double px)
        {
            listener.onExecutionReport(new VenueExecution("SIM", order.venueClOrdId(), null, "V1", execId, execRefId,
                ExecType.TRADE_CORRECT, OrdStatus.PARTIALLY_FILLED, FixedPoint.qty(qty), FixedPoint.price(px),
                FixedPoint.qty(qty), order.qty() - FixedPoint.qty(qty), FixedPoint.price(px), null, -1,
                VenueOrder.NO_TIME, false, false));
        }

        void unknown(final VenueOrder order)
        {
            listener.onExecutionReport(new VenueExecution("SIM", order.venueClOrdId(), null, "NONE", "S2", null,
                ExecType.ORDER_STATUS, OrdStatus.REJECTED, 0, 0, 0, 0, 0, "Unknown order", 5, VenueOrder.NO_TIME,
                false, false));
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
            sent.add(order);
        }

        @Override
        public void cancel(final String venueClOrdId, final String origVenueClOrdId, final VenueOrder order)
        {
        }

        @Override
        public void replace(final String newVenueClOrdId, final String origVenueClOrdId, final VenueOrder amended)
        {
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

package dev.bastion.oms.pipeline;

import dev.bastion.oms.api.BusinessReject;
import dev.bastion.oms.api.CancelRequest;
import dev.bastion.oms.api.ClientReplies;
import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.ExecutionReport;
import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.NewOrderRequest;
import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.api.OrderCancelReject;
import dev.bastion.oms.route.RoutingTable;
import dev.bastion.oms.venue.VenueAdapter;
import dev.bastion.oms.venue.VenueExecution;
import dev.bastion.oms.venue.VenueListener;
import dev.bastion.oms.venue.VenueOrder;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline with its real ring and business thread, a venue that answers on its own thread,
 * and the client side recorded: what a client would see, in order.
 */
class OrderPipelineTest
{
    private static final long SESSION = 3;

    private final BlockingQueue<String> toClient = new LinkedBlockingQueue<>();
    private final ClientReplies replies = new ClientReplies()
    {
        @Override
        public boolean sendExecutionReport(final long sessionId, final ExecutionReport report)
        {
            return toClient.add("8 " + report.clOrdId() + " " + report.execType() + " " + report.ordStatus() +
                " cum=" + FixedPoint.qtyToDouble(report.cumQty()) + " leaves=" + FixedPoint.qtyToDouble(report.leavesQty()) +
                (report.text().length() > 0 ? " text=" + report.text() : "") +
                (report.riskRejectCode() > 0 ? " risk=" + report.riskRejectCode() : ""));
        }

        @Override
        public boolean sendOrderCancelReject(final long sessionId, final OrderCancelReject reject)
        {
            return toClient.add("9 " + reject.clOrdId() + " reason=" + reject.cxlRejReason());
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
    private OrderPipeline pipeline;

    @AfterEach
    void stop()
    {
        if (pipeline != null)
        {
            pipeline.close();
        }
    }

    @Test
    void anOrderPassesRiskIsRoutedAndItsAckAndFillReachTheClient() throws InterruptedException
    {
        start(order -> null);

        assertThat(pipeline.clientHandler().onNewOrder(limitOrder("A1", 100, 10))).isTrue();

        assertThat(next()).isEqualTo("8 A1 NEW NEW cum=0.0 leaves=100.0");
        assertThat(next()).isEqualTo("8 A1 TRADE FILLED cum=100.0 leaves=0.0");
    }

    @Test
    void anOrderRefusedByRiskIsRejectedWithItsReasonAndNeverReachesTheVenue() throws InterruptedException
    {
        start(order -> order.orderQty() > FixedPoint.qty(50) ? new PreTradeCheck.Refusal(1, "max order qty 50") : null);

        pipeline.clientHandler().onNewOrder(limitOrder("A1", 100, 10));

        assertThat(next()).isEqualTo("8 A1 REJECTED REJECTED cum=0.0 leaves=0.0 text=max order qty 50 risk=1");
        assertThat(toClient.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aLimitOrderWithoutPriceIsRejectedWithText() throws InterruptedException
    {
        start(order -> null);

        pipeline.clientHandler().onNewOrder(limitOrder("A1", 100, Double.NaN));

        assertThat(next()).startsWith("8 A1 REJECTED REJECTED").contains("needs a positive Price");
    }

    @Test
    void cancelOfAFilledOrderComesBackTooLateToCancel() throws InterruptedException
    {
        start(order -> null);
        pipeline.clientHandler().onNewOrder(limitOrder("A1", 100, 10));
        next();
        next();

        final CancelRequest cancel = new CancelRequest();
        cancel.reset();
        cancel.resetHeader(SESSION, 3, false, 0, null, 0, 0);
        cancel.clOrdId("A2".toCharArray(), 2);
        cancel.origClOrdId("A1".toCharArray(), 2);
        pipeline.clientHandler().onCancelRequest(cancel);

        assertThat(next()).isEqualTo("9 A2 reason=0");
    }

    private void start(final PreTradeCheck check)
    {
        pipeline = new OrderPipeline(replies, listener -> List.of(new InstantFillVenue(listener)),
            new RoutingTable("SIM", Map.of()), check, null, WaitStrategyChoice.BLOCKING, 1024).start();
    }

    private String next() throws InterruptedException
    {
        final String message = toClient.poll(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
        assertThat(message).as("a message to the client within 5 s").isNotNull();
        return message;
    }

    private static NewOrderRequest limitOrder(final String clOrdId, final double qty, final double price)
    {
        final NewOrderRequest order = new NewOrderRequest();
        order.resetOrderFields();
        order.resetHeader(SESSION, 2, false, 0, null, 0, 0);
        order.clOrdId(clOrdId);
        order.symbol("AAPL");
        order.side('1');
        order.ordType('2');
        order.timeInForce('0');
        order.orderQty(FixedPoint.qty(qty));
        order.price(Double.isNaN(price) ? FixedPoint.NONE : FixedPoint.price(price));
        return order;
    }

    /** A venue that acknowledges and fills every order in full, from its own thread. */
    private static final class InstantFillVenue implements VenueAdapter
    {
        private final VenueListener listener;
        private int execIds;

        InstantFillVenue(final VenueListener listener)
        {
            this.listener = listener;
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
            final Thread venueThread = new Thread(() ->
            {
                listener.onExecutionReport(execution(order, ExecType.NEW, OrdStatus.NEW, 0));
                listener.onExecutionReport(execution(order, ExecType.TRADE, OrdStatus.FILLED, order.qty()));
            });
            venueThread.start();
        }

        private VenueExecution execution(
            final VenueOrder order, final ExecType execType, final OrdStatus status, final long lastQty)
        {
            return new VenueExecution("SIM", order.venueClOrdId(), null, "V" + order.orderId(), "X" + ++execIds, null,
                execType, status, lastQty, order.price(), lastQty, order.qty() - lastQty, order.price(), null, -1,
                VenueOrder.NO_TIME, false, false);
        }

        @Override
        public void cancel(final String venueClOrdId, final String origVenueClOrdId, final VenueOrder order)
        {
            listener.onCancelReject("SIM", venueClOrdId, origVenueClOrdId, 0, "filled");
        }

        @Override
        public void replace(final String newVenueClOrdId, final String origVenueClOrdId, final VenueOrder amended)
        {
            listener.onCancelReject("SIM", newVenueClOrdId, origVenueClOrdId, 0, "filled");
        }

        @Override
        public void requestStatus(final VenueOrder order)
        {
        }

        @Override
        public void massStatus()
        {
        }
    }
}

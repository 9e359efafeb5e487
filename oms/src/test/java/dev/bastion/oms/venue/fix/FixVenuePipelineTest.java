package dev.bastion.oms.venue.fix;

import dev.bastion.oms.api.BusinessReject;
import dev.bastion.oms.api.CancelRequest;
import dev.bastion.oms.api.ClientReplies;
import dev.bastion.oms.api.ExecutionReport;
import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.NewOrderRequest;
import dev.bastion.oms.api.OrderCancelReject;
import dev.bastion.oms.api.ReplaceRequest;
import dev.bastion.oms.pipeline.OmsConfiguration;
import dev.bastion.oms.pipeline.OrderPipeline;
import dev.bastion.oms.pipeline.PreTradeCheck;
import dev.bastion.oms.pipeline.WaitStrategyChoice;
import dev.bastion.oms.route.RoutingTable;
import dev.bastion.oms.venue.sim.SimulatedInstrument;
import dev.bastion.oms.venue.sim.VenueSimulator;
import dev.bastion.oms.venue.sim.VenueSimulatorConfiguration;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.bastion.oms.api.FixedPoint.price;
import static dev.bastion.oms.api.FixedPoint.qty;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OMS pipeline wired the way the gateway will wire it ({@link FixVenues#adapters} from a
 * settings file) to the venue simulator: what a client sees of venue fills, busts, cancels.
 */
class FixVenuePipelineTest
{
    private static final long SESSION = 7;

    @TempDir
    Path dir;

    private final BlockingQueue<String> toClient = new LinkedBlockingQueue<>();
    private VenueSimulator sim;
    private OrderPipeline pipeline;

    @BeforeEach
    void start() throws IOException
    {
        sim = VenueSimulator.launch(new VenueSimulatorConfiguration()
            .instrument(SimulatedInstrument.of("AAPL", 100.0, 0.001, 0.01, 1000))
            .conclude());
        final Path settings = Files.writeString(dir.resolve("sim.cfg"), sim.initiatorSettings(FixVersion.FIX44, 5, 1));
        pipeline = new OrderPipeline(new OmsConfiguration()
            .venues(FixVenues.adapters(List.of(new VenueDefinition("SIM", settings, dir.resolve("data")))))
            .router(new RoutingTable("SIM", Map.of()))
            .preTradeCheck(PreTradeCheck.NONE)
            .waitStrategy(WaitStrategyChoice.BLOCKING)
            .ringSize(1024), new RecordingReplies()).start();
        Await.until(() -> sim.isLoggedOn(FixVersion.FIX44), "the OMS logged on to the simulator");
    }

    @AfterEach
    void stop()
    {
        sim.close();
        pipeline.close();
    }

    @Test
    void shouldBringAVenueFillItsBustAndAnUnsolicitedCancelBackToTheClient() throws InterruptedException
    {
        pipeline.clientHandler().onNewOrder(order("A1", '0', 100, 100));

        assertThat(next()).isEqualTo("8 A1 PENDING_NEW PENDING_NEW cum=0.0 leaves=100.0");
        assertThat(next()).isEqualTo("8 A1 NEW NEW cum=0.0 leaves=100.0");
        assertThat(next()).isEqualTo("8 A1 TRADE FILLED cum=100.0 leaves=0.0");

        sim.bust(sim.record().fills().get(0).execId());
        assertThat(next()).startsWith("8 A1 TRADE_CANCEL NEW cum=0.0 leaves=100.0");

        sim.cancelUnsolicited(sim.record().orders().get(0).clOrdId(), "Halted");
        assertThat(next()).isEqualTo("8 A1 CANCELED CANCELED cum=0.0 leaves=0.0 text=Halted");
    }

    @Test
    void shouldCancelAtTheVenueForTheClientAndEndAnIocRemainder() throws InterruptedException
    {
        pipeline.clientHandler().onNewOrder(order("A1", '0', 100, 99));
        assertThat(next()).isEqualTo("8 A1 PENDING_NEW PENDING_NEW cum=0.0 leaves=100.0");
        assertThat(next()).isEqualTo("8 A1 NEW NEW cum=0.0 leaves=100.0");

        pipeline.clientHandler().onCancelRequest(cancel("A2", "A1"));
        assertThat(next()).isEqualTo("8 A2 PENDING_CANCEL PENDING_CANCEL cum=0.0 leaves=100.0");
        assertThat(next()).isEqualTo("8 A2 CANCELED CANCELED cum=0.0 leaves=0.0");

        sim.step("AAPL", price(100), qty(40));
        pipeline.clientHandler().onNewOrder(order("A3", '3', 100, 100));
        assertThat(next()).isEqualTo("8 A3 PENDING_NEW PENDING_NEW cum=0.0 leaves=100.0");
        assertThat(next()).isEqualTo("8 A3 NEW NEW cum=0.0 leaves=100.0");
        assertThat(next()).isEqualTo("8 A3 TRADE PARTIALLY_FILLED cum=40.0 leaves=60.0");
        assertThat(next()).isEqualTo("8 A3 CANCELED CANCELED cum=40.0 leaves=0.0 text=IOC remainder canceled");
    }

    @Test
    void shouldReplaceAtTheVenueForTheClientAndPassOnACorrection() throws InterruptedException
    {
        pipeline.clientHandler().onNewOrder(order("A1", '0', 100, 99));
        assertThat(next()).isEqualTo("8 A1 PENDING_NEW PENDING_NEW cum=0.0 leaves=100.0");
        assertThat(next()).isEqualTo("8 A1 NEW NEW cum=0.0 leaves=100.0");

        pipeline.clientHandler().onReplaceRequest(replace("A2", "A1", 200, 100.5));
        assertThat(next()).isEqualTo("8 A2 PENDING_REPLACE PENDING_REPLACE cum=0.0 leaves=100.0");
        assertThat(next()).isEqualTo("8 A2 REPLACED NEW cum=0.0 leaves=200.0");
        assertThat(next()).isEqualTo("8 A2 TRADE FILLED cum=200.0 leaves=0.0");

        sim.correct(sim.record().fills().get(0).execId(), qty(150), price(100));
        assertThat(next()).startsWith("8 A2 TRADE_CORRECT PARTIALLY_FILLED cum=150.0 leaves=50.0");
    }

    @Test
    void shouldTellTheClientOfVenueRejectsAndExpiries() throws InterruptedException
    {
        sim.rejectNext(1, 3, "Too big for the venue");
        pipeline.clientHandler().onNewOrder(order("A1", '0', 100, 99));
        assertThat(next()).isEqualTo("8 A1 PENDING_NEW PENDING_NEW cum=0.0 leaves=100.0");
        assertThat(next()).isEqualTo("8 A1 REJECTED REJECTED cum=0.0 leaves=0.0 text=Too big for the venue");

        sim.sessionRejectNext(1);
        pipeline.clientHandler().onNewOrder(order("A2", '0', 100, 99));
        assertThat(next()).isEqualTo("8 A2 PENDING_NEW PENDING_NEW cum=0.0 leaves=100.0");
        assertThat(next()).startsWith("8 A2 REJECTED REJECTED cum=0.0 leaves=0.0 text=Session Reject by the venue");

        pipeline.clientHandler().onNewOrder(order("A3", '0', 100, 99));
        assertThat(next()).isEqualTo("8 A3 PENDING_NEW PENDING_NEW cum=0.0 leaves=100.0");
        assertThat(next()).isEqualTo("8 A3 NEW NEW cum=0.0 leaves=100.0");
        sim.endOfDay();
        assertThat(next()).isEqualTo(
            "8 A3 EXPIRED EXPIRED cum=0.0 leaves=0.0 text=Day order expired at the end of the day");
    }

    private String next() throws InterruptedException
    {
        final String message = toClient.poll(VenueEvents.WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(message).as("a message to the client within " + VenueEvents.WAIT_SECONDS + " s").isNotNull();
        return message;
    }

    private static NewOrderRequest order(
        final String clOrdId, final char timeInForce, final double qty, final double px)
    {
        final NewOrderRequest order = new NewOrderRequest();
        order.resetOrderFields();
        order.resetHeader(SESSION, 2, false, 0, null, 0, 0);
        order.clOrdId(clOrdId);
        order.symbol("AAPL");
        order.side('1');
        order.ordType('2');
        order.timeInForce(timeInForce);
        order.orderQty(FixedPoint.qty(qty));
        order.price(FixedPoint.price(px));
        return order;
    }

    private static ReplaceRequest replace(
        final String clOrdId, final String origClOrdId, final double qty, final double px)
    {
        final ReplaceRequest replace = new ReplaceRequest();
        replace.resetOrderFields();
        replace.resetHeader(SESSION, 4, false, 0, null, 0, 0);
        replace.clOrdId(clOrdId);
        replace.origClOrdId(origClOrdId.toCharArray(), origClOrdId.length());
        replace.symbol("AAPL");
        replace.side('1');
        replace.ordType('2');
        replace.timeInForce('0');
        replace.orderQty(FixedPoint.qty(qty));
        replace.price(FixedPoint.price(px));
        return replace;
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

    /** What the gateway would write to the client, one line per message. */
    private final class RecordingReplies implements ClientReplies
    {
        @Override
        public boolean sendExecutionReport(final long sessionId, final ExecutionReport report)
        {
            return toClient.add("8 " + report.clOrdId() + " " + report.execType() + " " + report.ordStatus() +
                " cum=" + FixedPoint.qtyToDouble(report.cumQty()) +
                " leaves=" + FixedPoint.qtyToDouble(report.leavesQty()) +
                (report.text().length() > 0 ? " text=" + report.text() : ""));
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
    }
}

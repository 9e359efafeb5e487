package dev.bastion.oms.venue.fix;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.api.TimeInForce;
import dev.bastion.oms.venue.VenueExecution;
import dev.bastion.oms.venue.VenueOrder;
import dev.bastion.oms.venue.sim.SimExecution;
import dev.bastion.oms.venue.sim.SimulatedInstrument;
import dev.bastion.oms.venue.sim.VenueRecord;
import dev.bastion.oms.venue.sim.VenueSimulator;
import dev.bastion.oms.venue.sim.VenueSimulatorConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static dev.bastion.oms.api.FixedPoint.price;
import static dev.bastion.oms.api.FixedPoint.qty;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapter across lost connections and restarts: nothing is lost, nothing is sent twice as a
 * new order, and what the venue sent meanwhile is resent by sequence number. Each test has its
 * own simulator and adapter (a reconnect takes QuickFIX/J about a second).
 */
class FixVenueAdapterReconnectTest
{
    @TempDir
    Path dir;

    private final VenueEvents events = new VenueEvents();
    private VenueSimulator sim;
    private FixVenueAdapter adapter;

    @BeforeEach
    void connect() throws InterruptedException
    {
        sim = VenueSimulator.launch(new VenueSimulatorConfiguration()
            .instrument(SimulatedInstrument.of("AAPL", 100.0, 0.001, 0.01, 1000))
            .conclude());
        adapter = newAdapter();
        adapter.start();
        events.awaitConnected();
    }

    @AfterEach
    void stop()
    {
        sim.close();
        adapter.stop();
    }

    @Test
    void shouldSendOrdersMadeWhileDisconnectedOnceAfterTheNextLogon() throws Exception
    {
        sim.refuseLogons(true);
        sim.disconnect(Duration.ZERO);
        events.awaitDisconnected();
        assertThat(adapter.isConnected()).isFalse();

        adapter.send(limit("Q1", Side.BUY, 99));
        adapter.send(limit("Q2", Side.SELL, 101));
        sim.refuseLogons(false);
        events.awaitConnected();

        assertThat(events.next(ExecType.NEW).venueClOrdId()).isEqualTo("Q1");
        assertThat(events.next(ExecType.NEW).venueClOrdId()).isEqualTo("Q2");
        assertThat(adapter.isConnected()).isTrue();
        final VenueRecord record = sim.record();
        assertThat(record.bookedCount("Q1")).isOne();
        assertThat(record.bookedCount("Q2")).isOne();
        assertThat(record.requests()).filteredOn(request -> "D".equals(request.msgType()))
            .extracting(VenueRecord.Request::clOrdId).containsExactly("Q1", "Q2");
    }

    @Test
    void shouldBookAnOrderOnceWhenTheVenueDisconnectsWhileItIsInFlight() throws Exception
    {
        sim.delayAcks(Duration.ofMillis(300));
        sim.refuseLogons(true);

        adapter.send(limit("L1", Side.BUY, 99));
        Await.until(() -> !sim.record().requests().isEmpty(), "the venue received L1");
        sim.disconnect(Duration.ZERO);
        events.awaitDisconnected();
        adapter.send(limit("L2", Side.BUY, 99));
        sim.refuseLogons(false);
        events.awaitConnected();

        final List<String> acked = List.of(events.next(ExecType.NEW).venueClOrdId(),
            events.next(ExecType.NEW).venueClOrdId());
        assertThat(acked).containsExactlyInAnyOrder("L1", "L2");
        assertThat(sim.record().bookedCount("L1")).isOne();
        assertThat(sim.record().bookedCount("L2")).isOne();
        assertThat(sim.record().orders()).hasSize(2);
    }

    @Test
    void shouldGetReportsMissedWhileDisconnectedResentAsPossibleDuplicates() throws Exception
    {
        adapter.send(limit("L1", Side.BUY, 99));
        events.next(ExecType.NEW);
        sim.refuseLogons(true);
        sim.disconnect(Duration.ZERO);
        events.awaitDisconnected();

        sim.step("AAPL", price(98.5), qty(1000));
        sim.refuseLogons(false);
        events.awaitConnected();

        final VenueExecution fill = events.next(ExecType.TRADE);
        assertThat(fill.possibleDuplicate()).isTrue();
        assertThat(fill.lastQty()).isEqualTo(qty(100));
        assertThat(sim.record().fills()).singleElement().extracting(SimExecution::execId).isEqualTo(fill.execId());
        assertThat(sim.record().bookedCount("L1")).isOne();
    }

    @Test
    void shouldResumeSequenceNumbersAfterARestartAndGetFillsMadeWhileStopped() throws Exception
    {
        adapter.send(limit("L1", Side.BUY, 99));
        events.next(ExecType.NEW);
        adapter.stop();
        events.awaitDisconnected();

        sim.step("AAPL", price(98.5), qty(1000));
        adapter = newAdapter();
        adapter.start();
        events.awaitConnected();

        final VenueExecution fill = events.next(ExecType.TRADE);
        assertThat(fill.venueClOrdId()).isEqualTo("L1");
        assertThat(fill.possibleDuplicate()).isTrue();
        try (Stream<Path> files = Files.list(dir.resolve("venue/store")))
        {
            assertThat(files.map(file -> file.getFileName().toString())).contains("FIX.4.4-BASTION-SIM.senderseqnums");
        }
        assertThat(dir.resolve("venue/log")).isDirectory();
    }

    private FixVenueAdapter newAdapter()
    {
        return new FixVenueAdapter("SIM",
            FixVenueSettings.parse(sim.initiatorSettings(FixVersion.FIX44, 5, 1), "test", dir.resolve("venue")),
            events);
    }

    private static VenueOrder limit(final String clOrdId, final Side side, final double price)
    {
        return VenueOrder.limit(clOrdId, 1, "AAPL", side, qty(100), price(price), TimeInForce.DAY);
    }
}

package dev.bastion.oms.venue.fix;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.api.TimeInForce;
import dev.bastion.oms.venue.VenueOrder;
import dev.bastion.oms.venue.sim.SimulatedInstrument;
import dev.bastion.oms.venue.sim.VenueRecord;
import dev.bastion.oms.venue.sim.VenueSimulator;
import dev.bastion.oms.venue.sim.VenueSimulatorConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static dev.bastion.oms.api.FixedPoint.price;
import static dev.bastion.oms.api.FixedPoint.qty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulator as a server: its port, its FileStore across restarts, its own clock, timed logon refusal. */
class VenueSimulatorTest
{
    @TempDir
    Path dir;

    private final VenueEvents events = new VenueEvents();
    private VenueSimulator sim;
    private VenueSimulator other;
    private FixVenueAdapter adapter;

    @AfterEach
    void stop()
    {
        for (final AutoCloseable closeable : new AutoCloseable[] {other, sim})
        {
            if (closeable != null)
            {
                try
                {
                    closeable.close();
                }
                catch (final Exception ex)
                {
                    throw new IllegalStateException(ex);
                }
            }
        }
        if (adapter != null)
        {
            adapter.stop();
        }
    }

    @Test
    void shouldListenOnAFreePortAndNameThePortItCannotBind()
    {
        sim = VenueSimulator.launch(configuration().conclude());
        assertThat(sim.port()).isPositive();

        assertThatThrownBy(() -> other = VenueSimulator.launch(configuration().port(sim.port()).conclude()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("venue simulator cannot listen on 127.0.0.1:" + sim.port() + ": ");
    }

    @Test
    void shouldRefuseAConfigurationWithoutInstrumentsOrWithBadValues()
    {
        assertThatThrownBy(() -> new VenueSimulatorConfiguration().conclude())
            .hasMessage("no instruments: the simulator needs at least one symbol to trade");
        assertThatThrownBy(() -> configuration().port(70_000).conclude())
            .hasMessage("port must be 0 (any free port) or 1-65535: 70000");
        assertThatThrownBy(() -> SimulatedInstrument.of("X", 100.005, 0.01, 0.01, 10))
            .hasMessageContaining("must be positive and a multiple of the tick size");
        assertThatThrownBy(() -> VenueSimulator.launch(new VenueSimulatorConfiguration()))
            .hasMessage("call conclude() before starting the simulator");
    }

    @Test
    void shouldKeepSequenceNumbersAcrossARestartWithAStoreDirectory() throws Exception
    {
        final Path store = dir.resolve("sim-store");
        sim = VenueSimulator.launch(configuration().storeDirectory(store).conclude());
        final int port = sim.port();
        adapter = new FixVenueAdapter("SIM", FixVenueSettings.parse(sim.initiatorSettings(FixVersion.FIX44, 5, 1),
            "test", dir.resolve("venue")), events);
        adapter.start();
        events.awaitConnected();
        adapter.send(limit("L1"));
        events.next(ExecType.NEW);

        sim.close();
        events.awaitDisconnected();
        sim = VenueSimulator.launch(configuration().port(port).storeDirectory(store).conclude());
        events.awaitConnected();
        adapter.send(limit("L2"));

        assertThat(events.next(ExecType.NEW).venueClOrdId()).isEqualTo("L2");
        // Had the sequence numbers restarted at 1, the adapter's L1 would have been asked for again and booked anew.
        assertThat(sim.record().orders()).extracting(VenueRecord.OrderEntry::clOrdId).containsExactly("L2");
        assertThat(sim.record().requests()).noneMatch(VenueRecord.Request::possibleDuplicate);
    }

    @Test
    void shouldRefuseLogonsForTheTimeGivenThenLetTheClientBackIn() throws Exception
    {
        sim = VenueSimulator.launch(configuration().conclude());
        adapter = new FixVenueAdapter("SIM", FixVenueSettings.parse(sim.initiatorSettings(FixVersion.FIX42, 5, 1),
            "test", dir.resolve("venue")), events);
        adapter.start();
        events.awaitConnected();
        // The venue's side counts as logged on once its own Logon is out, a moment after the client sees it.
        Await.until(() -> sim.isLoggedOn(FixVersion.FIX42), "the FIX 4.2 session logged on at the venue");

        sim.disconnect(Duration.ofMillis(1500));
        events.awaitDisconnected();
        events.awaitConnected();

        Await.until(() -> sim.isLoggedOn(FixVersion.FIX42), "the FIX 4.2 session logged on again");
        assertThat(sim.isLoggedOn(FixVersion.FIX44)).isFalse();
    }

    @Test
    void shouldStepThePricePathOnItsOwnWhenGivenATickInterval()
    {
        sim = VenueSimulator.launch(configuration().tickInterval(Duration.ofMillis(5)).conclude());

        Await.until(() -> sim.lastTick("AAPL").step() >= 3, "three ticks");
    }

    private static VenueSimulatorConfiguration configuration()
    {
        return new VenueSimulatorConfiguration().instrument(SimulatedInstrument.of("AAPL", 100.0, 0.001, 0.01, 1000));
    }

    private static VenueOrder limit(final String clOrdId)
    {
        return VenueOrder.limit(clOrdId, 1, "AAPL", Side.BUY, qty(100), price(99), TimeInForce.DAY);
    }
}

package dev.bastion.cli;

import dev.bastion.gateway.support.BastionProcess;
import dev.bastion.gateway.support.FreePort;
import dev.bastion.oms.venue.fix.FixVersion;
import dev.bastion.oms.venue.sim.SimulatedInstrument;
import dev.bastion.oms.venue.sim.VenueSimulator;
import dev.bastion.oms.venue.sim.VenueSimulatorConfiguration;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bastion start} stopped the way Ctrl-C or a supervisor stops it (SIGTERM) closes what it
 * runs before the JVM exits, so the next start finds its books closed cleanly and recovers nothing.
 */
class StartCommandStopTest
{
    @TempDir
    Path directory;

    private VenueSimulator venue;
    private BastionProcess bastion;

    @AfterEach
    void stopEverything()
    {
        CloseHelper.quietCloseAll(bastion, venue);
    }

    @Test
    void sigtermClosesTheOrderStoreAndThePortfolioCleanlyBeforeTheJvmExits() throws Exception
    {
        venue = VenueSimulator.launch(new VenueSimulatorConfiguration().seed(3)
            .instrument(SimulatedInstrument.of("AAPL", 100.00, 0.001, 0.01, 1_000)).conclude());
        final int port = FreePort.pick();
        bastion = BastionProcess.start(writeConfig(port), directory.resolve("bastion.out"), port);

        bastion.stop();

        final Path books = directory.resolve("data").resolve("oms");
        assertThat(books.resolve("orders").resolve("orders.clean")).as(bastion.output()).exists();
        assertThat(books.resolve("portfolio").resolve("portfolio.clean")).as(bastion.output()).exists();
    }

    private Path writeConfig(final int port) throws IOException
    {
        final Path venueSettings = Files.writeString(directory.resolve("venue.cfg"),
            venue.initiatorSettings(FixVersion.FIX44, 30, 1));
        return Files.writeString(directory.resolve("bastion.yaml"), String.join("\n",
            "gateway:",
            "  host: 127.0.0.1",
            "  port: " + port,
            "  dataDirectory: " + directory.resolve("data"),
            "sessions:",
            "  - senderCompId: BASTION",
            "    targetCompId: CLIENT1",
            "    fixVersion: FIX.4.4",
            "venues:",
            "  - name: SIM",
            "    settingsFile: " + venueSettings,
            "    dataDirectory: " + directory.resolve("venue"),
            "routing:",
            "  defaultVenue: SIM",
            ""), StandardCharsets.UTF_8);
    }
}

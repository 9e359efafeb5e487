package dev.bastion.gateway.compliance;

import dev.bastion.gateway.support.BastionProcess;
import dev.bastion.gateway.support.FreePort;
import dev.bastion.gateway.support.QuickFixClient;
import dev.bastion.oms.venue.fix.FixVersion;
import dev.bastion.oms.venue.sim.SimulatedInstrument;
import dev.bastion.oms.venue.sim.VenueSimulator;
import dev.bastion.oms.venue.sim.VenueSimulatorConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.field.Side;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.bastion.gateway.support.TestOrders.newOrderSingle;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compliance log across a crash: the gateway runs in its own JVM ({@code bastion start}),
 * holds its records in memory (a long flush interval), a QuickFIX/J client trades through it, the
 * process is killed with SIGKILL (its venue, a simulator in the test's JVM, stays up), and the next start writes what the log lacked from Artio's
 * archive before it accepts logons: every message the client saw, exactly once, in time order.
 */
class ComplianceLogCrashTest
{
    private static final String PASSWORD = "crash-test-secret";
    private static final int ORDERS = 25;

    @TempDir
    Path directory;

    private final List<BastionProcess> processes = new ArrayList<>();
    private VenueSimulator venue;

    @AfterEach
    void killLeftovers()
    {
        processes.forEach(BastionProcess::close);
        if (venue != null)
        {
            venue.close();
        }
    }

    @Test
    void everyMessageTheClientSawIsInTheLogOnceAfterAKillAndRestart() throws Exception
    {
        final int port = FreePort.pick();
        venue = VenueSimulator.launch(new VenueSimulatorConfiguration().seed(5)
            .instrument(SimulatedInstrument.of("AAPL", 100.00, 0.001, 0.01, 1_000)).conclude());
        final Path config = writeConfig(port, venue);
        final Path compliance = directory.resolve("compliance");

        final BastionProcess first = startGateway(config, port, "first");
        final List<String> conversation;
        try (QuickFixClient client = new QuickFixClient("FIX.4.4", "CLIENT1", "BASTION", port, "client1", PASSWORD,
            null).start())
        {
            client.awaitLogon();
            for (int i = 1; i <= ORDERS; i++)
            {
                client.send(newOrderSingle("FIX.4.4", "CRASH-" + i, "AAPL", Side.BUY, i, 100));
            }
            for (int i = 1; i <= ORDERS; i++)
            {
                client.nextApplicationMessage();
            }
            client.close();
            conversation = client.conversation();
        }
        assertThat(conversation).contains("IN 1 A", "OUT 1 A").anyMatch(message -> message.endsWith(" 5"));

        first.kill();
        // Nothing reached the file before the kill: the records were still in memory.
        assertThat(records(compliance)).doesNotContainAnyElementsOf(conversation);

        final BastionProcess second = startGateway(config, port, "second");
        second.kill();

        final Map<String, Long> logged = records(compliance).stream()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        for (final String message : conversation)
        {
            assertThat(logged.get(message)).as("times %s is in the compliance log", message).isEqualTo(1L);
        }
        final String log = allLogText(compliance);
        assertThat(log).doesNotContain(PASSWORD).contains("\u0001554=****\u0001");
        // Inbound and outbound recordings are merged back into time order.
        assertThat(log.lines().map(ComplianceRecord::parse).filter(record -> record != null)
            .map(ComplianceRecord::time).toList()).isSorted();
    }

    private Path writeConfig(final int port, final VenueSimulator simulator) throws IOException
    {
        final Path venueSettings = Files.writeString(directory.resolve("venue.cfg"),
            simulator.initiatorSettings(FixVersion.FIX44, 30, 1));
        final Path config = directory.resolve("bastion.yaml");
        Files.writeString(config, String.join("\n",
            "gateway:",
            "  host: 127.0.0.1",
            "  port: " + port,
            "  dataDirectory: " + directory.resolve("data"),
            "complianceLog:",
            "  directory: " + directory.resolve("compliance"),
            "  flushIntervalMs: 600000",
            "sessions:",
            "  - senderCompId: BASTION",
            "    targetCompId: CLIENT1",
            "    fixVersion: FIX.4.4",
            "    username: client1",
            "    password: " + PASSWORD,
            "    heartbeatIntervalSeconds: 30",
            "    resetSeqNumOnLogon: false",
            "venues:",
            "  - name: SIM",
            "    settingsFile: " + venueSettings,
            "    dataDirectory: " + directory.resolve("venue"),
            "routing:",
            "  defaultVenue: SIM",
            ""), StandardCharsets.UTF_8);
        return config;
    }

    private BastionProcess startGateway(final Path config, final int port, final String name) throws IOException
    {
        final BastionProcess process = BastionProcess.start(config, directory.resolve(name + ".out"), port);
        processes.add(process);
        return process;
    }

    /** Each record as {@code <IN|OUT> <MsgSeqNum> <MsgType>}. */
    private static List<String> records(final Path compliance) throws IOException
    {
        return allLogText(compliance).lines()
            .map(ComplianceRecord::parse)
            .filter(record -> record != null && "OK".equals(record.status()))
            .map(record -> record.direction() + " " + record.field(34) + " " + record.msgType())
            .toList();
    }

    private static String allLogText(final Path compliance) throws IOException
    {
        if (!Files.isDirectory(compliance))
        {
            return "";
        }
        final StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(compliance))
        {
            for (final Path file : files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList())
            {
                text.append(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }
}

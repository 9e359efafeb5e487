package dev.bastion.cli.demo;

import dev.bastion.cli.ShutdownSignal;
import dev.bastion.cli.UserInputException;
import dev.bastion.gateway.BastionServer;
import dev.bastion.gateway.config.BastionConfiguration;
import dev.bastion.gateway.config.ClientSessionConfiguration;
import dev.bastion.gateway.config.ConfigurationLoader;
import dev.bastion.gateway.config.GatewayConfiguration;
import dev.bastion.gateway.config.OrderFlowConfiguration;
import dev.bastion.oms.venue.VenueAdapter;
import dev.bastion.oms.venue.fix.FixVenueSettings;
import dev.bastion.oms.venue.fix.FixVersion;
import dev.bastion.oms.venue.fix.VenueDefinition;
import dev.bastion.oms.venue.sim.SimulatedInstrument;
import dev.bastion.oms.venue.sim.VenueSimulator;
import dev.bastion.oms.venue.sim.VenueSimulatorConfiguration;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code bastion demo}: the whole order flow in one process. It starts a venue simulator for each
 * venue in the configuration (on the port its settings file names, or a free one when that is
 * taken), the gateway and the OMS with the files in {@code config/} (data in a fresh temporary
 * directory, so old sequence numbers never get in the way), then a QuickFIX/J client that logs on
 * as the first FIX 4.4 session and runs {@link DemoScript}, printing each report as it comes and a
 * summary at the end.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the gateway, the OMS and a venue simulator with the configuration, and a demo FIX client "
        + "that sends limit, market, partially filled, canceled, replaced and risk-rejected orders, printing each "
        + "order's life; exit 0 when everything happened as expected.")
public final class DemoCommand implements Callable<Integer>
{
    static final int EXPECTATIONS_FAILED = 1;
    private static final String DEMO_ACCOUNT = "DEMO";
    private static final long SEED = 7;
    /** What the simulator trades in the demo; the configuration's reference prices match. */
    private static final List<SimulatedInstrument> INSTRUMENTS = List.of(
        SimulatedInstrument.of("AAPL", 190.00, 0.001, 0.01, 1_000),
        SimulatedInstrument.of("MSFT", 410.00, 0.001, 0.01, 1_000),
        SimulatedInstrument.of("IBM", 250.00, 0.001, 0.01, 1_000));

    @Option(names = {"-c", "--config"}, defaultValue = "config/bastion.yaml",
        description = "Configuration file (default: ${DEFAULT-VALUE}).")
    private Path config;

    @Option(names = "--keep-running",
        description = "After the script, keep the gateway, the OMS and the simulator running for your own FIX client "
            + "(Ctrl-C stops them).")
    private boolean keepRunning;

    @Option(names = "--data-dir",
        description = "Data directory, kept (default: a new temporary directory, deleted at exit).")
    private Path dataDirectory;

    @Option(names = "--keep-data", description = "Keep the temporary data directory (compliance log, FIX stores).")
    private boolean keepData;

    @Option(names = "--verbose", description = "Show the components' log lines (on stderr).")
    private boolean verbose;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException
    {
        final PrintWriter out = spec.commandLine().getOut();
        final Level logLevel = LogManager.getRootLogger().getLevel();
        final BastionConfiguration configuration = new ConfigurationLoader().loadAll(config);
        final OrderFlowConfiguration orderFlow = configuration.orderFlow();
        if (!orderFlow.hasVenues())
        {
            throw new UserInputException(config + ": the demo needs venues: and routing: to send orders to");
        }
        final ClientSessionConfiguration clientSession = configuration.gateway().sessions().stream()
            .filter(session -> session.fixVersion() == dev.bastion.gateway.config.FixVersion.FIX44).findFirst()
            .orElseThrow(() -> new UserInputException(config + ": sessions: the demo client needs a FIX.4.4 session"));

        final boolean temporary = dataDirectory == null;
        final Path data = temporary ? Files.createTempDirectory("bastion-demo-") : dataDirectory;
        out.println("Bastion demo: data in " + data.toAbsolutePath() +
            (temporary && !keepData ? " (deleted at exit; --keep-data keeps it)" : ""));
        final Map<String, VenueSimulator> simulators = new LinkedHashMap<>();
        BastionServer server = null;
        DemoClient client = null;
        ScheduledExecutorService market = null;
        ShutdownSignal shutdown = null;
        if (!verbose)
        {
            Configurator.setRootLevel(Level.WARN);
        }
        try
        {
            final List<VenueDefinition> venues = new ArrayList<>();
            for (final VenueDefinition venue : orderFlow.venues())
            {
                venues.add(startSimulator(venue, data, simulators, out));
            }
            final GatewayConfiguration gateway = gatewayConfiguration(configuration.gateway(), data, out);
            server = BastionServer.launch(gateway, orderFlow.omsConfiguration(venues));
            out.printf("Gateway listening on %s:%d; OMS pipeline running (risk checks from %s)%n", gateway.host(),
                gateway.port(), config);
            awaitVenues(server.pipeline().venues());

            client = new DemoClient(clientSession.fixVersion().beginString(), clientSession.targetCompId(),
                clientSession.senderCompId(), gateway.host(), gateway.port(), clientSession.username(),
                clientSession.password(), out);
            client.logOn(Duration.ofSeconds(30));
            out.printf("Demo client logged on as %s (%s), account %s%n", clientSession.targetCompId(),
                clientSession.fixVersion().beginString(), DEMO_ACCOUNT);
            out.flush();

            final DemoScript script = new DemoScript(client, symbol ->
                simulators.get(orderFlow.routing().venueFor(symbol, null)), DEMO_ACCOUNT, out);
            try
            {
                script.run();
            }
            catch (final DemoFailure failure)
            {
                script.summary();
                spec.commandLine().getErr().println("bastion demo: FAILED: " + failure.getMessage());
                return EXPECTATIONS_FAILED;
            }
            if (!script.summary())
            {
                spec.commandLine().getErr().println("bastion demo: FAILED: an order did not end as expected");
                return EXPECTATIONS_FAILED;
            }
            out.println();
            out.println("Demo finished: every order ended as expected.");
            out.flush();

            if (keepRunning)
            {
                client.close();
                client = null;
                market = moveTheMarket(simulators);
                shutdown = new ShutdownSignal(Duration.ofSeconds(30));
                printConnectionDetails(configuration.gateway(), gateway, simulators, out);
                shutdown.await();
            }
            return 0;
        }
        finally
        {
            if (!verbose)
            {
                // Venues and sessions going down is what closing means here, not news.
                Configurator.setRootLevel(Level.ERROR);
            }
            if (market != null)
            {
                market.shutdownNow();
            }
            CloseHelper.quietClose(client);
            CloseHelper.quietClose(server);
            simulators.values().forEach(CloseHelper::quietClose);
            if (temporary && !keepData)
            {
                IoUtil.delete(data.toFile(), true);
            }
            Configurator.setRootLevel(logLevel);
            // Last: after Ctrl-C the JVM exits once everything above is closed and deleted.
            CloseHelper.quietClose(shutdown);
        }
    }

    /**
     * A simulator where the venue's settings file says the venue is; when that port is taken, on a
     * free port, with a copy of the settings file pointing there.
     */
    private static VenueDefinition startSimulator(
        final VenueDefinition venue, final Path data, final Map<String, VenueSimulator> simulators,
        final PrintWriter out) throws IOException
    {
        final Path venueData = data.resolve("venues").resolve(venue.name());
        final FixVenueSettings settings = FixVenueSettings.load(venue.settingsFile(), venueData);
        final String configuredHost = settings.get(FixVenueSettings.SOCKET_CONNECT_HOST);
        final boolean local = "127.0.0.1".equals(configuredHost) || "localhost".equals(configuredHost);
        final String host = local ? configuredHost : "127.0.0.1";
        final int configuredPort = Integer.parseInt(settings.get(FixVenueSettings.SOCKET_CONNECT_PORT));
        final boolean free = local && isFree(host, configuredPort);
        final VenueSimulatorConfiguration simulatorConfiguration = new VenueSimulatorConfiguration()
            .host(host)
            .port(free ? configuredPort : 0)
            .senderCompId(settings.sessionId().getTargetCompID())
            .targetCompId(settings.sessionId().getSenderCompID())
            .version(FixVersion.fromBeginString(settings.sessionId().getBeginString()))
            .seed(SEED);
        INSTRUMENTS.forEach(simulatorConfiguration::instrument);
        final VenueSimulator simulator = VenueSimulator.launch(simulatorConfiguration.conclude());
        simulators.put(venue.name(), simulator);
        Path settingsFile = venue.settingsFile();
        if (!free)
        {
            out.printf("%s:%d (from %s) is %s: the %s simulator uses free port %d instead%n", configuredHost,
                configuredPort, venue.settingsFile(), local ? "taken" : "not this machine", venue.name(),
                simulator.port());
            Files.createDirectories(venueData);
            settingsFile = venueData.resolve(venue.settingsFile().getFileName());
            Files.writeString(settingsFile, Files.readString(venue.settingsFile())
                .replaceAll("(?m)^(\\s*" + FixVenueSettings.SOCKET_CONNECT_HOST + "\\s*=).*$", "$1" + host)
                .replaceAll("(?m)^(\\s*" + FixVenueSettings.SOCKET_CONNECT_PORT + "\\s*=).*$",
                    "$1" + simulator.port()));
        }
        out.printf("Venue simulator %s listening on %s:%d (%s, %s -> %s, seed %d; prices move when the script " +
            "says)%n", venue.name(), host, simulator.port(), settings.sessionId().getBeginString(),
            settings.sessionId().getSenderCompID(), settings.sessionId().getTargetCompID(), SEED);
        return new VenueDefinition(venue.name(), settingsFile, venueData);
    }

    private static GatewayConfiguration gatewayConfiguration(
        final GatewayConfiguration configured, final Path data, final PrintWriter out)
    {
        int port = configured.port();
        if (port == 0)
        {
            port = freePort(configured.host());
        }
        else if (!isFree(configured.host(), port))
        {
            final int freePort = freePort(configured.host());
            out.printf("Port %d (gateway.port) is taken: the gateway uses free port %d instead%n", port, freePort);
            port = freePort;
        }
        final GatewayConfiguration gateway = new GatewayConfiguration()
            .host(configured.host())
            .port(port)
            .dataDirectory(data.resolve("gateway"))
            .complianceLogDirectory(data.resolve("gateway").resolve("compliance"))
            .sendingTimeWindowMs(configured.sendingTimeWindowMs())
            .maxMessageLength(configured.maxMessageLength());
        configured.sessions().forEach(gateway::addSession);
        return gateway.conclude();
    }

    private static void awaitVenues(final List<VenueAdapter> venues)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (final VenueAdapter venue : venues)
        {
            while (!venue.isConnected())
            {
                if (System.nanoTime() > deadline)
                {
                    throw new DemoFailure("the OMS could not log on to venue " + venue.venueName() + " within 30 s");
                }
                try
                {
                    Thread.sleep(10);
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                    throw new DemoFailure("interrupted");
                }
            }
        }
    }

    /** After the script: each simulator's prices take a seeded random step every second, so orders can fill. */
    private static ScheduledExecutorService moveTheMarket(final Map<String, VenueSimulator> simulators)
    {
        final ScheduledExecutorService market = Executors.newSingleThreadScheduledExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "demo-market");
            thread.setDaemon(true);
            return thread;
        });
        market.scheduleAtFixedRate(() -> simulators.values().forEach(VenueSimulator::step), 1, 1, TimeUnit.SECONDS);
        return market;
    }

    private static void printConnectionDetails(
        final GatewayConfiguration configured, final GatewayConfiguration gateway,
        final Map<String, VenueSimulator> simulators, final PrintWriter out)
    {
        out.println();
        out.printf("Still running; connect your own FIX client to %s:%d (Ctrl-C stops everything):%n",
            gateway.host(), gateway.port());
        for (final ClientSessionConfiguration session : configured.sessions())
        {
            out.printf("  %s  SenderCompID=%s TargetCompID=%s%s%s%n", session.fixVersion().beginString(),
                session.targetCompId(), session.senderCompId(),
                session.username() != null ? " Username(553)=" + session.username() : "",
                session.password() != null ? " Password(554) as in the sessions section of the config" : "");
        }
        simulators.forEach((name, simulator) -> out.printf(
            "  venue %s: simulator on %s:%d, prices take a random step every second%n", name, simulator.host(),
            simulator.port()));
        out.flush();
    }

    private static boolean isFree(final String host, final int port)
    {
        if (port == 0)
        {
            return true;
        }
        try (ServerSocket socket = new ServerSocket())
        {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    private static int freePort(final String host)
    {
        try (ServerSocket socket = new ServerSocket())
        {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, 0));
            return socket.getLocalPort();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}

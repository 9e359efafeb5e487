package dev.bastion.bench.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Bastion as a user runs it: {@code bastion venue-sim} filling every order at once, then
 * {@code bastion start} in its own JVM with a configuration written for the run: one FIX 4.4 client
 * session without a throttle, the OMS pipeline with every pre-trade check on (limits set wide enough
 * that the load passes them), one venue session to the simulator, data and compliance log in the
 * run's directory.
 */
final class BastionTarget implements BenchTarget
{
    private static final String CLI = "dev.bastion.cli.BastionCli";
    private static final Pattern GATEWAY_READY = Pattern.compile("listening for FIX on ([0-9.]+):(\\d+)");
    private static final Pattern VENUE_READY = Pattern.compile("venue-sim listening on ([0-9.]+):(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final String CLIENT_COMP_ID = "BENCH";
    private static final String GATEWAY_COMP_ID = "BASTION";
    private static final String USERNAME = "bench";
    private static final String VENUE_COMP_ID = "SIM";
    /** The OMS's log line once its session to the venue is logged on. */
    private static final Pattern VENUE_CONNECTED = Pattern.compile("Venue " + VENUE_COMP_ID + " connected");
    /** The simulator's price: the middle of the load generator's limit prices (its default 190.00). */
    private static final String VENUE_SYMBOLS = "AAPL=190";
    private static final String VENUE_HEAP = "-Xmx4g";

    private final List<ChildJvm> children = new ArrayList<>();

    @Override
    public String name()
    {
        return "bastion";
    }

    @Override
    public String description()
    {
        return "Bastion: bastion start (Artio gateway, compliance log, OMS pipeline with full pre-trade risk, " +
            "FIX venue session) and bastion venue-sim --immediate-fill";
    }

    @Override
    public LoadClientConfiguration start(final Path workDirectory, final List<String> jvmOptions) throws IOException
    {
        final Path directory = Files.createDirectories(workDirectory.resolve("bastion"));
        // The simulator is a test venue: it keeps every order, fill and report it handled (for tests to read back),
        // about 2 KB an order, and ran out of a 1 GB heap after half a million. Its own larger heap and a file store
        // for its session (QuickFIX/J's memory store would hold every message too) keep it out of the way.
        final List<String> venueOptions = new ArrayList<>(jvmOptions);
        venueOptions.add(VENUE_HEAP);
        final ChildJvm venue = ChildJvm.start("bastion venue-sim", venueOptions, CLI,
            List.of("venue-sim", "--port", "0", "--symbols", VENUE_SYMBOLS, "--tick-ms", "0", "--immediate-fill",
                "--quiet", "--sender-comp-id", VENUE_COMP_ID, "--target-comp-id", GATEWAY_COMP_ID,
                "--store", directory.resolve("venue-sim-store").toString()),
            directory.resolve("venue-sim.log"), VENUE_READY, START_TIMEOUT);
        children.add(venue);
        Files.writeString(directory.resolve("venue-sim.cfg"),
            venueSettings(venue.ready().group(1), Integer.parseInt(venue.ready().group(2))), StandardCharsets.UTF_8);

        final String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
        final Path config = directory.resolve("bastion.yaml");
        Files.writeString(config, configuration(directory, freePort(), password), StandardCharsets.UTF_8);
        final ChildJvm gateway = ChildJvm.start("bastion start", jvmOptions, CLI,
            List.of("start", "-c", config.toString()), directory.resolve("bastion.log"), GATEWAY_READY, START_TIMEOUT);
        children.add(gateway);
        // Orders sent before the venue session is logged on would wait in the OMS and then go in one burst.
        gateway.awaitLine(VENUE_CONNECTED, START_TIMEOUT);
        return new LoadClientConfiguration()
            .host(gateway.ready().group(1))
            .port(Integer.parseInt(gateway.ready().group(2)))
            .senderCompId(CLIENT_COMP_ID)
            .targetCompId(GATEWAY_COMP_ID)
            .credentials(USERNAME, password);
    }

    /** QuickFIX/J settings of Bastion's session to the simulator (Bastion fills in the rest, as for config/venues). */
    static String venueSettings(final String host, final int port)
    {
        return String.join("\n",
            "# Written by bastion bench for one run: Bastion's venue session to bastion venue-sim.",
            "[SESSION]",
            "BeginString=FIX.4.4",
            "SenderCompID=" + GATEWAY_COMP_ID,
            "TargetCompID=" + VENUE_COMP_ID,
            "SocketConnectHost=" + host,
            "SocketConnectPort=" + port,
            "");
    }

    /**
     * The run's bastion.yaml: one client session for the generator, no throttle, sequence numbers reset at logon;
     * the OMS as config/bastion.yaml has it; every risk check on, with limits above what the load reaches, so an
     * order the checks reject is a finding, counted and reported by the run. The generator's orders come in
     * buy/sell pairs of 100-999 shares at 185.00-194.99, so positions stay flat, but every open order counts in the
     * credit limits (10,000 open orders are about 1 billion gross) and every order in the rate windows (whose
     * sliding windows hold one slot per order allowed: 200,000 a second is 3.2 MB per window).
     */
    static String configuration(final Path directory, final int port, final String password)
    {
        final Path data = directory.resolve("data");
        return String.join("\n",
            "# Written by bastion bench for one run.",
            "gateway:",
            "  host: 127.0.0.1",
            "  port: " + port,
            "  dataDirectory: " + quoted(data),
            "complianceLog:",
            "  directory: " + quoted(data.resolve("compliance")),
            "sessions:",
            "  - senderCompId: " + GATEWAY_COMP_ID,
            "    targetCompId: " + CLIENT_COMP_ID,
            "    fixVersion: FIX.4.4",
            "    username: " + USERNAME,
            "    password: " + password,
            "    heartbeatIntervalSeconds: 30",
            "    resetSeqNumOnLogon: true",
            "oms:",
            "  ringSize: 16384",
            "  waitStrategy: blocking",
            "  timerIntervalMs: 1000",
            "risk:",
            "  allowUnknownAccounts: true",
            "  referencePrice: last",
            "  marketOrderWithoutReference: reject",
            // The prices wrap from 194.99 to 185.00 every 1,000 pairs: 5.4 % from the last fill.
            "  priceCollarPercent: 10",
            "  limits:",
            "    capital: 1000000000",
            "    maxOrderQuantity: 50000",
            "    maxOrderNotional: 1000000",
            "    creditLimitGross: 10000000000",
            "    creditLimitNet: 10000000000",
            "    positionLimit: 10000000000",
            "    maxPositions: 50",
            "    maxSectorExposure: 1",
            "    maxLeverage: 100",
            "    dailyLossLimit: 1000000",
            "    maxOrders: 200000",
            "    orderRateWindowMs: 1000",
            "    maxMessages: 200000",
            "    messageRateWindowMs: 1000",
            "    duplicateOrderWindowMs: 1000",
            "  referencePrices: {AAPL: 190}",
            "venues:",
            "  - name: " + VENUE_COMP_ID,
            "    settingsFile: venue-sim.cfg",
            "    dataDirectory: " + quoted(data.resolve("venues").resolve(VENUE_COMP_ID)),
            "routing:",
            "  defaultVenue: " + VENUE_COMP_ID,
            "");
    }

    private static String quoted(final Path path)
    {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    /** A port free now; the gateway binds it a moment later (its configuration has no "any port" setting). */
    static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1")))
        {
            return socket.getLocalPort();
        }
    }

    @Override
    public List<ProcessHandle> processes()
    {
        final List<ProcessHandle> handles = new ArrayList<>();
        for (final ChildJvm child : children)
        {
            ProcessHandle.of(child.pid()).ifPresent(handles::add);
        }
        return handles;
    }

    @Override
    public void close()
    {
        for (int i = children.size() - 1; i >= 0; i--)
        {
            children.get(i).close();
        }
        children.clear();
    }
}

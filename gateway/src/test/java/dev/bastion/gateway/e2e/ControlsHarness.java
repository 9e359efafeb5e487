package dev.bastion.gateway.e2e;

import dev.bastion.gateway.BastionServer;
import dev.bastion.gateway.config.AdminConfiguration;
import dev.bastion.gateway.config.ClientSessionConfiguration;
import dev.bastion.gateway.config.FixVersion;
import dev.bastion.gateway.config.GatewayConfiguration;
import dev.bastion.gateway.support.Await;
import dev.bastion.gateway.support.FreePort;
import dev.bastion.gateway.support.QuickFixClient;
import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.pipeline.OmsConfiguration;
import dev.bastion.oms.route.RoutingTable;
import dev.bastion.oms.venue.fix.FixVenues;
import dev.bastion.oms.venue.fix.VenueDefinition;
import dev.bastion.oms.venue.sim.SimulatedInstrument;
import dev.bastion.oms.venue.sim.VenueSimulator;
import dev.bastion.oms.venue.sim.VenueSimulatorConfiguration;
import org.agrona.CloseHelper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Bastion as {@code bastion start} runs it, for the trading controls: the gateway with the admin
 * endpoint (a token), the OMS with the risk engine, a FIX venue adapter to the venue simulator, and
 * client sessions of each kind — cancel-on-disconnect, plain (orders keep working), a trader, and a
 * drop copy. Clients are started by the tests, so they can come and go.
 */
final class ControlsHarness implements AutoCloseable
{
    static final String GATEWAY = "BASTION";
    /** cancelOnDisconnect: true; persistent sequence numbers (the client keeps a file store). */
    static final String COD_CLIENT = "COD44";
    /** No cancel-on-disconnect; persistent sequence numbers. */
    static final String KEEP_CLIENT = "KEEP44";
    static final String TRADER = "TRADER44";
    static final String TRADER_42 = "TRADER42";
    static final String DROP_COPY = "DROPCOPY";
    static final String TOKEN = "test-admin-token";
    static final String VENUE = "SIM";

    private final Path directory;
    private final VenueSimulator simulator;
    private final Path venueSettings;
    private final List<String> symbols;
    private BastionServer server;
    private final GatewayConfiguration gateway;

    ControlsHarness(final Path directory, final List<String> symbols) throws IOException
    {
        this.directory = directory;
        final VenueSimulatorConfiguration simulatorConfiguration = new VenueSimulatorConfiguration().seed(5);
        symbols.forEach(symbol -> simulatorConfiguration.instrument(
            SimulatedInstrument.of(symbol, 100.00, 0.001, 0.01, 1_000)));
        simulator = VenueSimulator.launch(simulatorConfiguration.conclude());
        venueSettings = Files.writeString(directory.resolve("sim.cfg"),
            simulator.initiatorSettings(dev.bastion.oms.venue.fix.FixVersion.FIX44, 30, 1));
        this.symbols = List.copyOf(symbols);

        gateway = new GatewayConfiguration()
            .port(FreePort.pick())
            .dataDirectory(directory.resolve("gateway"))
            .admin(new AdminConfiguration("127.0.0.1", FreePort.pick(), TOKEN))
            .addSession(new ClientSessionConfiguration(GATEWAY, COD_CLIENT, FixVersion.FIX44, null, null, 30, null,
                false).withCancelOnDisconnect(true))
            .addSession(new ClientSessionConfiguration(GATEWAY, KEEP_CLIENT, FixVersion.FIX44, null, null, 30, null,
                false))
            .addSession(new ClientSessionConfiguration(GATEWAY, TRADER, FixVersion.FIX44, null, null, 30, null, true))
            .addSession(new ClientSessionConfiguration(GATEWAY, TRADER_42, FixVersion.FIX42, null, null, 30, null,
                true))
            .addSession(new ClientSessionConfiguration(GATEWAY, DROP_COPY, FixVersion.FIX44, null, null, 30, null,
                true).withDropCopy(true));
        try
        {
            server = launch();
        }
        catch (final RuntimeException ex)
        {
            simulator.close();
            throw ex;
        }
    }

    private BastionServer launch()
    {
        final OmsConfiguration oms = new OmsConfiguration()
            .venues(FixVenues.adapters(List.of(
                new VenueDefinition(VENUE, venueSettings, directory.resolve("venue")))))
            .router(new RoutingTable(VENUE, Map.of()));
        oms.preTradeConfiguration().priceCollarPercent(10).limits()
            .capital(10_000_000).maxOrderQuantity(200_000).maxOrderNotional(1_000_000)
            .creditLimitGross(100_000_000).creditLimitNet(100_000_000).positionLimit(50_000_000)
            .maxPositions(100).maxSectorExposure(1).maxLeverage(100).dailyLossLimit(1_000_000)
            .orderRate(1_000, Duration.ofSeconds(1)).messageRate(5_000, Duration.ofSeconds(1))
            .duplicateOrderWindow(Duration.ofNanos(1));
        symbols.forEach(symbol -> oms.referencePrice(symbol, 100.00));
        BastionServer started = null;
        try
        {
            started = BastionServer.launch(gateway, oms);
            final BastionServer running = started;
            Await.until("the OMS logged on to the venue simulator", Duration.ofSeconds(30),
                () -> running.pipeline().venues().get(0).isConnected());
            return started;
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(started);
            throw ex;
        }
    }

    /** Stops the gateway and the OMS and starts them again on the same data directory (the venue stays up). */
    void restart()
    {
        server.close();
        server = launch();
    }

    /** Where the gateway keeps replies for sessions that are away. */
    Path repliesDirectory()
    {
        return directory.resolve("gateway").resolve("replies");
    }

    /**
     * A FIX 4.4 client of that CompID, logged on; the caller closes it. Sessions with persistent
     * sequence numbers keep a file store under the harness directory, so a client started again
     * continues its numbers as a real one would.
     */
    QuickFixClient logOn(final String clientCompId)
    {
        final boolean persistent = COD_CLIENT.equals(clientCompId) || KEEP_CLIENT.equals(clientCompId);
        final String beginString = TRADER_42.equals(clientCompId) ? "FIX.4.2" : "FIX.4.4";
        final QuickFixClient client = new QuickFixClient(beginString, clientCompId, GATEWAY, gateway.port(), null,
            null, persistent ? directory.resolve("client-" + clientCompId) : null).start();
        client.awaitLogon();
        return client;
    }

    int adminPort()
    {
        return server.adminPort();
    }

    BastionServer server()
    {
        return server;
    }

    VenueSimulator simulator()
    {
        return simulator;
    }

    /** Waits until the venue simulator has canceled this many orders of the symbol. */
    void awaitVenueCancels(final String symbol, final int count)
    {
        Await.until(count + " cancels of " + symbol + " at the venue", Duration.ofSeconds(20),
            () -> simulator.record().executions().stream()
                .filter(execution -> execution.execType() == ExecType.CANCELED && symbol.equals(execution.symbol()))
                .count() >= count);
    }

    @Override
    public void close()
    {
        CloseHelper.quietClose(server);
        CloseHelper.quietClose(simulator);
    }
}

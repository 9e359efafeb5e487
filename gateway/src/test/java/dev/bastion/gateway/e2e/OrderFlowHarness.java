package dev.bastion.gateway.e2e;

import dev.bastion.gateway.BastionServer;
import dev.bastion.gateway.config.ClientSessionConfiguration;
import dev.bastion.gateway.config.FixVersion;
import dev.bastion.gateway.config.GatewayConfiguration;
import dev.bastion.gateway.support.Await;
import dev.bastion.gateway.support.FreePort;
import dev.bastion.gateway.support.QuickFixClient;
import dev.bastion.oms.pipeline.OmsConfiguration;
import dev.bastion.oms.route.RoutingTable;
import dev.bastion.oms.venue.fix.FixVenues;
import dev.bastion.oms.venue.fix.VenueDefinition;
import dev.bastion.oms.venue.sim.SimulatedInstrument;
import dev.bastion.oms.venue.sim.VenueSimulator;
import dev.bastion.oms.venue.sim.VenueSimulatorConfiguration;
import org.agrona.CloseHelper;
import quickfix.Message;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Bastion end to end on loopback, as a client and a venue see it: a QuickFIX/J client logged on to
 * the gateway (Artio), the OMS pipeline with the risk engine behind it, a FIX venue adapter
 * (QuickFIX/J initiator) connected to the venue simulator (QuickFIX/J acceptor), whose prices the
 * test steps. One per test class: a start and two logons cost seconds.
 */
final class OrderFlowHarness implements AutoCloseable
{
    static final String ACCOUNT = "ACC-E2E";
    static final String VENUE = "SIM";
    static final String CLIENT = "CLIENT44";
    static final String CLIENT_42 = "CLIENT42";
    static final String GATEWAY = "BASTION";

    private final VenueSimulator simulator;
    private final BastionServer server;
    private final QuickFixClient client;

    /**
     * @param symbols each traded at 100.00 with a tick of 0.01, 1,000 a step on each side.
     */
    OrderFlowHarness(final Path directory, final List<String> symbols) throws IOException
    {
        final VenueSimulatorConfiguration simulatorConfiguration = new VenueSimulatorConfiguration().seed(11);
        symbols.forEach(symbol -> simulatorConfiguration.instrument(
            SimulatedInstrument.of(symbol, 100.00, 0.001, 0.01, 1_000)));
        simulator = VenueSimulator.launch(simulatorConfiguration.conclude());
        final Path settings = Files.writeString(directory.resolve("sim.cfg"),
            simulator.initiatorSettings(dev.bastion.oms.venue.fix.FixVersion.FIX44, 30, 1));

        final OmsConfiguration oms = new OmsConfiguration()
            .venues(FixVenues.adapters(List.of(new VenueDefinition(VENUE, settings, directory.resolve("venue")))))
            .router(new RoutingTable(VENUE, Map.of()));
        oms.preTradeConfiguration().priceCollarPercent(10).limits()
            .capital(10_000_000).maxOrderQuantity(200_000).maxOrderNotional(1_000_000)
            .creditLimitGross(100_000_000).creditLimitNet(100_000_000).positionLimit(50_000_000)
            .maxPositions(100).maxSectorExposure(1).maxLeverage(100).dailyLossLimit(1_000_000)
            .orderRate(1_000, Duration.ofSeconds(1)).messageRate(5_000, Duration.ofSeconds(1))
            .duplicateOrderWindow(Duration.ofNanos(1));
        symbols.forEach(symbol -> oms.referencePrice(symbol, 100.00));

        final GatewayConfiguration gateway = new GatewayConfiguration()
            .port(FreePort.pick())
            .dataDirectory(directory.resolve("gateway"))
            .addSession(new ClientSessionConfiguration(GATEWAY, CLIENT, FixVersion.FIX44, null, null, 30, null, true))
            .addSession(new ClientSessionConfiguration(GATEWAY, CLIENT_42, FixVersion.FIX42, null, null, 30, null, true));
        BastionServer started = null;
        try
        {
            started = BastionServer.launch(gateway, oms);
            final BastionServer running = started;
            Await.until("the OMS logged on to the venue simulator", Duration.ofSeconds(30),
                () -> running.pipeline().venues().get(0).isConnected());
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(started);
            simulator.close();
            throw ex;
        }
        server = started;
        client = new QuickFixClient("FIX.4.4", CLIENT, GATEWAY, gateway.port(), null, null, null).start();
        client.awaitLogon();
    }

    /** A FIX 4.2 client on its own session, logged on; the caller closes it. */
    QuickFixClient fix42Client()
    {
        final QuickFixClient fix42 =
            new QuickFixClient("FIX.4.2", CLIENT_42, GATEWAY, server.gateway().port(), null, null, null).start();
        fix42.awaitLogon();
        return fix42;
    }

    VenueSimulator simulator()
    {
        return simulator;
    }

    BastionServer server()
    {
        return server;
    }

    QuickFixClient client()
    {
        return client;
    }

    void send(final Message message)
    {
        client.send(message);
    }

    /** The next message from the gateway. */
    Message next() throws InterruptedException
    {
        return client.nextApplicationMessage();
    }

    /** Forgets messages a previous test left unread, so each test starts from its own. */
    void drain() throws InterruptedException
    {
        while (client.pollApplicationMessage(0, TimeUnit.MILLISECONDS) != null)
        {
            // discard
        }
    }

    /** Steps a symbol's price path to an exact price and volume. */
    void market(final String symbol, final double price, final double volume)
    {
        simulator.step(symbol, dev.bastion.oms.api.FixedPoint.price(price), dev.bastion.oms.api.FixedPoint.qty(volume));
    }

    @Override
    public void close()
    {
        CloseHelper.quietClose(client);
        CloseHelper.quietClose(server);
        CloseHelper.quietClose(simulator);
    }
}

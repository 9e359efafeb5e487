package dev.bastion.cli;

import dev.bastion.gateway.BastionServer;
import dev.bastion.gateway.config.BastionConfiguration;
import dev.bastion.gateway.config.ConfigurationLoader;
import dev.bastion.gateway.config.OrderFlowConfiguration;
import dev.bastion.oms.venue.fix.VenueDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code bastion start}: the gateway, the OMS pipeline and its venue sessions, until the process is stopped. */
@Command(name = "start", mixinStandardHelpOptions = true,
    description = "Run the gateway, the OMS and its venue connections with the given configuration until stopped "
        + "(Ctrl-C).")
public final class StartCommand implements Callable<Integer>
{
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    @Option(names = {"-c", "--config"}, defaultValue = "config/bastion.yaml",
        description = "Configuration file (default: ${DEFAULT-VALUE}).")
    private Path config;

    @Override
    public Integer call() throws InterruptedException
    {
        final BastionConfiguration configuration = new ConfigurationLoader().loadAll(config);
        final OrderFlowConfiguration orderFlow = configuration.orderFlow();
        if (!orderFlow.hasVenues())
        {
            throw new UserInputException(config + ": venues: and routing: are required: the OMS needs a venue to " +
                "send orders to (see config/bastion.yaml)");
        }
        // Declared first, so that it is closed last: the JVM's exit waits until the server has closed.
        try (ShutdownSignal shutdown = new ShutdownSignal(CLOSE_TIMEOUT);
            BastionServer server =
                BastionServer.launch(configuration.gateway(), orderFlow.omsConfiguration(orderFlow.venues())))
        {
            System.out.printf("Bastion gateway listening for FIX on %s:%d; Ctrl-C stops it%n",
                configuration.gateway().host(), server.gateway().port());
            if (server.adminPort() != 0)
            {
                System.out.printf("Admin endpoint on http://%s:%d/ (bastion kill-switch talks to it)%n",
                    configuration.gateway().admin().host(), server.adminPort());
            }
            for (final VenueDefinition venue : orderFlow.venues())
            {
                System.out.printf("Venue %s: %s (data in %s)%n", venue.name(), venue.settingsFile(),
                    venue.dataDirectory().toAbsolutePath().normalize());
            }
            shutdown.await();
        }
        return 0;
    }
}

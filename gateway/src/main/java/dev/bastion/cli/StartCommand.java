package dev.bastion.cli;

import dev.bastion.gateway.BastionGateway;
import dev.bastion.gateway.OrderFlowUnavailable;
import dev.bastion.gateway.config.ConfigurationLoader;
import dev.bastion.gateway.config.GatewayConfiguration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code bastion start}: the gateway with its configuration, until the process is stopped. */
@Command(name = "start", mixinStandardHelpOptions = true,
    description = "Run the gateway with the given configuration until stopped (Ctrl-C).")
public final class StartCommand implements Callable<Integer>
{
    @Option(names = {"-c", "--config"}, defaultValue = "config/bastion.yaml",
        description = "Configuration file (default: ${DEFAULT-VALUE}).")
    private Path config;

    @Override
    public Integer call() throws InterruptedException
    {
        final GatewayConfiguration configuration = new ConfigurationLoader().load(config);
        final CountDownLatch stopped = new CountDownLatch(1);
        try (BastionGateway gateway = BastionGateway.launch(configuration, OrderFlowUnavailable::new))
        {
            System.out.printf("Bastion gateway listening for FIX on %s:%d; Ctrl-C stops it%n",
                configuration.host(), gateway.port());
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "bastion-shutdown"));
            stopped.await();
        }
        return 0;
    }
}

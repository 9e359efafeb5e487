package dev.bastion.cli.demo;

import dev.bastion.cli.BastionCli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bastion demo} in-process, with the shipped configuration, as the README's first command runs it. */
class DemoCommandTest
{
    @Test
    void shouldRunTheScriptedOrderFlowAndExitZeroEvenWhenTheConfiguredPortsAreTaken() throws IOException
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine bastion = BastionCli.commandLine()
            .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        final int exitCode;
        // Hold the configured ports (if nobody else does already): the demo must move aside.
        try (ServerSocket gateway = occupy(9880); ServerSocket venue = occupy(9890))
        {
            exitCode = bastion.execute("demo", "-c", Path.of("..", "config", "bastion.yaml").toString());
        }

        final String output = out.toString();
        assertThat(exitCode).as("exit code; stdout:%n%s%nstderr:%n%s", output, err).isZero();
        assertThat(output)
            .contains("Port 9880 (gateway.port) is taken: the gateway uses free port")
            .containsPattern("127.0.0.1:9890 \\(from .*venue-sim.cfg\\) is taken: the SIM simulator uses free port")
            .contains("Demo client logged on as CLIENT1 (FIX.4.4)")
            .containsPattern("8 DEMO-1 +PENDING_NEW +PENDING_NEW +qty 100 @ 189.5 +cum 0 +leaves 100")
            .containsPattern("8 DEMO-1 +TRADE +FILLED +qty 100 @ 189.5 +cum 100 +leaves 0 +avgPx 189.5")
            .containsPattern("8 DEMO-3 +TRADE +PARTIALLY_FILLED .*cum 120 +leaves 180")
            .containsPattern("8 DEMO-4 \\(DEMO-3\\) +CANCELED +CANCELED .*cum 120 +leaves 0")
            .containsPattern("8 DEMO-6 \\(DEMO-5\\) +REPLACED +NEW +qty 150 @ 412")
            .containsPattern("8 DEMO-7 +REJECTED +REJECTED .*OrdRejReason 3 +RiskRejectCode 16 +\"max order notional")
            .contains("Summary")
            .contains("Demo finished: every order ended as expected.");
        final Path dataLine = Path.of(output.lines().filter(line -> line.startsWith("Bastion demo: data in "))
            .findFirst().orElseThrow().substring("Bastion demo: data in ".length()).split(" ")[0]);
        assertThat(Files.exists(dataLine)).as("the temporary data directory is deleted at exit").isFalse();
    }

    private static ServerSocket occupy(final int port) throws IOException
    {
        final ServerSocket socket = new ServerSocket();
        try
        {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
        }
        catch (final IOException alreadyTaken)
        {
            // someone else holds it: just as good
        }
        return socket;
    }
}

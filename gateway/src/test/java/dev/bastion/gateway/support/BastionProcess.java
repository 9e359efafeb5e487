package dev.bastion.gateway.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bastion start} in a JVM of its own (this JVM's class path and module flags), its output in a file. */
public final class BastionProcess implements AutoCloseable
{
    private final Process process;
    private final Path output;
    private final long startedNanos;

    private BastionProcess(final Process process, final Path output, final long startedNanos)
    {
        this.process = process;
        this.output = output;
        this.startedNanos = startedNanos;
    }

    /** Starts it and returns once it accepts connections on {@code port}. */
    public static BastionProcess start(final Path config, final Path output, final int port) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (argument.startsWith("--add-") || argument.startsWith("-Dchronicle") ||
                argument.startsWith("-Djava.net") || argument.startsWith("-Dfix."))
            {
                command.add(argument);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.bastion.cli.BastionCli");
        command.add("start");
        command.add("--config");
        command.add(config.toString());
        final long started = System.nanoTime();
        final Process process = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
        final BastionProcess bastion = new BastionProcess(process, output, started);
        Await.until("bastion start in its own JVM to accept connections", Duration.ofSeconds(60), () ->
        {
            assertThat(process.isAlive()).as("bastion process alive; its output:%n%s", bastion.output()).isTrue();
            return accepts(port);
        });
        return bastion;
    }

    /** When the process was started, by {@link System#nanoTime()}. */
    public long startedNanos()
    {
        return startedNanos;
    }

    public String output()
    {
        try
        {
            return Files.readString(output, StandardCharsets.ISO_8859_1);
        }
        catch (final IOException ex)
        {
            return ex.toString();
        }
    }

    /** SIGKILL: no shutdown hook, no clean close. */
    public void kill() throws InterruptedException
    {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed process ended").isTrue();
    }

    /** SIGTERM, as Ctrl-C or a supervisor stops it; returns its exit code. */
    public int stop() throws InterruptedException
    {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped process ended; its output:%n%s", output())
            .isTrue();
        return process.exitValue();
    }

    @Override
    public void close()
    {
        process.destroyForcibly();
    }

    private static boolean accepts(final int port)
    {
        try (Socket socket = new Socket())
        {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }
}

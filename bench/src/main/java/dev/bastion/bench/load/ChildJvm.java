package dev.bastion.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target started as its own JVM, on the class path of this one, with its output in a log file:
 * {@link #start} returns once a line of the output matches the ready pattern (the address it
 * listens on), and fails with the end of the log when the process dies first or takes too long.
 */
final class ChildJvm implements AutoCloseable
{
    /** The flags every target JVM gets: the build's list (Artio, Aeron, Chronicle Map), so all run alike. */
    static final List<String> BUILD_FLAGS = buildFlags();

    private final String name;
    private final Process process;
    private final Path log;
    private Matcher ready;

    private ChildJvm(final String name, final Process process, final Path log)
    {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code mainClass} with {@code args} and waits for {@code readyLine}.
     *
     * @param jvmOptions options before the class path (heap, GC), after {@link #BUILD_FLAGS}.
     */
    static ChildJvm start(
        final String name,
        final List<String> jvmOptions,
        final String mainClass,
        final List<String> args,
        final Path log,
        final Pattern readyLine,
        final Duration timeout) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(BUILD_FLAGS);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        Files.createDirectories(log.getParent());
        final Process process = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
        final ChildJvm child = new ChildJvm(name, process, log);
        try
        {
            child.awaitReady(readyLine, timeout);
            return child;
        }
        catch (final IOException | RuntimeException ex)
        {
            child.close();
            throw ex;
        }
    }

    private void awaitReady(final Pattern readyLine, final Duration timeout) throws IOException
    {
        ready = awaitLine(readyLine, timeout);
    }

    /**
     * Waits for a line of the output that matches {@code line} (one printed since the start counts), and fails
     * with the end of the log when the process dies first or takes longer than {@code timeout}.
     */
    Matcher awaitLine(final Pattern line, final Duration timeout) throws IOException
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (true)
        {
            for (final String text : Files.readAllLines(log, StandardCharsets.UTF_8))
            {
                final Matcher matcher = line.matcher(text);
                if (matcher.find())
                {
                    return matcher;
                }
            }
            if (!process.isAlive())
            {
                throw new IOException(name + " exited with status " + process.exitValue() + " before it printed '" +
                    line.pattern() + "'; the end of its output (" + log + "):\n" + tail(20));
            }
            if (System.nanoTime() > deadline)
            {
                throw new IOException(name + " did not print '" + line.pattern() + "' within " +
                    timeout.toSeconds() + " s; the end of its output (" + log + "):\n" + tail(20));
            }
            try
            {
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + name, ex);
            }
        }
    }

    /** The ready line's match: its groups carry what the target printed (its port). */
    Matcher ready()
    {
        return ready;
    }

    long pid()
    {
        return process.pid();
    }

    boolean isAlive()
    {
        return process.isAlive();
    }

    Path log()
    {
        return log;
    }

    /** The last lines of the output, to explain a failure. */
    String tail(final int lines)
    {
        try
        {
            final List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
        catch (final IOException | UncheckedIOException ex)
        {
            return "(cannot read " + log + ": " + ex.getMessage() + ")";
        }
    }

    /** Asks the process to stop (SIGTERM: its shutdown hooks run), then kills it after 15 s. */
    @Override
    public void close()
    {
        if (!process.isAlive())
        {
            return;
        }
        process.destroy();
        try
        {
            if (!process.waitFor(15, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
        catch (final InterruptedException ex)
        {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> buildFlags()
    {
        final Properties properties = new Properties();
        try (InputStream in = ChildJvm.class.getResourceAsStream("jvm.properties"))
        {
            if (in == null)
            {
                throw new IllegalStateException("jvm.properties is missing from the benchmarks jar");
            }
            properties.load(in);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        final String flags = properties.getProperty("flags", "").trim();
        if (flags.isEmpty() || flags.startsWith("${"))
        {
            throw new IllegalStateException("jvm.properties was not filled in by the build: " + flags);
        }
        return List.copyOf(Arrays.asList(flags.split("\\s+")));
    }
}

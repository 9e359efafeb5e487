package dev.bastion.oms.portfolio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A real {@code kill -9}: a child JVM books a long fill stream into a portfolio directory and is
 * killed with SIGKILL mid-stream, twice, each new child booking the stream again from the start as
 * the OMS's resends would. Then this JVM opens the directory, books the whole stream once more, and
 * every position, lot, cash balance and realized P&amp;L must equal the naive reference fed the
 * stream once: nothing lost, nothing booked twice.
 */
class PortfolioKillTest
{
    static final List<String> ACCOUNTS = List.of("ACC1", "ACC2", "ACC3");
    static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "IBM", "ORCL", "SAP");
    static final int FILLS = 300_000;
    static final long SEED = 20_260_101;
    private static final long INITIAL_CASH = 50_000_000 * FixedMath.MONEY_SCALE;
    private static final long CHILD_TIMEOUT_SECONDS = 180;

    @TempDir
    Path directory;

    static List<Fill> fills()
    {
        return Fill.stream(SEED, FILLS, ACCOUNTS, SYMBOLS);
    }

    static PortfolioConfiguration configuration(final Path directory)
    {
        return new PortfolioConfiguration()
            .directory(directory)
            .inlineLots(4)
            .defaultInitialCash(INITIAL_CASH)
            .maxPositions(1_000)
            .maxAccounts(100)
            .maxSymbols(100)
            .maxOverflowLots(200_000)
            .tradeLogSegmentRecords(50_000)
            .maxEquitySamples(1_000)
            .clock(() -> 1_767_225_600_000L);
    }

    @Test
    void shouldBookEveryFillExactlyOnceAcrossKillsAndResends() throws Exception
    {
        final Path portfolioDirectory = directory.resolve("portfolio");
        final Random random = new Random(SEED);
        final int firstKill = 20_000 + random.nextInt(60_000);
        final int secondKill = firstKill + 20_000 + random.nextInt(60_000);

        final int killedAt = runChildAndKill(portfolioDirectory, firstKill, false);
        final int killedAgainAt = runChildAndKill(portfolioDirectory, Math.max(secondKill, killedAt + 10_000), true);

        final List<Fill> fills = fills();
        final Map<FillOutcome, Integer> outcomes = new EnumMap<>(FillOutcome.class);
        try (Portfolio portfolio = Portfolio.open(configuration(portfolioDirectory)))
        {
            assertThat(portfolio.recoveredFromCrash()).as("a killed writer leaves no clean mark").isTrue();
            for (final Fill fill : fills)
            {
                outcomes.merge(fill.applyTo(portfolio), 1, Integer::sum);
            }

            final ReferencePortfolio reference = new ReferencePortfolio();
            ACCOUNTS.forEach(account -> reference.openAccount(account, INITIAL_CASH));
            fills.forEach(fill -> fill.applyTo(reference));
            ACCOUNTS.forEach(account -> PortfolioAssertions.assertSameAs(reference, portfolio, account));
        }

        System.out.printf("kill -9 test: children killed after fills %d and %d; resend outcomes %s%n",
            killedAt, killedAgainAt, outcomes);
        assertThat(outcomes.getOrDefault(FillOutcome.DUPLICATE, 0)).as("booked before the second kill")
            .isGreaterThan(killedAgainAt);
        assertThat(outcomes.getOrDefault(FillOutcome.COMPLETED, 0)).isLessThanOrEqualTo(1);
        assertThat(outcomes.getOrDefault(FillOutcome.APPLIED, 0)).as("left to book after the second kill")
            .isPositive();
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(FILLS);
    }

    /** @return the last progress the child reported before SIGKILL. */
    private int runChildAndKill(final Path portfolioDirectory, final int killAfter, final boolean expectRecovery)
        throws Exception
    {
        final Path log = directory.resolve("child-" + killAfter + ".log");
        final Process child = new ProcessBuilder(childCommand(portfolioDirectory))
            .redirectError(log.toFile())
            .start();
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final Thread reader = new Thread(() ->
        {
            try (BufferedReader in = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = in.readLine()) != null)
                {
                    lines.add(line);
                }
            }
            catch (final IOException ignored)
            {
                // the child was killed
            }
            lines.add("EOF");
        }, "kill-child-stdout");
        reader.setDaemon(true);
        reader.start();

        int progress = -1;
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHILD_TIMEOUT_SECONDS);
        try
        {
            while (progress < killAfter)
            {
                final String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null || line.equals("EOF") || line.equals(PortfolioKillChild.DONE))
                {
                    fail("child %s before fill %d (last progress %d); its stderr:%n%s",
                        line == null ? "gave no progress in time" : "ended", killAfter, progress, tail(log));
                }
                if (line.startsWith(PortfolioKillChild.OPENED))
                {
                    assertThat(Boolean.parseBoolean(line.substring(PortfolioKillChild.OPENED.length())))
                        .as("child found the directory recovered").isEqualTo(expectRecovery);
                }
                else if (line.startsWith(PortfolioKillChild.PROGRESS))
                {
                    progress = Integer.parseInt(line.substring(PortfolioKillChild.PROGRESS.length()));
                }
            }
        }
        finally
        {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child gone after SIGKILL").isTrue();
        }
        assertThat(child.exitValue()).as("exit status of a SIGKILLed JVM").isEqualTo(128 + 9);
        return progress;
    }

    /** The java of this JVM, with this JVM's module flags and -D properties (surefire's argLine) and classpath. */
    private static List<String> childCommand(final Path portfolioDirectory)
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        final List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (int i = 0; i < arguments.size(); i++)
        {
            final String argument = arguments.get(i);
            if (argument.startsWith("--add-opens") || argument.startsWith("--add-exports"))
            {
                command.add(argument);
                if (!argument.contains("=") && i + 1 < arguments.size())
                {
                    command.add(arguments.get(++i));
                }
            }
            else if (argument.startsWith("-D"))
            {
                command.add(argument);
            }
        }
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(PortfolioKillChild.class.getName());
        command.add(portfolioDirectory.toString());
        return command;
    }

    private static String tail(final Path log)
    {
        try
        {
            final List<String> lines = Files.readAllLines(log);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
        catch (final IOException ex)
        {
            return "(no log: " + ex + ")";
        }
    }
}

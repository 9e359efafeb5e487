package dev.bastion.bench.load;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code bastion bench}: the end-to-end load generator. Starts each target in turn as its own
 * processes on this machine (Bastion, a bare QuickFIX/J acceptor, a TCP echo), logs on with the same
 * client, runs the same phases against each (a warm-up, then the measured part, at each rate),
 * stops it, and prints and writes the tables.
 */
@Command(name = "bastion bench", mixinStandardHelpOptions = true, sortOptions = false, version = "Bastion bench 0.1.0",
    description = {
        "End-to-end FIX load test: the same client, order and rates against Bastion (full pre-trade risk), "
            + "a bare QuickFIX/J acceptor and a TCP echo, one after another on this machine.",
        "Latency NewOrderSingle -> ExecutionReport(New) and -> (Filled), open loop at each rate (from the scheduled "
            + "send time: no coordinated omission) or at max throughput with a window of outstanding orders. "
            + "Fails (exit 1) when any order goes unanswered or is rejected."},
    footer = {"", "Examples:", "  ./bastion bench --short", "  ./bastion bench --rates 1000,10000,max --duration 30"})
public final class BenchCommand implements Callable<Integer>
{
    static final Map<String, Supplier<BenchTarget>> TARGETS = targets();

    @Option(names = "--short", description = "Under a minute: 1000/s, 10 s warm-up, 5 s measured, per target "
        + "(options given as well still apply). The warm-up is the longer part: Bastion's JIT compilation of its "
        + "codecs and pipeline keeps both cores of a small machine busy for its first seconds.")
    private boolean shortRun;

    @Option(names = "--rates", split = ",", paramLabel = "RATE",
        description = "Orders per second, or max (default: 1000,10000,max; --short: 1000).")
    private List<String> rates;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Measured seconds per rate (default: 30; "
        + "--short: 5).")
    private Integer durationSeconds;

    @Option(names = "--warmup", paramLabel = "SECONDS", description = "Warm-up seconds per rate, not recorded "
        + "(default: 10; --short: 10).")
    private Integer warmupSeconds;

    @Option(names = "--window", defaultValue = "100", paramLabel = "ORDERS",
        description = "Max mode: orders outstanding at most (default: ${DEFAULT-VALUE}).")
    private int window;

    @Option(names = "--targets", split = ",", defaultValue = "bastion,quickfixj,tcp-echo", paramLabel = "TARGET",
        description = "Targets, in the order they run (default: ${DEFAULT-VALUE}).")
    private List<String> targets;

    @Option(names = "--json", defaultValue = "target/bench-report.json", paramLabel = "FILE",
        description = "Where the JSON report goes (default: ${DEFAULT-VALUE}).")
    private Path json;

    @Option(names = "--drain-timeout", defaultValue = "10", paramLabel = "SECONDS",
        description = "After a rate's last order, how long answers may take before they count as lost "
            + "(default: ${DEFAULT-VALUE}).")
    private int drainTimeoutSeconds;

    @Option(names = "--target-jvm-options", defaultValue = "-Xms1g -Xmx1g", paramLabel = "OPTIONS",
        description = "Heap and GC options for every target JVM alike (default: ${DEFAULT-VALUE}); Bastion's venue "
            + "simulator, which keeps every order, also gets -Xmx4g.")
    private String targetJvmOptions;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Where the targets keep their data and logs "
        + "(default: a temporary directory, deleted after a run without failures).")
    private Path workDirectory;

    @Spec
    private CommandSpec spec;

    public static void main(final String[] args)
    {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine()
    {
        return new CommandLine(new BenchCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public Integer call() throws IOException
    {
        final PrintWriter out = spec.commandLine().getOut();
        final List<PhaseSpec> phases = phases();
        final List<Supplier<BenchTarget>> chosen = chosenTargets();
        final boolean temporary = workDirectory == null;
        final Path work = temporary ?
            Files.createTempDirectory("bastion-bench-") : Files.createDirectories(workDirectory);
        final List<String> jvmOptions = List.of(targetJvmOptions.trim().split("\\s+"));
        final double startLoad = BenchReport.loadAverage();

        out.printf(Locale.ROOT, "bastion bench: %s against %s; %d cores shared by the generator and the targets, " +
            "load average %.2f%n", describe(phases), String.join(", ", targets),
            Runtime.getRuntime().availableProcessors(), BenchReport.loadAverage());
        out.flush();
        final List<TargetRun> runs = new ArrayList<>();
        for (final Supplier<BenchTarget> supplier : chosen)
        {
            runs.add(run(supplier.get(), phases, work, jvmOptions, out));
        }
        final BenchReport report = new BenchReport(runs, phases, "bastion bench " + String.join(" ", spec.commandLine()
            .getParseResult().originalArgs()), startLoad);
        out.println();
        out.print(report.text());
        report.writeJson(json);
        out.printf("%nJSON report: %s%n", json.toAbsolutePath());
        if (report.ok())
        {
            if (temporary)
            {
                deleteRecursively(work);
            }
            return 0;
        }
        out.printf("Some orders were not answered, or a target failed: the targets' logs are in %s%n", work);
        return 1;
    }

    private TargetRun run(
        final BenchTarget target,
        final List<PhaseSpec> phases,
        final Path work,
        final List<String> jvmOptions,
        final PrintWriter out)
    {
        final Thread stopOnExit = new Thread(target::close, "bench-stop-" + target.name());
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        out.printf("%n%s: %s%n", target.name(), target.description());
        out.flush();
        final List<TargetRun.MeasuredPhase> measured = new ArrayList<>();
        try
        {
            final long startNs = System.nanoTime();
            final LoadClientConfiguration client = target.start(work, jvmOptions)
                .drainTimeout(Duration.ofSeconds(drainTimeoutSeconds));
            out.printf(Locale.ROOT, "  started in %.1f s; logging on to %s:%d%n",
                (System.nanoTime() - startNs) / 1e9, client.host(), client.port());
            out.flush();
            try (FixLoadClient session = FixLoadClient.connect(client))
            {
                for (int i = 0; i < phases.size(); i++)
                {
                    final PhaseSpec phase = phases.get(i);
                    out.printf(Locale.ROOT, "  %-7s %d s warm-up + %d s measured ... ", phase.label(),
                        phase.warmup().toSeconds(), phase.duration().toSeconds());
                    out.flush();
                    final CpuClock targetCpu = new CpuClock(target.processes());
                    final CpuClock generatorCpu = new CpuClock(List.of(ProcessHandle.current()));
                    final PhaseResult result = session.run(phase, "P" + (i + 1) + "-");
                    final TargetRun.MeasuredPhase done =
                        new TargetRun.MeasuredPhase(result, targetCpu.percent(), generatorCpu.percent());
                    measured.add(done);
                    out.println(summary(done));
                    out.flush();
                    if (session.disconnected() != null)
                    {
                        return new TargetRun(target.name(), target.description(), measured,
                            "session lost: " + session.disconnected());
                    }
                }
            }
            return new TargetRun(target.name(), target.description(), measured, null);
        }
        catch (final IOException | RuntimeException ex)
        {
            out.printf("  FAILED: %s%n", ex.getMessage());
            return new TargetRun(target.name(), target.description(), measured, String.valueOf(ex.getMessage()));
        }
        finally
        {
            target.close();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
    }

    private static String summary(final TargetRun.MeasuredPhase phase)
    {
        final PhaseResult result = phase.result();
        final String latency = result.filledFromIntended().getTotalCount() == 0 ? "" : String.format(Locale.ROOT,
            ", Filled p50 %.1f µs p99 %.1f µs", result.filledFromIntended().getValueAtPercentile(50) / 1000.0,
            result.filledFromIntended().getValueAtPercentile(99) / 1000.0);
        return String.format(Locale.ROOT, "%d sent, %d answered, %.0f/s achieved%s, cpu %.0f%% (generator %.0f%%)%s",
            result.sent(), result.answered(), result.achievedRate(), latency, phase.targetCpuPercent(),
            phase.generatorCpuPercent(), result.ok() ? "" : "\n    FAILED: " + String.join("\n    FAILED: ",
                result.failures()));
    }

    List<PhaseSpec> phases()
    {
        final List<String> rateNames =
            rates != null ? rates : shortRun ? List.of("1000") : List.of("1000", "10000", "max");
        final Duration warmup = Duration.ofSeconds(warmupSeconds != null ? warmupSeconds : 10);
        final Duration duration = Duration.ofSeconds(durationSeconds != null ? durationSeconds : shortRun ? 5 : 30);
        final List<PhaseSpec> phases = new ArrayList<>();
        for (final String name : rateNames)
        {
            final int rate;
            if ("max".equalsIgnoreCase(name.trim()))
            {
                rate = PhaseSpec.MAX;
            }
            else
            {
                try
                {
                    rate = Integer.parseInt(name.trim());
                }
                catch (final NumberFormatException ex)
                {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                        "--rates: '" + name + "' is neither a number of orders per second nor max");
                }
                if (rate <= 0)
                {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                        "--rates: " + rate + " is not a positive rate");
                }
            }
            try
            {
                phases.add(new PhaseSpec(rate, warmup, duration, window));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
            }
        }
        return phases;
    }

    private List<Supplier<BenchTarget>> chosenTargets()
    {
        final List<Supplier<BenchTarget>> chosen = new ArrayList<>();
        for (final String name : targets)
        {
            final Supplier<BenchTarget> target = TARGETS.get(name.trim().toLowerCase(Locale.ROOT));
            if (target == null)
            {
                throw new CommandLine.ParameterException(spec.commandLine(),
                    "--targets: unknown target '" + name + "'; the targets are " + String.join(", ", TARGETS.keySet()));
            }
            chosen.add(target);
        }
        return chosen;
    }

    private static String describe(final List<PhaseSpec> phases)
    {
        final PhaseSpec first = phases.get(0);
        final StringBuilder rates = new StringBuilder();
        for (final PhaseSpec phase : phases)
        {
            rates.append(rates.length() == 0 ? "" : ", ").append(phase.label());
        }
        return String.format(Locale.ROOT, "rates %s, each %d s warm-up + %d s measured", rates,
            first.warmup().toSeconds(), first.duration().toSeconds());
    }

    private static Map<String, Supplier<BenchTarget>> targets()
    {
        final Map<String, Supplier<BenchTarget>> targets = new LinkedHashMap<>();
        targets.put("bastion", BastionTarget::new);
        targets.put("quickfixj", QuickFixTarget::new);
        targets.put("tcp-echo", EchoTarget::new);
        return targets;
    }

    private static void deleteRecursively(final Path directory) throws IOException
    {
        try (Stream<Path> paths = Files.walk(directory))
        {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(path);
            }
        }
    }

    /** CPU time of some processes from now on, as a percentage of one core of the wall time elapsed. */
    private static final class CpuClock
    {
        private final List<ProcessHandle> processes;
        private final long startCpuNs;
        private final long startNs = System.nanoTime();

        CpuClock(final List<ProcessHandle> processes)
        {
            this.processes = processes;
            this.startCpuNs = cpuNanos();
        }

        double percent()
        {
            final long elapsed = System.nanoTime() - startNs;
            return elapsed <= 0 ? 0 : 100.0 * (cpuNanos() - startCpuNs) / elapsed;
        }

        private long cpuNanos()
        {
            long total = 0;
            for (final ProcessHandle process : processes)
            {
                total += process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
            }
            return total;
        }
    }
}

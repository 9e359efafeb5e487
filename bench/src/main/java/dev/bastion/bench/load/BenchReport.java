package dev.bastion.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The run's results as a table for people and as JSON for tools: per target and rate the counts,
 * the rate achieved, the CPU used and the latency percentiles in microseconds; then Bastion's
 * latency divided by each reference target's at each percentile.
 */
public final class BenchReport
{
    static final double[] PERCENTILES = {50, 90, 99, 99.9};
    static final String[] PERCENTILE_NAMES = {"p50", "p90", "p99", "p99.9"};
    private static final String SUBJECT = "bastion";

    private final List<TargetRun> runs;
    private final List<PhaseSpec> phases;
    private final String command;
    private final double startLoadAverage;

    /**
     * @param startLoadAverage the machine's load average when the run started: other work on the
     *                         machine shares its cores with the generator and the targets.
     */
    public BenchReport(
        final List<TargetRun> runs, final List<PhaseSpec> phases, final String command, final double startLoadAverage)
    {
        this.runs = List.copyOf(runs);
        this.phases = List.copyOf(phases);
        this.command = command;
        this.startLoadAverage = startLoadAverage;
    }

    /** The one-minute load average of the machine, or -1 where the system does not say. */
    static double loadAverage()
    {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    public List<TargetRun> runs()
    {
        return runs;
    }

    public boolean ok()
    {
        return runs.stream().allMatch(TargetRun::ok);
    }

    /** The tables, as printed at the end of a run. */
    public String text()
    {
        final StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT,
            "Latency in µs, NewOrderSingle sent -> ExecutionReport received, from each order's scheduled send " +
            "time (open loop; max: from the actual send). orders: measured, after the warm-up; reject and lost: " +
            "orders answered with a reject, and never answered, warm-up included. lag99: the generator's own " +
            "lateness sending, p99, included in the latencies. CPU in %% of one core over the phase (this machine: %d cores, shared by the generator " +
            "and the target; nothing pinned; load average %.2f at the start of the run, %.2f at its end).%n%n",
            Runtime.getRuntime().availableProcessors(), startLoadAverage, loadAverage()));
        out.append(String.format(Locale.ROOT,
            "%-10s %-8s %8s %10s %6s %6s %5s %5s %6s | %-6s %7s %7s %7s %7s %7s | %-6s %7s %7s %7s %7s %7s%n",
            "target", "rate", "orders", "achieved/s", "reject", "lost", "cpu", "gen", "lag99", "New", "p50", "p90", "p99", "p99.9", "max",
            "Filled", "p50", "p90", "p99", "p99.9", "max"));
        for (final TargetRun run : runs)
        {
            if (run.error() != null)
            {
                out.append(String.format(Locale.ROOT, "%-10s not measured: %s%n", run.name(), run.error()));
                continue;
            }
            for (final TargetRun.MeasuredPhase phase : run.phases())
            {
                final PhaseResult result = phase.result();
                out.append(String.format(Locale.ROOT,
                    "%-10s %-8s %8d %10.0f %6d %6d %5.0f %5.0f %6s | %-6s %s | %-6s %s%n",
                    run.name(), result.spec().label(), result.measured(), result.achievedRate(), result.rejected(),
                    result.lost(),
                    phase.targetCpuPercent(), phase.generatorCpuPercent(), micros(result.sendLag(), 99),
                    "", percentiles(result.newFromIntended()), "", percentiles(result.filledFromIntended())));
                for (final String failure : result.failures())
                {
                    out.append("           FAILED: ").append(failure).append(System.lineSeparator());
                }
            }
        }
        final List<String> ratioLines = new ArrayList<>();
        for (final PhaseSpec spec : phases)
        {
            final PhaseResult subject = okPhase(SUBJECT, spec.label());
            if (subject == null)
            {
                continue;
            }
            for (final TargetRun other : runs)
            {
                final PhaseResult reference = other.name().equals(SUBJECT) ? null : okPhase(other.name(), spec.label());
                if (reference == null)
                {
                    continue;
                }
                ratioLines.add(String.format(Locale.ROOT, "%-8s %-22s | %-6s %s | %-6s %s",
                    spec.label(), SUBJECT + " ÷ " + other.name(),
                    "", ratios(subject.newFromIntended(), reference.newFromIntended()),
                    "", ratios(subject.filledFromIntended(), reference.filledFromIntended())));
            }
        }
        out.append(System.lineSeparator());
        if (ratioLines.isEmpty())
        {
            out.append("No ratios: Bastion and at least one reference target must both complete a rate.")
                .append(System.lineSeparator());
        }
        else
        {
            out.append(String.format(Locale.ROOT,
                "%-8s %-22s | %-6s %7s %7s %7s %7s %7s | %-6s %7s %7s %7s %7s %7s%n",
                "rate", "ratio", "New", "p50", "p90", "p99", "p99.9", "max",
                "Filled", "p50", "p90", "p99", "p99.9", "max"));
            for (final String line : ratioLines)
            {
                out.append(line).append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    private PhaseResult okPhase(final String target, final String label)
    {
        for (final TargetRun run : runs)
        {
            if (run.name().equals(target) && run.error() == null)
            {
                final TargetRun.MeasuredPhase phase = run.phase(label);
                return phase != null && phase.result().ok() ? phase.result() : null;
            }
        }
        return null;
    }

    private static String percentiles(final Histogram histogram)
    {
        final StringBuilder out = new StringBuilder();
        for (final double percentile : PERCENTILES)
        {
            out.append(String.format(Locale.ROOT, "%7s ", micros(histogram, percentile)));
        }
        out.append(String.format(Locale.ROOT, "%7s", histogram.getTotalCount() == 0 ? "-" :
            format(histogram.getMaxValue() / 1000.0)));
        return out.toString();
    }

    private static String ratios(final Histogram subject, final Histogram reference)
    {
        final StringBuilder out = new StringBuilder();
        for (final double percentile : PERCENTILES)
        {
            out.append(String.format(Locale.ROOT, "%7s ", ratio(
                subject.getValueAtPercentile(percentile), reference.getValueAtPercentile(percentile),
                subject.getTotalCount() > 0 && reference.getTotalCount() > 0)));
        }
        out.append(String.format(Locale.ROOT, "%7s", ratio(subject.getMaxValue(), reference.getMaxValue(),
            subject.getTotalCount() > 0 && reference.getTotalCount() > 0)));
        return out.toString();
    }

    private static String ratio(final long subject, final long reference, final boolean both)
    {
        return !both || reference == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double)subject / reference);
    }

    private static String micros(final Histogram histogram, final double percentile)
    {
        return histogram.getTotalCount() == 0 ? "-" : format(histogram.getValueAtPercentile(percentile) / 1000.0);
    }

    private static String format(final double micros)
    {
        return micros < 100 ? String.format(Locale.ROOT, "%.1f", micros) : String.format(Locale.ROOT, "%.0f", micros);
    }

    /** The report as JSON: settings, machine, every phase of every target, and the ratios. */
    public ObjectNode json()
    {
        final ObjectMapper mapper = new ObjectMapper();
        final ObjectNode root = mapper.createObjectNode();
        root.put("generatedAt", Instant.now().toString());
        root.put("command", command);
        root.put("ok", ok());
        final ObjectNode machine = root.putObject("machine");
        machine.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("loadAverageAtStart", round(startLoadAverage));
        machine.put("loadAverageAtEnd", round(loadAverage()));
        machine.put("note", "generator and targets share the machine's cores; nothing is pinned");
        root.put("latencyUnit", "microseconds");
        final ArrayNode targets = root.putArray("targets");
        for (final TargetRun run : runs)
        {
            final ObjectNode target = targets.addObject();
            target.put("name", run.name());
            target.put("description", run.description());
            target.put("ok", run.ok());
            if (run.error() != null)
            {
                target.put("error", run.error());
            }
            final ArrayNode phaseNodes = target.putArray("phases");
            for (final TargetRun.MeasuredPhase phase : run.phases())
            {
                phaseNodes.add(phaseJson(mapper, phase));
            }
        }
        final ArrayNode ratioNodes = root.putArray("ratios");
        for (final PhaseSpec spec : phases)
        {
            final PhaseResult subject = okPhase(SUBJECT, spec.label());
            for (final TargetRun other : runs)
            {
                final PhaseResult reference = other.name().equals(SUBJECT) ? null : okPhase(other.name(), spec.label());
                if (subject == null || reference == null)
                {
                    continue;
                }
                final ObjectNode ratio = ratioNodes.addObject();
                ratio.put("rate", spec.label());
                ratio.put("numerator", SUBJECT);
                ratio.put("denominator", other.name());
                ratio.set("new", ratioJson(mapper, subject.newFromIntended(), reference.newFromIntended()));
                ratio.set("filled", ratioJson(mapper, subject.filledFromIntended(), reference.filledFromIntended()));
            }
        }
        return root;
    }

    private static ObjectNode phaseJson(final ObjectMapper mapper, final TargetRun.MeasuredPhase phase)
    {
        final PhaseResult result = phase.result();
        final PhaseSpec spec = result.spec();
        final ObjectNode node = mapper.createObjectNode();
        node.put("rate", spec.label());
        node.put("targetRate", spec.maxThroughput() ? null : spec.rate());
        node.put("mode", spec.maxThroughput() ? "max-throughput" : "open-loop");
        if (spec.maxThroughput())
        {
            node.put("window", spec.window());
        }
        node.put("warmupSeconds", spec.warmup().toMillis() / 1000.0);
        node.put("durationSeconds", spec.duration().toMillis() / 1000.0);
        node.put("ok", result.ok());
        node.put("sent", result.sent());
        node.put("measured", result.measured());
        node.put("answered", result.answered());
        node.put("acknowledged", result.acknowledged());
        node.put("filled", result.filled());
        node.put("rejected", result.rejected());
        node.put("lost", result.lost());
        node.put("achievedRate", Math.round(result.achievedRate() * 10) / 10.0);
        node.put("targetCpuPercent", Math.round(phase.targetCpuPercent()));
        node.put("generatorCpuPercent", Math.round(phase.generatorCpuPercent()));
        final ArrayNode failures = node.putArray("failures");
        result.failures().forEach(failures::add);
        final ObjectNode latency = node.putObject("latency");
        latency.set("newFromIntended", histogramJson(mapper, result.newFromIntended()));
        latency.set("filledFromIntended", histogramJson(mapper, result.filledFromIntended()));
        latency.set("newFromSend", histogramJson(mapper, result.newFromSend()));
        latency.set("filledFromSend", histogramJson(mapper, result.filledFromSend()));
        latency.set("sendLag", histogramJson(mapper, result.sendLag()));
        return node;
    }

    private static ObjectNode histogramJson(final ObjectMapper mapper, final Histogram histogram)
    {
        final ObjectNode node = mapper.createObjectNode();
        node.put("count", histogram.getTotalCount());
        if (histogram.getTotalCount() == 0)
        {
            return node;
        }
        for (int i = 0; i < PERCENTILES.length; i++)
        {
            node.put(PERCENTILE_NAMES[i], round(histogram.getValueAtPercentile(PERCENTILES[i]) / 1000.0));
        }
        node.put("max", round(histogram.getMaxValue() / 1000.0));
        node.put("mean", round(histogram.getMean() / 1000.0));
        return node;
    }

    private static ObjectNode ratioJson(final ObjectMapper mapper, final Histogram subject, final Histogram reference)
    {
        final ObjectNode node = mapper.createObjectNode();
        for (int i = 0; i < PERCENTILES.length; i++)
        {
            final long denominator = reference.getValueAtPercentile(PERCENTILES[i]);
            node.put(PERCENTILE_NAMES[i], denominator == 0 ? null :
                round((double)subject.getValueAtPercentile(PERCENTILES[i]) / denominator));
        }
        node.put("max", reference.getMaxValue() == 0 ? null :
            round((double)subject.getMaxValue() / reference.getMaxValue()));
        return node;
    }

    private static double round(final double value)
    {
        return Math.round(value * 100) / 100.0;
    }

    /** Writes {@link #json()} to {@code file}, creating its directory. */
    public void writeJson(final Path file) throws IOException
    {
        final Path parent = file.toAbsolutePath().getParent();
        if (parent != null)
        {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json());
    }
}

package dev.bastion.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BenchReportTest
{
    private static final PhaseSpec RATE = new PhaseSpec(1_000, Duration.ofSeconds(1), Duration.ofSeconds(1), 1);

    @Test
    void shouldDivideBastionsLatencyByEachReferenceAtEachPercentile()
    {
        final BenchReport report = new BenchReport(List.of(
            run("bastion", phase(200_000, 400_000)),
            run("quickfixj", phase(100_000, 100_000)),
            run("tcp-echo", phase(20_000, 40_000))), List.of(RATE), "bastion bench --short", 0.5);

        final JsonNode ratios = report.json().get("ratios");

        assertThat(ratios).hasSize(2);
        assertThat(ratios.at("/0/denominator").asText()).isEqualTo("quickfixj");
        assertThat(ratios.at("/0/new/p50").asDouble()).isCloseTo(2.0, within(0.01));
        assertThat(ratios.at("/0/filled/p99").asDouble()).isCloseTo(4.0, within(0.01));
        assertThat(ratios.at("/1/denominator").asText()).isEqualTo("tcp-echo");
        assertThat(ratios.at("/1/filled/max").asDouble()).isCloseTo(10.0, within(0.01));
        assertThat(report.text()).contains("1000/s   bastion ÷ quickfixj").contains("bastion ÷ tcp-echo");
    }

    @Test
    void shouldGiveNoRatioForARateBastionDidNotComplete()
    {
        final PhaseResult failed = withFailure(phase(200_000, 400_000), "3 of 2000 orders were not answered");
        final BenchReport report = new BenchReport(List.of(
            run("bastion", failed),
            run("quickfixj", phase(100_000, 100_000))), List.of(RATE), "bastion bench", 0.5);

        assertThat(report.ok()).isFalse();
        assertThat(report.json().get("ratios")).isEmpty();
        assertThat(report.text())
            .contains("FAILED: 3 of 2000 orders were not answered")
            .contains("No ratios");
    }

    @Test
    void shouldShowRejectedAndLostOrdersInTheTable()
    {
        final PhaseResult ok = phase(200_000, 400_000);
        final PhaseResult rejectedAndLost = new PhaseResult(RATE, 2_000, 1_000, 1_998, 1_995, 1_990, 8, 990,
            ok.newFromIntended(), ok.filledFromIntended(), ok.newFromSend(), ok.filledFromSend(), ok.sendLag(),
            List.of("8 orders were rejected", "2 of 2000 orders were not answered"));
        final BenchReport report = new BenchReport(List.of(run("bastion", rejectedAndLost)), List.of(RATE),
            "bastion bench", 0.5);

        final String bastionRow = report.text().lines().filter(line -> line.startsWith("bastion ")).findFirst()
            .orElseThrow();

        assertThat(bastionRow).containsPattern("1000/s\\s+1000\\s+990\\s+8\\s+2\\s");
        assertThat(report.json().at("/targets/0/phases/0/rejected").asLong()).isEqualTo(8);
        assertThat(report.json().at("/targets/0/phases/0/lost").asLong()).isEqualTo(2);
    }

    private static TargetRun run(final String name, final PhaseResult result)
    {
        return new TargetRun(name, name, List.of(new TargetRun.MeasuredPhase(result, 50, 10)), null);
    }

    private static PhaseResult phase(final long newNanos, final long filledNanos)
    {
        return new PhaseResult(RATE, 2_000, 1_000, 2_000, 2_000, 2_000, 0, 1_000,
            histogram(newNanos), histogram(filledNanos), histogram(newNanos), histogram(filledNanos), histogram(0),
            List.of());
    }

    private static PhaseResult withFailure(final PhaseResult result, final String failure)
    {
        return new PhaseResult(result.spec(), result.sent(), result.measured(), result.answered(),
            result.acknowledged(), result.filled(), result.rejected(), result.achievedRate(), result.newFromIntended(),
            result.filledFromIntended(), result.newFromSend(), result.filledFromSend(), result.sendLag(),
            List.of(failure));
    }

    private static Histogram histogram(final long nanos)
    {
        final Histogram histogram = new Histogram(3);
        for (int i = 0; i < 1_000; i++)
        {
            histogram.recordValue(nanos);
        }
        return histogram;
    }
}

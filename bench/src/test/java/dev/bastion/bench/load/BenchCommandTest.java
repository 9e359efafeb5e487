package dev.bastion.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bastion bench} end to end: targets as child JVMs, the tables printed, the JSON written. */
class BenchCommandTest
{
    @TempDir
    Path directory;

    @Test
    void shouldMeasureTheReferenceTargetsAsChildProcessesAndWriteTheReport() throws Exception
    {
        final Path json = directory.resolve("report.json");
        final StringWriter out = new StringWriter();

        final int exit = execute(out, "--targets", "quickfixj,tcp-echo", "--rates", "500,max", "--warmup", "1",
            "--duration", "1", "--json", json.toString(), "--work-dir", directory.resolve("work").toString());

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString())
            .contains("quickfixj  500/s")
            .contains("tcp-echo   max")
            .contains("No ratios: Bastion and at least one reference target must both complete a rate.");
        final JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("ok").asBoolean()).isTrue();
        assertThat(report.get("targets")).hasSize(2);
        for (final JsonNode target : report.get("targets"))
        {
            assertThat(target.get("phases")).hasSize(2);
            for (final JsonNode phase : target.get("phases"))
            {
                assertThat(phase.get("lost").asLong()).isZero();
                assertThat(phase.get("answered").asLong()).isEqualTo(phase.get("sent").asLong());
                assertThat(phase.at("/latency/filledFromIntended/count").asLong())
                    .isEqualTo(phase.get("measured").asLong());
                assertThat(phase.at("/latency/filledFromIntended/p50").asDouble()).isPositive();
            }
        }
        assertThat(report.at("/targets/0/phases/0/measured").asLong()).isEqualTo(500);
    }

    @Test
    void shouldRunBastionWithRiskChecksAndAVenueSimulatorWithoutARejectOrALostOrder() throws Exception
    {
        final Path json = directory.resolve("report.json");
        final StringWriter out = new StringWriter();

        final int exit = execute(out, "--targets", "bastion", "--rates", "300", "--warmup", "1", "--duration", "2",
            "--json", json.toString(), "--work-dir", directory.resolve("work").toString());

        assertThat(exit).as(out.toString()).isZero();
        final JsonNode phase = new ObjectMapper().readTree(json.toFile()).at("/targets/0/phases/0");
        assertThat(phase.get("sent").asLong()).isEqualTo(900);
        assertThat(phase.get("rejected").asLong()).isZero();
        assertThat(phase.get("lost").asLong()).isZero();
        assertThat(phase.get("filled").asLong()).isEqualTo(900);
        assertThat(phase.get("acknowledged").asLong()).isEqualTo(900);
        final Path work = directory.resolve("work").resolve("bastion");
        assertThat(Files.readString(work.resolve("bastion.yaml"))).contains("venues:").contains("limits:");
        assertThat(work.resolve("venue-sim.log")).content().contains("venue-sim listening on 127.0.0.1:");
    }

    @Test
    void shouldRefuseARateThatIsNeitherANumberNorMax()
    {
        final StringWriter err = new StringWriter();
        final CommandLine command = BenchCommand.commandLine().setErr(new PrintWriter(err));

        final int exit = command.execute("--rates", "1000,fast", "--targets", "tcp-echo");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--rates: 'fast' is neither a number of orders per second nor max");
    }

    @Test
    void shouldRefuseAnUnknownTargetNamingTheKnownOnes()
    {
        final StringWriter err = new StringWriter();
        final CommandLine command = BenchCommand.commandLine().setErr(new PrintWriter(err));

        final int exit = command.execute("--targets", "nasdaq");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
            .contains("--targets: unknown target 'nasdaq'; the targets are bastion, quickfixj, tcp-echo");
    }

    private static int execute(final StringWriter out, final String... args)
    {
        return BenchCommand.commandLine().setOut(new PrintWriter(out)).execute(args);
    }
}

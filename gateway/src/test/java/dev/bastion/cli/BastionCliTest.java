package dev.bastion.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code bastion} command offers each job as a subcommand. */
class BastionCliTest
{
    @Test
    void shouldOfferTheVenueSimulator()
    {
        final StringWriter out = new StringWriter();
        final CommandLine bastion = BastionCli.commandLine().setOut(new PrintWriter(out, true));

        assertThat(bastion.getSubcommands()).containsKeys("start", "fixlog", "venue-sim", "demo", "help");
        assertThat(bastion.execute("venue-sim", "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: bastion venue-sim").contains("--immediate-fill");
    }

    @Test
    void shouldStopTheStartWithOneLineNamingTheVenueSettingsFileAndKey(@TempDir final Path directory)
        throws IOException
    {
        Files.writeString(directory.resolve("broker.cfg"), "[SESSION]\nBeginString=FIX.4.1\n");
        final Path config = Files.writeString(directory.resolve("bastion.yaml"), """
            venues:
              - name: BROKER
                settingsFile: broker.cfg
            routing: {defaultVenue: BROKER}
            """);
        final StringWriter err = new StringWriter();
        final CommandLine bastion = BastionCli.commandLine().setErr(new PrintWriter(err, true));

        assertThat(bastion.execute("start", "-c", config.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("bastion: ").contains("broker.cfg").contains("BeginString")
            .doesNotContain("Exception").hasLineCount(1);
    }
}

package dev.bastion.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code bastion} command offers each job as a subcommand. */
class BastionCliTest
{
    @Test
    void shouldOfferTheVenueSimulator()
    {
        final StringWriter out = new StringWriter();
        final CommandLine bastion = BastionCli.commandLine().setOut(new PrintWriter(out, true));

        assertThat(bastion.getSubcommands()).containsKeys("start", "fixlog", "venue-sim", "help");
        assertThat(bastion.execute("venue-sim", "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: bastion venue-sim").contains("--immediate-fill");
    }
}

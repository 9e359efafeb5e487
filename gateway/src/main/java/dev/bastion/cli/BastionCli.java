package dev.bastion.cli;

import dev.bastion.cli.analyze.AnalyzeCommand;
import dev.bastion.cli.demo.DemoCommand;
import dev.bastion.cli.fixlog.FixLogCommand;
import dev.bastion.oms.venue.sim.VenueSimCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code bastion} command: one executable jar, one subcommand per job.
 */
@Command(
    name = "bastion",
    mixinStandardHelpOptions = true,
    version = "Bastion 0.1.0",
    description = "FIX gateway and order management system.",
    subcommands = {DemoCommand.class, StartCommand.class, KillSwitchCommand.class, FixLogCommand.class,
        AnalyzeCommand.class, VenueSimCommand.class, CommandLine.HelpCommand.class})
public final class BastionCli
{
    public static void main(final String[] args)
    {
        RuntimeSettings.apply();
        System.exit(commandLine().execute(args));
    }

    /** The command line with Bastion's error handling, for {@code main} and for tests. */
    public static CommandLine commandLine()
    {
        return new CommandLine(new BastionCli())
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setExecutionExceptionHandler(new UserErrorHandler());
    }
}

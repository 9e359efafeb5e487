package dev.bastion.cli.fixlog;

import dev.bastion.cli.UserInputException;
import dev.bastion.gateway.compliance.Direction;
import dev.bastion.gateway.config.ConfigurationLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code bastion fixlog}: search the compliance log and print what it finds, decoded. */
@Command(name = "fixlog", mixinStandardHelpOptions = true,
    description = "Search the compliance log by session, MsgType, ClOrdID, time and direction; " +
        "print each message decoded with the dictionary's tag names, or as JSON or CSV.")
public final class FixLogCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = {"-c", "--config"}, defaultValue = "config/bastion.yaml",
        description = "Gateway configuration naming the compliance log directory (default: ${DEFAULT-VALUE}).")
    private Path config;

    @Option(names = {"-d", "--dir"}, description = "Compliance log directory; overrides the configuration.")
    private Path directory;

    @Option(names = "--session", description = "A CompID (either side) or a session key like FIX.4.4:BASTION->CLIENT1.")
    private String session;

    @Option(names = "--msg-type", split = ",", description = "MsgType values, comma-separated (e.g. D,8).")
    private List<String> msgTypes;

    @Option(names = "--cl-ord-id", description = "ClOrdID (11) or OrigClOrdID (41).")
    private String clOrdId;

    @Option(names = "--from", description = "From this UTC time (ISO-8601, or a date for its start), inclusive.")
    private String from;

    @Option(names = "--to", description = "Up to this UTC time (ISO-8601, or a date for its end), exclusive.")
    private String to;

    @Option(names = "--direction", description = "IN (from counterparties) or OUT (to them).")
    private Direction direction;

    @Option(names = "--format", defaultValue = "TEXT", description = "TEXT, JSON (one object per line) or CSV.")
    private FixLogFormat format;

    @Override
    public Integer call()
    {
        final Path logDirectory = directory != null ? directory :
            new ConfigurationLoader().load(config).complianceLogDirectory();
        final FixLogFilter filter = new FixLogFilter(session, msgTypes == null ? null : Set.copyOf(msgTypes),
            clOrdId, time("--from", from, false), time("--to", to, true), direction);

        final PrintWriter out = spec.commandLine().getOut();
        format.printHeader(out);
        final int[] found = new int[1];
        new ComplianceLogReader(logDirectory).forEach(record ->
        {
            if (filter.test(record))
            {
                format.print(record, out);
                found[0]++;
            }
        });
        out.flush();
        if (format == FixLogFormat.TEXT)
        {
            spec.commandLine().getErr().println(found[0] + " message(s) in " + logDirectory);
        }
        return 0;
    }

    private static Instant time(final String option, final String text, final boolean endOfDay)
    {
        if (text == null)
        {
            return null;
        }
        try
        {
            if (text.length() == 10)
            {
                final LocalDate date = LocalDate.parse(text);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        }
        catch (final DateTimeParseException ex)
        {
            throw new UserInputException(option + ": expected a UTC time like 2026-11-24T09:30:00Z or a date " +
                "like 2026-11-24, got '" + text + "'");
        }
    }
}

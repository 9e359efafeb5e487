package dev.bastion.cli.analyze;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bastion.cli.UserInputException;
import dev.bastion.risk.correlation.CorrelationAnalysis;
import dev.bastion.risk.returns.ReturnAnalytics;
import dev.bastion.risk.var.MonteCarloVar;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bastion analyze}: VaR and CVaR by each method, the correlation summary and return analytics of a CSV
 * of prices or returns, with the risk engine's conventions.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "VaR and CVaR (historical, parametric, Monte Carlo), correlation and return analytics of a CSV with a " +
            "date column and one column of prices or returns per symbol.",
        "Without --positions the portfolio splits --value equally between the symbols."})
public final class AnalyzeCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "CSV: date,SYMBOL1,SYMBOL2,... one row per period.")
    private Path file;

    @ArgGroup(exclusive = true)
    private Kind kind;

    static final class Kind
    {
        @Option(names = "--prices", description = "The columns are prices (or an equity curve).")
        boolean prices;

        @Option(names = "--returns", description = "The columns are returns as fractions (0.01 is 1%%).")
        boolean returns;
    }

    @Option(names = {"-p", "--positions"}, paramLabel = "FILE",
        description = "CSV symbol,value or symbol,quantity (a quantity is valued at the last price).")
    private Path positions;

    @Option(names = "--value", defaultValue = "1000000",
        description = "Portfolio value split equally without --positions (default: ${DEFAULT-VALUE}).")
    private double value;

    @Option(names = {"-c", "--confidence"}, split = ",", defaultValue = "95,99",
        description = "Confidence levels in percent (or as fractions), comma-separated (default: ${DEFAULT-VALUE}).")
    private List<Double> confidences;

    @Option(names = "--horizon", defaultValue = "1", description = "Holding period in periods (default: 1).")
    private int horizon;

    @Option(names = "--paths", defaultValue = "" + MonteCarloVar.DEFAULT_PATHS,
        description = "Monte Carlo paths (default: ${DEFAULT-VALUE}).")
    private int paths;

    @Option(names = "--seed", defaultValue = "42", description = "Monte Carlo seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--with-mean", description = "Subtract the sample mean in parametric and Monte Carlo VaR " +
        "(default: zero mean, as RiskMetrics and Hull do for short horizons).")
    private boolean withMean;

    @Option(names = "--threshold", defaultValue = "" + CorrelationAnalysis.DEFAULT_THRESHOLD,
        description = "Report pairs correlated above this (default: ${DEFAULT-VALUE}).")
    private double threshold;

    @Option(names = "--risk-free", defaultValue = "0", description = "Annual risk-free rate, e.g. 0.04 (default: 0).")
    private double riskFree;

    @Option(names = "--periods-per-year", defaultValue = "" + ReturnAnalytics.TRADING_DAYS_PER_YEAR,
        description = "252 for daily rows, 52 weekly, 12 monthly (default: ${DEFAULT-VALUE}).")
    private int periodsPerYear;

    @Option(names = "--json", description = "Print one JSON document instead of tables.")
    private boolean json;

    @Override
    public Integer call() throws IOException
    {
        final Analysis.Settings settings = settings();
        final SeriesKind given = kind == null ? null : kind.prices ? SeriesKind.PRICES : SeriesKind.RETURNS;
        final Series series = Series.read(CsvFile.read(file), given);
        final Positions portfolio = positions == null ? Positions.equalWeights(series, value) :
            Positions.read(CsvFile.read(positions), series);
        final Analysis analysis;
        try
        {
            analysis = Analysis.run(series, portfolio, settings);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UserInputException(file + ": " + ex.getMessage());
        }

        final PrintWriter out = spec.commandLine().getOut();
        if (json)
        {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(AnalysisJson.of(analysis)));
            out.flush();
        }
        else
        {
            AnalysisText.print(analysis, out);
        }
        return 0;
    }

    private Analysis.Settings settings()
    {
        final List<Double> levels = new ArrayList<>();
        for (final double level : confidences)
        {
            final double fraction = level > 1 ? level / 100 : level;
            if (!(fraction > 0.5 && fraction < 1))
            {
                throw new UserInputException("--confidence: " + level + " is not a level between 50 and 100 percent");
            }
            levels.add(fraction);
        }
        if (horizon < 1)
        {
            throw new UserInputException("--horizon must be at least 1, was " + horizon);
        }
        if (paths < 100)
        {
            throw new UserInputException("--paths must be at least 100, was " + paths);
        }
        if (!(value > 0))
        {
            throw new UserInputException("--value must be positive, was " + value);
        }
        if (!(threshold > -1 && threshold < 1))
        {
            throw new UserInputException("--threshold must be between -1 and 1, was " + threshold);
        }
        if (periodsPerYear < 1)
        {
            throw new UserInputException("--periods-per-year must be at least 1, was " + periodsPerYear);
        }
        if (!Double.isFinite(riskFree) || riskFree <= -1)
        {
            throw new UserInputException("--risk-free must be a rate above -1, was " + riskFree);
        }
        return new Analysis.Settings(levels, horizon, paths, seed, withMean, threshold, periodsPerYear, riskFree);
    }
}

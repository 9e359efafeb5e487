package dev.bastion.cli.analyze;

import dev.bastion.risk.correlation.CorrelatedPair;
import dev.bastion.risk.correlation.CorrelationSummary;
import dev.bastion.risk.returns.ReturnStatistics;
import dev.bastion.risk.var.VarEstimate;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** The analysis as tables a person reads. */
final class AnalysisText
{
    private static final int MATRIX_LIMIT = 12;

    private AnalysisText()
    {
    }

    static void print(final Analysis analysis, final PrintWriter out)
    {
        final Series series = analysis.series();
        final Positions positions = analysis.positions();
        out.printf(Locale.ROOT, "input      %s: %d symbols, %d rows %s .. %s, %s (%s), %d returns%n", series.file,
            series.symbols.size(), series.dates.size(), series.dates.get(0), series.dates.get(series.dates.size() - 1),
            series.kind.label(), series.kindReason, series.observations());
        out.printf(Locale.ROOT, "portfolio  %s: net %s, gross %s%n", positions.source, money(positions.net()),
            money(positions.gross()));
        for (int i = 0; i < series.symbols.size(); i++)
        {
            out.printf(Locale.ROOT, "           %-10s %18s%n", series.symbols.get(i), money(positions.exposures[i]));
        }

        out.println();
        out.printf(Locale.ROOT, "Value at risk, %d-day horizon (historical scaled by sqrt of time; Monte Carlo %,d " +
            "paths, seed %d; %s)%n", analysis.horizonDays(), analysis.paths(), analysis.seed(),
            analysis.withMean() ? "with the sample mean" : "zero mean");
        out.printf(Locale.ROOT, "%-12s %10s %18s %18s%n", "method", "confidence", "VaR", "CVaR (ES)");
        for (final VarEstimate estimate : analysis.valueAtRisk())
        {
            out.printf(Locale.ROOT, "%-12s %9s%% %18s %18s%n", estimate.method().name().toLowerCase().replace('_', ' '),
                trim(estimate.confidence() * 100), money(estimate.valueAtRisk()), money(estimate.expectedShortfall()));
        }

        out.println();
        final CorrelationSummary correlation = analysis.correlation();
        if (correlation == null)
        {
            out.println("Correlation: one symbol, nothing to correlate");
        }
        else
        {
            out.printf(Locale.ROOT, "Correlation (Pearson, %d returns)%n", series.observations());
            if (correlation.symbols().size() <= MATRIX_LIMIT)
            {
                out.printf(Locale.ROOT, "%-10s", "");
                for (final String symbol : correlation.symbols())
                {
                    out.printf(Locale.ROOT, " %8s", abbreviate(symbol));
                }
                out.println();
                for (int i = 0; i < correlation.symbols().size(); i++)
                {
                    out.printf(Locale.ROOT, "%-10s", abbreviate(correlation.symbols().get(i)));
                    for (int j = 0; j < correlation.symbols().size(); j++)
                    {
                        out.printf(Locale.ROOT, " %8.3f", correlation.matrix()[i][j]);
                    }
                    out.println();
                }
            }
            out.print("average    ");
            for (final Map.Entry<String, Double> average : correlation.averageCorrelation().entrySet())
            {
                out.printf(Locale.ROOT, " %s %.3f", average.getKey(), average.getValue());
            }
            out.println();
            out.printf(Locale.ROOT, "above %.2f ", correlation.threshold());
            if (correlation.highlyCorrelated().isEmpty())
            {
                out.print(" none");
            }
            for (final CorrelatedPair pair : correlation.highlyCorrelated())
            {
                out.printf(Locale.ROOT, " %s/%s %.3f", pair.first(), pair.second(), pair.correlation());
            }
            out.println();
            if (analysis.diversificationRatio() != null)
            {
                out.printf(Locale.ROOT, "diversification ratio %.3f%n", analysis.diversificationRatio());
            }
        }

        out.println();
        out.printf(Locale.ROOT, "Return analytics (%d periods a year, risk-free %s%% a year; Sharpe and Sortino " +
            "annualised as empyrical does)%n", analysis.periodsPerYear(), trim(analysis.riskFreeRate() * 100));
        out.printf(Locale.ROOT, "%-10s %9s %9s %9s %7s %7s %9s %7s %8s %8s %7s%n", "", "total", "annual", "vol",
            "sharpe", "sortino", "max dd", "win", "avg win", "avg loss", "profit");
        analysis.returnsBySymbol().forEach((symbol, statistics) -> row(out, abbreviate(symbol), statistics));
        row(out, "portfolio", analysis.portfolioReturns());
        out.flush();
    }

    private static void row(final PrintWriter out, final String name, final ReturnStatistics s)
    {
        out.printf(Locale.ROOT, "%-10s %9s %9s %9s %7s %7s %9s %7s %8s %8s %7s%n", name, percent(s.totalReturn()),
            percent(s.annualReturn()), percent(s.annualVolatility()), ratio(s.sharpe()), ratio(s.sortino()),
            percent(s.maxDrawdown()), percent(s.winRate()), percent(s.averageWin()), percent(s.averageLoss()),
            ratio(s.profitFactor()));
    }

    private static String money(final double value)
    {
        return String.format(Locale.ROOT, "%,.2f", value);
    }

    private static String percent(final double value)
    {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f%%", value * 100) : "-";
    }

    private static String ratio(final double value)
    {
        return Double.isNaN(value) ? "-" : Double.isInfinite(value) ? "inf" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String trim(final double value)
    {
        final String text = String.format(Locale.ROOT, "%.4f", value);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String abbreviate(final String symbol)
    {
        return symbol.length() <= 10 ? symbol : symbol.substring(0, 9) + "~";
    }
}

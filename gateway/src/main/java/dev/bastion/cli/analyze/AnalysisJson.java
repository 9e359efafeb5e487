package dev.bastion.cli.analyze;

import dev.bastion.risk.correlation.CorrelatedPair;
import dev.bastion.risk.correlation.CorrelationSummary;
import dev.bastion.risk.returns.ReturnStatistics;
import dev.bastion.risk.var.VarEstimate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The analysis as a JSON tree: numbers as numbers, undefined ones (NaN, infinite) as null. */
final class AnalysisJson
{
    private AnalysisJson()
    {
    }

    static Map<String, Object> of(final Analysis analysis)
    {
        final Series series = analysis.series();
        final Map<String, Object> root = new LinkedHashMap<>();

        final Map<String, Object> input = new LinkedHashMap<>();
        input.put("file", series.file);
        input.put("kind", series.kind.label());
        input.put("kindReason", series.kindReason);
        input.put("symbols", series.symbols);
        input.put("rows", series.dates.size());
        input.put("from", series.dates.get(0));
        input.put("to", series.dates.get(series.dates.size() - 1));
        input.put("returns", series.observations());
        root.put("input", input);

        final Map<String, Object> portfolio = new LinkedHashMap<>();
        portfolio.put("source", analysis.positions().source);
        final Map<String, Object> exposures = new LinkedHashMap<>();
        for (int i = 0; i < series.symbols.size(); i++)
        {
            exposures.put(series.symbols.get(i), number(analysis.positions().exposures[i]));
        }
        portfolio.put("exposures", exposures);
        portfolio.put("netValue", number(analysis.positions().net()));
        portfolio.put("grossValue", number(analysis.positions().gross()));
        root.put("portfolio", portfolio);

        final Map<String, Object> var = new LinkedHashMap<>();
        var.put("horizonDays", analysis.horizonDays());
        var.put("monteCarloPaths", analysis.paths());
        var.put("monteCarloSeed", analysis.seed());
        var.put("withMean", analysis.withMean());
        final List<Object> estimates = new ArrayList<>();
        for (final VarEstimate estimate : analysis.valueAtRisk())
        {
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("method", estimate.method().name().toLowerCase());
            row.put("confidence", estimate.confidence());
            row.put("valueAtRisk", number(estimate.valueAtRisk()));
            row.put("expectedShortfall", number(estimate.expectedShortfall()));
            estimates.add(row);
        }
        var.put("estimates", estimates);
        root.put("valueAtRisk", var);

        final CorrelationSummary summary = analysis.correlation();
        if (summary != null)
        {
            final Map<String, Object> correlation = new LinkedHashMap<>();
            final Map<String, Object> matrix = new LinkedHashMap<>();
            for (int i = 0; i < summary.symbols().size(); i++)
            {
                final Map<String, Object> row = new LinkedHashMap<>();
                for (int j = 0; j < summary.symbols().size(); j++)
                {
                    row.put(summary.symbols().get(j), number(summary.matrix()[i][j]));
                }
                matrix.put(summary.symbols().get(i), row);
            }
            correlation.put("matrix", matrix);
            final Map<String, Object> averages = new LinkedHashMap<>();
            summary.averageCorrelation().forEach((symbol, average) -> averages.put(symbol, number(average)));
            correlation.put("averageCorrelation", averages);
            correlation.put("threshold", summary.threshold());
            final List<Object> pairs = new ArrayList<>();
            for (final CorrelatedPair pair : summary.highlyCorrelated())
            {
                pairs.add(Map.of("first", pair.first(), "second", pair.second(),
                    "correlation", pair.correlation()));
            }
            correlation.put("pairsAboveThreshold", pairs);
            correlation.put("diversificationRatio", analysis.diversificationRatio() == null ? null :
                number(analysis.diversificationRatio()));
            root.put("correlation", correlation);
        }

        final Map<String, Object> returns = new LinkedHashMap<>();
        returns.put("periodsPerYear", analysis.periodsPerYear());
        returns.put("riskFreeRate", analysis.riskFreeRate());
        final Map<String, Object> bySymbol = new LinkedHashMap<>();
        analysis.returnsBySymbol().forEach((symbol, statistics) -> bySymbol.put(symbol, statistics(statistics)));
        returns.put("bySymbol", bySymbol);
        returns.put("portfolio", statistics(analysis.portfolioReturns()));
        root.put("returnAnalytics", returns);
        return root;
    }

    private static Map<String, Object> statistics(final ReturnStatistics statistics)
    {
        final Map<String, Object> map = new LinkedHashMap<>();
        map.put("observations", statistics.observations());
        map.put("totalReturn", number(statistics.totalReturn()));
        map.put("annualReturn", number(statistics.annualReturn()));
        map.put("annualVolatility", number(statistics.annualVolatility()));
        map.put("sharpe", number(statistics.sharpe()));
        map.put("sortino", number(statistics.sortino()));
        map.put("maxDrawdown", number(statistics.maxDrawdown()));
        map.put("winRate", number(statistics.winRate()));
        map.put("averageWin", number(statistics.averageWin()));
        map.put("averageLoss", number(statistics.averageLoss()));
        map.put("profitFactor", number(statistics.profitFactor()));
        return map;
    }

    private static Double number(final double value)
    {
        return Double.isFinite(value) ? value : null;
    }
}

package dev.bastion.cli.analyze;

import dev.bastion.cli.UserInputException;
import dev.bastion.risk.correlation.CorrelationAnalysis;
import dev.bastion.risk.correlation.CorrelationSummary;
import dev.bastion.risk.returns.ReturnAnalytics;
import dev.bastion.risk.returns.ReturnStatistics;
import dev.bastion.risk.var.HistoricalVar;
import dev.bastion.risk.var.MonteCarloVar;
import dev.bastion.risk.var.ParametricVar;
import dev.bastion.risk.var.VarEstimate;
import org.apache.commons.math3.stat.correlation.Covariance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code bastion analyze} reports, computed with the risk engine: VaR and CVaR of the portfolio by
 * each method, the correlation summary, and return analytics per symbol and for the portfolio.
 * <p>
 * The portfolio holds its exposures constant (rebalanced each period): its P&amp;L on day t is Σ wᵢ rᵢ(t) and
 * its return that P&amp;L over the gross exposure Σ|wᵢ|.
 */
record Analysis(
    Series series,
    Positions positions,
    int horizonDays,
    List<VarEstimate> valueAtRisk,
    int paths,
    long seed,
    boolean withMean,
    CorrelationSummary correlation,
    Double diversificationRatio,
    int periodsPerYear,
    double riskFreeRate,
    Map<String, ReturnStatistics> returnsBySymbol,
    ReturnStatistics portfolioReturns)
{
    record Settings(
        List<Double> confidences,
        int horizonDays,
        int paths,
        long seed,
        boolean withMean,
        double correlationThreshold,
        int periodsPerYear,
        double riskFreeRate)
    {
    }

    static Analysis run(final Series series, final Positions positions, final Settings settings)
    {
        final double[][] returns = series.returns;
        final int n = series.symbols.size();
        final double[] w = positions.exposures;
        final double gross = positions.gross();
        if (!(gross > 0))
        {
            throw new UserInputException("the portfolio has no exposure: every position is zero");
        }
        final double[] pnl = new double[returns.length];
        final double[] portfolioReturns = new double[returns.length];
        for (int t = 0; t < returns.length; t++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                sum += w[i] * returns[t][i];
            }
            pnl[t] = sum;
            portfolioReturns[t] = sum / gross;
        }

        final double[][] covariance = returns.length > 1 && n > 1 ?
            new Covariance(returns, true).getCovarianceMatrix().getData() : singleCovariance(series);
        final double[] volatilities = new double[n];
        for (int i = 0; i < n; i++)
        {
            volatilities[i] = Math.sqrt(covariance[i][i]);
            if (!(volatilities[i] > 0))
            {
                throw new UserInputException(series.file + ": " + series.symbols.get(i) + " never moves (its " +
                    "returns are constant), so it has no volatility or correlation: leave it out");
            }
        }
        final double[][] correlationMatrix = new double[n][n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                correlationMatrix[i][j] = i == j ? 1.0 : covariance[i][j] / (volatilities[i] * volatilities[j]);
            }
        }
        double[] means = null;
        double meanPnl = 0;
        if (settings.withMean())
        {
            means = new double[n];
            for (int i = 0; i < n; i++)
            {
                means[i] = mean(series.column(i));
                meanPnl += w[i] * means[i];
            }
        }

        final double sigmaPnl = ParametricVar.portfolioStdDev(w, covariance);
        final MonteCarloVar monteCarlo = new MonteCarloVar(w, volatilities, correlationMatrix, means);
        monteCarlo.simulate(settings.paths(), settings.seed(), settings.horizonDays());
        final List<VarEstimate> estimates = new ArrayList<>();
        for (final double confidence : settings.confidences())
        {
            estimates.add(HistoricalVar.ofPnl(pnl, confidence, settings.horizonDays()));
            estimates.add(ParametricVar.ofPnl(meanPnl, sigmaPnl, confidence, settings.horizonDays()));
            estimates.add(monteCarlo.read(settings.paths(), confidence, settings.horizonDays()));
        }

        CorrelationSummary correlation = null;
        Double diversification = null;
        if (n > 1)
        {
            correlation = CorrelationAnalysis.analyze(series.symbols, returns, settings.correlationThreshold());
            if (sigmaPnl > 0)
            {
                diversification = CorrelationAnalysis.diversificationRatio(w, volatilities, correlationMatrix);
            }
        }

        final ReturnAnalytics analytics = new ReturnAnalytics(settings.periodsPerYear(), settings.riskFreeRate());
        final Map<String, ReturnStatistics> bySymbol = new LinkedHashMap<>();
        for (int i = 0; i < n; i++)
        {
            bySymbol.put(series.symbols.get(i), analytics.analyze(series.column(i)));
        }
        return new Analysis(series, positions, settings.horizonDays(), List.copyOf(estimates), settings.paths(),
            settings.seed(), settings.withMean(), correlation, diversification, settings.periodsPerYear(),
            settings.riskFreeRate(), bySymbol, analytics.analyze(portfolioReturns));
    }

    private static double[][] singleCovariance(final Series series)
    {
        final int n = series.symbols.size();
        final double[][] covariance = new double[n][n];
        for (int i = 0; i < n; i++)
        {
            final double[] column = series.column(i);
            final double mean = mean(column);
            double sum = 0;
            for (final double value : column)
            {
                sum += (value - mean) * (value - mean);
            }
            covariance[i][i] = sum / (column.length - 1);
        }
        return covariance;
    }

    private static double mean(final double[] values)
    {
        double sum = 0;
        for (final double value : values)
        {
            sum += value;
        }
        return sum / values.length;
    }
}

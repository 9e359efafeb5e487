package dev.bastion.bench.risk;

import dev.bastion.risk.var.HistoricalVar;
import dev.bastion.risk.var.MonteCarloVar;
import dev.bastion.risk.var.ParametricVar;
import dev.bastion.risk.var.VarEstimate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * VaR and expected shortfall: historical and parametric on ten years of daily returns (2,520), and Monte
 * Carlo with 10,000 paths over 100 correlated assets (the correlation a one-factor market model gives, so it
 * is positive definite and realistic: every pair about 0.3 to 0.5).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VarBenchmark
{
    private static final int DAYS = 2_520;
    private static final int ASSETS = 100;

    private final double[] returns = new double[DAYS];
    private MonteCarloVar monteCarlo;
    private long seed;

    @Setup
    public void data()
    {
        final Random random = new Random(11);
        for (int i = 0; i < DAYS; i++)
        {
            returns[i] = 0.0004 + 0.012 * random.nextGaussian();
        }
        final double[] exposures = new double[ASSETS];
        final double[] volatilities = new double[ASSETS];
        final double[] betas = new double[ASSETS];
        for (int i = 0; i < ASSETS; i++)
        {
            exposures[i] = 50_000 + 10_000 * random.nextDouble();
            volatilities[i] = 0.01 + 0.02 * random.nextDouble();
            betas[i] = 0.55 + 0.15 * random.nextDouble();
        }
        final double[][] correlation = new double[ASSETS][ASSETS];
        for (int i = 0; i < ASSETS; i++)
        {
            for (int j = 0; j < ASSETS; j++)
            {
                correlation[i][j] = i == j ? 1.0 : betas[i] * betas[j];
            }
        }
        monteCarlo = new MonteCarloVar(exposures, volatilities, correlation, null);
    }

    @Benchmark
    public VarEstimate historical2520Days()
    {
        return HistoricalVar.ofReturns(returns, 1_000_000, 0.99, 1);
    }

    @Benchmark
    public VarEstimate parametric2520Days()
    {
        return ParametricVar.ofReturns(returns, 1_000_000, 0.99, 1, false);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public VarEstimate monteCarlo10kPaths100Assets()
    {
        return monteCarlo.estimate(MonteCarloVar.DEFAULT_PATHS, seed++, 0.99, 1);
    }
}

package dev.bastion.bench.risk;

import dev.bastion.risk.returns.ReturnAnalytics;
import dev.bastion.risk.returns.ReturnStatistics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/** Return analytics of ten years of daily returns (2,520). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReturnAnalyticsBenchmark
{
    private final double[] returns = new double[2_520];
    private final ReturnAnalytics analytics = new ReturnAnalytics(252, 0.03);

    @Setup
    public void data()
    {
        final Random random = new Random(5);
        for (int i = 0; i < returns.length; i++)
        {
            returns[i] = 0.0004 + 0.012 * random.nextGaussian();
        }
    }

    @Benchmark
    public ReturnStatistics analyze2520Days()
    {
        return analytics.analyze(returns);
    }
}

package dev.bastion.bench.risk;

import dev.bastion.risk.FixedPointMath;
import dev.bastion.risk.sizing.KellyConfiguration;
import dev.bastion.risk.sizing.KellySizer;
import dev.bastion.risk.sizing.SizingResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** Kelly sizing of one order, as the OMS's sizing stage calls it. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KellySizingBenchmark
{
    private final KellySizer sizer = new KellySizer(new KellyConfiguration().lotSize(10).conclude());
    private final SizingResult result = new SizingResult();
    private final long capital = FixedPointMath.toNotional(250_000);
    private double winProbability = 0.55;
    private long price = FixedPointMath.toPrice(101.25);

    @Benchmark
    public long size()
    {
        winProbability = winProbability > 0.7 ? 0.55 : winProbability + 0.001;
        price += 1_000;
        return sizer.size(winProbability, 2.0, 0.8, capital, price, result);
    }
}

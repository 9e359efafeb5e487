package dev.bastion.bench.pipeline;

import dev.bastion.oms.api.ClientOrderHandler;
import dev.bastion.oms.pipeline.OrderPipeline;
import dev.bastion.oms.pipeline.WaitStrategyChoice;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One order at a modest rate: the business thread has been idle for a millisecond, then the gateway
 * publishes a NewOrderSingle; the time is until the stub venue has it (risk, sizing every fourth
 * order, routing on the way). The wait strategy's wake-up is in this figure, which is where the
 * strategies differ; median and tail in the p0.50 and p0.99 lines.
 *
 * <pre>{@code
 * java -jar bench/target/benchmarks.jar PipelineLatencyBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class PipelineLatencyBenchmark
{
    @Param({"BLOCKING", "SLEEPING", "YIELDING"})
    public String waitStrategy;

    private final BenchPipelines.Orders orders = new BenchPipelines.Orders();
    private StubVenue venue;
    private OrderPipeline pipeline;
    private ClientOrderHandler handler;
    private long published;

    @Setup(Level.Iteration)
    public void start()
    {
        venue = new StubVenue();
        pipeline = BenchPipelines.start(WaitStrategyChoice.valueOf(waitStrategy), venue, new BenchPipelines.Replies());
        handler = pipeline.clientHandler();
        published = 0;
    }

    @Setup(Level.Invocation)
    public void idle()
    {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }

    @Benchmark
    public long oneOrderAfterIdle()
    {
        while (!handler.onNewOrder(orders.next(4)))
        {
            Thread.yield();
        }
        published++;
        while (venue.sent.get() < published)
        {
            Thread.onSpinWait();
        }
        return published;
    }

    @TearDown(Level.Iteration)
    public void stop()
    {
        pipeline.close();
    }
}

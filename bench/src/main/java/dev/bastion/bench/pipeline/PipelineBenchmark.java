package dev.bastion.bench.pipeline;

import dev.bastion.oms.api.ClientOrderHandler;
import dev.bastion.oms.pipeline.OrderPipeline;
import dev.bastion.oms.pipeline.WaitStrategyChoice;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * New orders per second through the production pipeline: the benchmark thread plays the gateway,
 * publishing NewOrderSingles onto the ring (offered again when back-pressured); the business thread
 * runs pre-trade risk, Kelly sizing (every fourth order), routing and the venue send to a stub, and
 * answers each order with an ExecutionReport(PendingNew). One invocation is a batch of 1,000 orders,
 * complete when the venue stub has all of them. A fresh pipeline each iteration keeps the order book
 * (which keeps a day's orders) from growing across the run.
 *
 * <p>{@link PipelineLatencyBenchmark} measures the other side: one order after the business thread
 * went idle, where the wait strategies differ.
 *
 * <pre>{@code
 * java -jar bench/target/benchmarks.jar PipelineBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@OutputTimeUnit(TimeUnit.SECONDS)
public class PipelineBenchmark
{
    static final int BATCH = 1_000;

    @Param({"BLOCKING", "SLEEPING", "YIELDING"})
    public String waitStrategy;

    private final BenchPipelines.Orders orders = new BenchPipelines.Orders();
    private StubVenue venue;
    private BenchPipelines.Replies replies;
    private OrderPipeline pipeline;
    private ClientOrderHandler handler;
    private long published;

    @Setup(Level.Iteration)
    public void start()
    {
        venue = new StubVenue();
        replies = new BenchPipelines.Replies();
        pipeline = BenchPipelines.start(WaitStrategyChoice.valueOf(waitStrategy), venue, replies);
        handler = pipeline.clientHandler();
        published = 0;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long newOrders()
    {
        for (int i = 0; i < BATCH; i++)
        {
            while (!handler.onNewOrder(orders.next(4)))
            {
                Thread.yield();
            }
        }
        published += BATCH;
        while (venue.sent.get() < published)
        {
            Thread.yield();
        }
        return published;
    }

    @TearDown(Level.Iteration)
    public void stop()
    {
        pipeline.close();
        if (replies.rejects.get() != 0)
        {
            throw new IllegalStateException(replies.rejects.get() + " orders were rejected: the figure is not the " +
                "accept path's");
        }
    }
}

package dev.bastion.bench.pipeline;

import dev.bastion.oms.pipeline.OrderPipeline;
import dev.bastion.oms.pipeline.WaitStrategyChoice;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;

/**
 * CPU the business thread burns while the OMS is idle, per wait strategy: a started pipeline (timer
 * ticking every second, as in production) left alone for a while, the thread's CPU time over the
 * wall time. Not a JMH benchmark: idle cost is time, not throughput.
 *
 * <pre>{@code
 * java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp bench/target/benchmarks.jar \
 *     dev.bastion.bench.pipeline.IdleCpu [seconds]
 * }</pre>
 */
public final class IdleCpu
{
    private IdleCpu()
    {
    }

    public static void main(final String[] args) throws InterruptedException
    {
        final long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf("%-10s %22s%n", "strategy", "idle CPU, % of a core");
        for (final WaitStrategyChoice strategy : WaitStrategyChoice.values())
        {
            try (OrderPipeline pipeline = BenchPipelines.start(strategy, new StubVenue(), new BenchPipelines.Replies()))
            {
                TimeUnit.SECONDS.sleep(1);
                final long threadId = businessThread(threads);
                final long cpuBefore = threads.getThreadCpuTime(threadId);
                final long wallBefore = System.nanoTime();
                TimeUnit.SECONDS.sleep(seconds);
                final long cpu = threads.getThreadCpuTime(threadId) - cpuBefore;
                final long wall = System.nanoTime() - wallBefore;
                System.out.printf("%-10s %22.2f%n", strategy, 100.0 * cpu / wall);
            }
        }
    }

    private static long businessThread(final ThreadMXBean threads)
    {
        for (final ThreadInfo info : threads.dumpAllThreads(false, false))
        {
            if ("bastion-oms".equals(info.getThreadName()))
            {
                return info.getThreadId();
            }
        }
        throw new IllegalStateException("no bastion-oms thread");
    }
}

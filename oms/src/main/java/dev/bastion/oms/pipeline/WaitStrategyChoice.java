package dev.bastion.oms.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * How the business thread waits for the next event. On a 2-core machine shared with Artio's
 * framer, the media driver and QuickFIX/J, a spinning or yielding thread takes a core from them.
 */
public enum WaitStrategyChoice
{
    /** Parks on a condition: no CPU when idle, a wake-up of tens of microseconds. */
    BLOCKING,
    /** Spins briefly, yields, then sleeps 100 µs at a time: little CPU, bounded wake-up. */
    SLEEPING,
    /** Spins then yields forever: lowest latency, a whole core when idle. */
    YIELDING;

    public WaitStrategy create()
    {
        switch (this)
        {
            case SLEEPING:
                return new SleepingWaitStrategy(100, 100_000);
            case YIELDING:
                return new YieldingWaitStrategy();
            default:
                return new BlockingWaitStrategy();
        }
    }
}

package dev.bastion.oms.pipeline;

import org.agrona.concurrent.EpochNanoClock;

/**
 * The business thread's notion of now: the time stamped on the ring event being handled. Everything
 * time-based in the business logic (risk rate windows, the duplicate-order window, the trading-day
 * roll) reads it, so the logic is a function of the ring's input and a replay of the same events
 * gives the same answers. Never goes back. Business thread only.
 */
final class BusinessClock implements EpochNanoClock
{
    private long nowNanos;

    BusinessClock(final long startNanos)
    {
        nowNanos = startNanos;
    }

    void advanceTo(final long epochNanos)
    {
        if (epochNanos > nowNanos)
        {
            nowNanos = epochNanos;
        }
    }

    @Override
    public long nanoTime()
    {
        return nowNanos;
    }
}

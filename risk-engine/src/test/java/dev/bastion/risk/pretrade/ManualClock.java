package dev.bastion.risk.pretrade;

import org.agrona.concurrent.EpochNanoClock;

import java.time.Duration;

/** A clock tests move by hand. */
final class ManualClock implements EpochNanoClock
{
    private long nanos = 1_700_000_000_000_000_000L;

    @Override
    public long nanoTime()
    {
        return nanos;
    }

    void advance(final Duration duration)
    {
        nanos += duration.toNanos();
    }

    void advanceNanos(final long delta)
    {
        nanos += delta;
    }
}

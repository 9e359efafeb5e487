package dev.bastion.oms.venue.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A simulated clock tests move by hand. */
final class MutableClock implements InstantSource
{
    private volatile Instant now;

    MutableClock(final Instant start)
    {
        this.now = start;
    }

    @Override
    public Instant instant()
    {
        return now;
    }

    void advance(final Duration duration)
    {
        now = now.plus(duration);
    }

    void set(final Instant instant)
    {
        now = instant;
    }
}

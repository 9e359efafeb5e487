package dev.bastion.bench.load;

import java.time.Duration;

/**
 * One measurement against one target: a warm-up whose answers are not recorded, then the measured
 * part.
 *
 * @param rate     orders per second sent open loop (each order at its own scheduled time, whatever
 *                 the answers do), or {@link #MAX} for as fast as the target answers, with at most
 *                 {@code window} orders outstanding.
 * @param warmup   how long orders are sent before recording starts.
 * @param duration how long the measured part lasts.
 * @param window   orders outstanding at most in max mode (unused open loop).
 */
public record PhaseSpec(int rate, Duration warmup, Duration duration, int window)
{
    public static final int MAX = 0;

    public PhaseSpec
    {
        if (rate < 0)
        {
            throw new IllegalArgumentException("rate must be positive (or MAX): " + rate);
        }
        if (warmup.isNegative() || duration.isNegative() || duration.isZero())
        {
            throw new IllegalArgumentException("warm-up must not be negative and duration must be positive");
        }
        if (window < 1)
        {
            throw new IllegalArgumentException("window must be at least 1: " + window);
        }
    }

    public boolean maxThroughput()
    {
        return rate == MAX;
    }

    /** "1000/s" or "max". */
    public String label()
    {
        return maxThroughput() ? "max" : rate + "/s";
    }

    long warmupOrders()
    {
        return (long)rate * warmup.toNanos() / 1_000_000_000L;
    }

    long measuredOrders()
    {
        return Math.max(1, (long)rate * duration.toNanos() / 1_000_000_000L);
    }
}

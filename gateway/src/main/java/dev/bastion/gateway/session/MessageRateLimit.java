package dev.bastion.gateway.session;

import dev.bastion.gateway.config.ThrottleConfiguration;

/**
 * A sliding-window rate limit: at most {@code messages} in any {@code windowMs}. It keeps the
 * times of the last {@code messages} accepted messages in a ring, so the window is exact rather
 * than reset on a clock tick (a fixed window lets twice the limit through across its edge).
 *
 * <p>Artio has a throttle of its own in the framer, but its reject carries BusinessRejectReason
 * 99, which FIX 4.2 and 4.4 do not define and strict peers (QuickFIX/J) reject in turn.
 */
final class MessageRateLimit
{
    private final long[] acceptedAtNs;
    private final long windowNs;
    private final int limit;
    private final int windowMs;
    private int count;
    private int oldest;

    MessageRateLimit(final ThrottleConfiguration configuration)
    {
        this.limit = configuration.messages();
        this.windowMs = configuration.windowMs();
        this.windowNs = configuration.windowMs() * 1_000_000L;
        this.acceptedAtNs = new long[limit];
    }

    /** @return true, and counts the message, when it is within the limit at {@code nowNs}. */
    boolean tryAcquire(final long nowNs)
    {
        if (count < limit)
        {
            acceptedAtNs[(oldest + count) % limit] = nowNs;
            count++;
            return true;
        }
        if (nowNs - acceptedAtNs[oldest] >= windowNs)
        {
            acceptedAtNs[oldest] = nowNs;
            oldest = (oldest + 1) % limit;
            return true;
        }
        return false;
    }

    String describe()
    {
        return "Throttle limit exceeded: at most " + limit + " messages in " + windowMs + " ms";
    }
}

package dev.bastion.risk.pretrade;

/**
 * The events of the last {@code window} nanoseconds, at most {@code capacity} of them, in a ring: an exact
 * sliding-window rate limit with O(1) amortised work per event (expired events leave from the tail as time
 * moves on). Each event carries a long tag, the order's fingerprint for the duplicate-order check.
 */
final class SlidingWindow
{
    private final long[] times;
    private final long[] tags;
    private final long windowNanos;
    private final int capacity;
    /** Where the next event goes. */
    private int next;
    private int size;

    SlidingWindow(final int capacity, final long windowNanos)
    {
        this.times = new long[capacity];
        this.tags = new long[capacity];
        this.capacity = capacity;
        this.windowNanos = windowNanos;
    }

    /** Forgets the events at or before {@code now - window}, then counts the rest. */
    int count(final long now)
    {
        final long oldestKept = now - windowNanos;
        int oldest = next - size;
        if (oldest < 0)
        {
            oldest += capacity;
        }
        while (size > 0 && times[oldest] <= oldestKept)
        {
            size--;
            if (++oldest == capacity)
            {
                oldest = 0;
            }
        }
        return size;
    }

    /** Records an event; call only when {@link #count} is below the capacity. */
    void add(final long now, final long tag)
    {
        times[next] = now;
        tags[next] = tag;
        if (++next == capacity)
        {
            next = 0;
        }
        size++;
    }

    /** Whether an event with this tag happened after {@code now - withinNanos}, looking newest first. */
    boolean containsSince(final long now, final long withinNanos, final long tag)
    {
        final long oldestKept = now - withinNanos;
        int index = next;
        for (int i = 0; i < size; i++)
        {
            if (--index < 0)
            {
                index = capacity - 1;
            }
            if (times[index] <= oldestKept)
            {
                return false;
            }
            if (tags[index] == tag)
            {
                return true;
            }
        }
        return false;
    }

    int capacity()
    {
        return capacity;
    }

    void clear()
    {
        size = 0;
        next = 0;
    }
}

package dev.bastion.risk.pretrade;

/**
 * The events of the last {@code window} nanoseconds, at most {@code capacity} of them, in a ring: an exact
 * sliding-window rate limit with O(1) amortised work per event (expired events leave from the tail as time
 * moves on). Each event carries a long tag, the order's fingerprint for the duplicate-order check, which looks
 * among the events of a shorter {@code recent} window, kept the same way so its scan reads only tags.
 */
final class SlidingWindow
{
    private final long[] times;
    private final long[] tags;
    private final long windowNanos;
    private final long recentNanos;
    private final int capacity;
    /** Where the next event goes. */
    private int next;
    private int size;
    /** The newest events, within the recent window: never more than {@code size}. */
    private int recent;

    SlidingWindow(final int capacity, final long windowNanos, final long recentNanos)
    {
        this.times = new long[capacity];
        this.tags = new long[capacity];
        this.capacity = capacity;
        this.windowNanos = windowNanos;
        this.recentNanos = Math.min(recentNanos, windowNanos);
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
        if (recent > size)
        {
            recent = size;
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
        recent++;
    }

    /**
     * Whether an event with this tag happened in the recent window, after {@code now - recent}; call after
     * {@link #count} at the same {@code now}.
     */
    boolean containsRecent(final long now, final long tag)
    {
        final long oldestKept = now - recentNanos;
        int oldest = next - recent;
        if (oldest < 0)
        {
            oldest += capacity;
        }
        while (recent > 0 && times[oldest] <= oldestKept)
        {
            recent--;
            if (++oldest == capacity)
            {
                oldest = 0;
            }
        }
        final long[] tags = this.tags;
        int index = oldest;
        for (int i = 0, n = recent; i < n; i++)
        {
            if (tags[index] == tag)
            {
                return true;
            }
            if (++index == capacity)
            {
                index = 0;
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
        recent = 0;
        next = 0;
    }
}

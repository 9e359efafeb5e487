package dev.bastion.oms.recon;

/**
 * Findings as the fill path records them: a preallocated ring of primitive slots, written and
 * drained on the business thread only, so recording one costs a few stores and no allocation or
 * logging. The report drains it at each timer tick. When the ring is full the oldest undrained
 * finding is overwritten and counted as lost (the per-kind counts stay exact: they are kept apart).
 */
public final class FindingRing
{
    private final int mask;
    private final FindingKind[] kinds;
    private final long[] times;
    private final long[] orderIds;
    private final String[] venues;
    private final String[] references;
    private final long[] expected;
    private final long[] actual;
    private final String[] details;
    private final long[] counts = new long[FindingKind.values().length];
    private long head;
    private long tail;
    private long lost;

    /** @param capacity slots, a power of two. */
    public FindingRing(final int capacity)
    {
        if (capacity < 1 || Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("capacity must be a power of two, was " + capacity);
        }
        mask = capacity - 1;
        kinds = new FindingKind[capacity];
        times = new long[capacity];
        orderIds = new long[capacity];
        venues = new String[capacity];
        references = new String[capacity];
        expected = new long[capacity];
        actual = new long[capacity];
        details = new String[capacity];
    }

    /** Records a finding; the strings must already exist (an order's or a report's fields, constants). */
    public void record(
        final FindingKind kind, final long epochNanos, final long orderId, final String venue, final String reference,
        final long expectedValue, final long actualValue, final String detail)
    {
        counts[kind.ordinal()]++;
        if (tail - head > mask)
        {
            head++;
            lost++;
        }
        final int slot = (int)(tail & mask);
        kinds[slot] = kind;
        times[slot] = epochNanos;
        orderIds[slot] = orderId;
        venues[slot] = venue;
        references[slot] = reference;
        expected[slot] = expectedValue;
        actual[slot] = actualValue;
        details[slot] = detail;
        tail++;
    }

    /** How many findings of this kind were ever recorded. */
    public long count(final FindingKind kind)
    {
        return counts[kind.ordinal()];
    }

    /** Findings overwritten before a drain (their counts are kept). */
    public long lost()
    {
        return lost;
    }

    public boolean isEmpty()
    {
        return head == tail;
    }

    /** Takes the oldest undrained finding as a record (off the fill path: the report's drain), or null. */
    public Finding poll()
    {
        if (head == tail)
        {
            return null;
        }
        final int slot = (int)(head & mask);
        final Finding finding = new Finding(kinds[slot], times[slot], orderIds[slot], venues[slot], references[slot],
            expected[slot], actual[slot], details[slot]);
        venues[slot] = null;
        references[slot] = null;
        details[slot] = null;
        head++;
        return finding;
    }
}

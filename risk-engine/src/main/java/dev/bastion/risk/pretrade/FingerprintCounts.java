package dev.bastion.risk.pretrade;

import java.util.Arrays;

/**
 * How many times each 64-bit fingerprint occurs among the orders of the duplicate window: an open-addressing
 * table with linear probing, sized once for the most fingerprints it may hold, so a lookup is O(1) whatever
 * the order rate and the order path never allocates or grows it.
 * <p>
 * Keys and counts sit side by side in one array (a probe reads one cache line); a count of zero marks a free
 * slot, so every long, zero included, is a valid key. A removal shifts the following entries of its run back
 * instead of leaving a tombstone, so lookups stay short however long the table lives. Fingerprints are already
 * avalanche-mixed, so their low bits choose the slot; two different fingerprints in one slot are told apart by
 * the whole 64 bits.
 * <p>
 * The table has at least twice as many slots as {@code maxEntries} (a load of at most one half): the owning
 * window never records more events than its capacity, so the table can neither fill nor need to grow. Sized
 * for the order-rate limit rather than the usual load, it is sparse: with the load generator's limit of
 * 200,000 (8 MB) and 5,000 orders in the window, the PreTradeCheckBenchmark median was 206 ns against 179 ns
 * with a table for 10,050, a price worth paying for never resizing on the order path.
 */
final class FingerprintCounts
{
    private final long[] slots;
    /** The slot index mask, in units of slots (not array elements). */
    private final int mask;
    private final int maxEntries;
    private int size;

    FingerprintCounts(final int maxEntries)
    {
        if (maxEntries <= 0 || maxEntries > 1 << 28)
        {
            throw new IllegalArgumentException("maxEntries must be between 1 and 2^28, was " + maxEntries);
        }
        final int slotCount = Integer.highestOneBit(maxEntries * 2 - 1) << 1;
        this.slots = new long[slotCount * 2];
        this.mask = slotCount - 1;
        this.maxEntries = maxEntries;
    }

    boolean contains(final long fingerprint)
    {
        final long[] slots = this.slots;
        int slot = (int)fingerprint & mask;
        while (slots[2 * slot + 1] != 0)
        {
            if (slots[2 * slot] == fingerprint)
            {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    /** Counts one more occurrence. */
    void increment(final long fingerprint)
    {
        final long[] slots = this.slots;
        int slot = (int)fingerprint & mask;
        while (slots[2 * slot + 1] != 0)
        {
            if (slots[2 * slot] == fingerprint)
            {
                slots[2 * slot + 1]++;
                return;
            }
            slot = (slot + 1) & mask;
        }
        if (size == maxEntries)
        {
            throw new IllegalStateException("more than " + maxEntries + " fingerprints: the window over-ran");
        }
        slots[2 * slot] = fingerprint;
        slots[2 * slot + 1] = 1;
        size++;
    }

    /** Counts one occurrence less, forgetting the fingerprint at zero; it must have been counted. */
    void decrement(final long fingerprint)
    {
        final long[] slots = this.slots;
        int slot = (int)fingerprint & mask;
        while (slots[2 * slot] != fingerprint || slots[2 * slot + 1] == 0)
        {
            if (slots[2 * slot + 1] == 0)
            {
                throw new IllegalStateException("fingerprint " + fingerprint + " was not counted");
            }
            slot = (slot + 1) & mask;
        }
        if (--slots[2 * slot + 1] == 0)
        {
            size--;
            closeGap(slot);
        }
    }

    /** The number of different fingerprints counted. */
    int size()
    {
        return size;
    }

    void clear()
    {
        Arrays.fill(slots, 0);
        size = 0;
    }

    /**
     * Moves back each following entry of the run that may live at the freed slot (its home slot is not
     * cyclically after the gap), so no lookup meets a free slot before its key.
     */
    private void closeGap(final int freed)
    {
        final long[] slots = this.slots;
        final int mask = this.mask;
        int gap = freed;
        int slot = (gap + 1) & mask;
        while (slots[2 * slot + 1] != 0)
        {
            final int home = (int)slots[2 * slot] & mask;
            if (((slot - home) & mask) >= ((slot - gap) & mask))
            {
                slots[2 * gap] = slots[2 * slot];
                slots[2 * gap + 1] = slots[2 * slot + 1];
                gap = slot;
            }
            slot = (slot + 1) & mask;
        }
        slots[2 * gap] = 0;
        slots[2 * gap + 1] = 0;
    }
}

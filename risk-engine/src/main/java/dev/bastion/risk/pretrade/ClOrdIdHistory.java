package dev.bastion.risk.pretrade;

import org.agrona.collections.LongHashSet;

/**
 * The last {@code capacity} ClOrdIDs seen, firm-wide, as 64-bit hashes of (account, ClOrdID): a set for the
 * lookup and a ring that forgets the oldest first, both sized once so the order path never grows them.
 * <p>
 * Two different ClOrdIDs share a hash with probability about n^2 / 2^65 over n remembered ids (below 1e-8
 * at the default 262,144), which would refuse one order as a duplicate; the OMS's order book, which keeps
 * the ids themselves, decides uniqueness over the whole day.
 */
final class ClOrdIdHistory
{
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final LongHashSet seen;
    private final long[] ring;
    private int next;
    private boolean full;

    ClOrdIdHistory(final int capacity)
    {
        // Agrona grows the set when it passes capacity x load factor: size it so `capacity` ids never do
        seen = new LongHashSet(capacity * 2, 0.65f);
        ring = new long[capacity];
    }

    /** Records the id; @return true when it was already remembered. */
    boolean seenBefore(final int accountId, final CharSequence clOrdId)
    {
        final long key = key(accountId, clOrdId);
        if (seen.contains(key))
        {
            return true;
        }
        if (full)
        {
            seen.remove(ring[next]);
        }
        ring[next] = key;
        seen.add(key);
        if (++next == ring.length)
        {
            next = 0;
            full = true;
        }
        return false;
    }

    void clear()
    {
        seen.clear();
        next = 0;
        full = false;
    }

    static long key(final int accountId, final CharSequence clOrdId)
    {
        long hash = FNV_OFFSET ^ accountId;
        hash *= FNV_PRIME;
        for (int i = 0, length = clOrdId.length(); i < length; i++)
        {
            final char c = clOrdId.charAt(i);
            hash = (hash ^ (c & 0xFF)) * FNV_PRIME;
            hash = (hash ^ (c >>> 8)) * FNV_PRIME;
        }
        return mix(hash);
    }

    /** A final avalanche (the SplitMix64 finaliser) so ids differing in one character differ in every bit. */
    static long mix(final long value)
    {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}

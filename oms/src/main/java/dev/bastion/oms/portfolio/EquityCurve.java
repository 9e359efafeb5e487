package dev.bastion.oms.portfolio;

import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.portfolio.Cells.LongCell;
import net.openhft.chronicle.map.ChronicleMap;

import java.util.Arrays;

/**
 * Each account's equity at the close of every UTC day, persisted in {@code equity.cm} keyed by
 * (account, epoch day), with an on-heap copy in day order for period P&amp;L and return analytics.
 */
final class EquityCurve
{
    static final long MILLIS_PER_DAY = 86_400_000L;

    private static final long[] NO_LONGS = new long[0];

    private final ChronicleMap<LongCell, LongCell> map;
    private final LongCell key = new LongCell().onHeap();
    private final LongCell value = new LongCell().onHeap();
    private final LongCell keyView = new LongCell();
    private final LongCell valueView = new LongCell();
    private long[][] days = new long[0][];
    private long[][] equities = new long[0][];
    private int[] counts = new int[0];

    EquityCurve(final ChronicleMap<LongCell, LongCell> map)
    {
        this.map = map;
    }

    void load()
    {
        map.forEachEntry(entry ->
        {
            final long packed = entry.key().getUsing(keyView).get();
            final int accountId = Cells.high(packed);
            ensureAccount(accountId);
            append(accountId, Cells.low(packed), entry.value().getUsing(valueView).get());
        });
        for (int accountId = 0; accountId < counts.length; accountId++)
        {
            sortByDay(accountId);
        }
    }

    void ensureAccount(final int accountId)
    {
        if (accountId >= counts.length)
        {
            final int length = Math.max(accountId + 1, counts.length * 2);
            days = Arrays.copyOf(days, length);
            equities = Arrays.copyOf(equities, length);
            counts = Arrays.copyOf(counts, length);
        }
        if (days[accountId] == null)
        {
            days[accountId] = new long[16];
            equities[accountId] = new long[16];
        }
    }

    int size(final int accountId)
    {
        return accountId < counts.length ? counts[accountId] : 0;
    }

    /** @return the newest sampled day, or {@link Long#MIN_VALUE} when the account has none. */
    long lastDay(final int accountId)
    {
        final int count = size(accountId);
        return count == 0 ? Long.MIN_VALUE : days[accountId][count - 1];
    }

    /**
     * Records {@code equity} as the close of every day after the account's last sample up to and
     * including {@code day}: no event happened in between, so each of those days closed on it.
     */
    void closeThrough(final int accountId, final long day, final long equity)
    {
        ensureAccount(accountId);
        final long last = lastDay(accountId);
        for (long d = last == Long.MIN_VALUE ? day : last + 1; d <= day; d++)
        {
            map.put(key.set(Cells.pack(accountId, Math.toIntExact(d))), value.set(equity));
            append(accountId, d, equity);
        }
    }

    /**
     * @return the close of the newest day before {@code day}, else the oldest sample, else
     *         {@link FixedPoint#NONE} for an account with no sample.
     */
    long closeBefore(final int accountId, final long day)
    {
        final int count = size(accountId);
        if (count == 0)
        {
            return FixedPoint.NONE;
        }
        final int found = Arrays.binarySearch(days[accountId], 0, count, day);
        final int before = (found >= 0 ? found : -found - 1) - 1;
        return equities[accountId][Math.max(before, 0)];
    }

    long[] days(final int accountId)
    {
        final int count = size(accountId);
        return count == 0 ? NO_LONGS : Arrays.copyOf(days[accountId], count);
    }

    long[] equities(final int accountId)
    {
        final int count = size(accountId);
        return count == 0 ? NO_LONGS : Arrays.copyOf(equities[accountId], count);
    }

    private void append(final int accountId, final long day, final long equity)
    {
        final int count = counts[accountId];
        if (count == days[accountId].length)
        {
            days[accountId] = Arrays.copyOf(days[accountId], count * 2);
            equities[accountId] = Arrays.copyOf(equities[accountId], count * 2);
        }
        days[accountId][count] = day;
        equities[accountId][count] = equity;
        counts[accountId] = count + 1;
    }

    private void sortByDay(final int accountId)
    {
        final int count = counts[accountId];
        if (count < 2)
        {
            return;
        }
        final long[][] pairs = new long[count][];
        for (int i = 0; i < count; i++)
        {
            pairs[i] = new long[] {days[accountId][i], equities[accountId][i]};
        }
        Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
        for (int i = 0; i < count; i++)
        {
            days[accountId][i] = pairs[i][0];
            equities[accountId][i] = pairs[i][1];
        }
    }
}

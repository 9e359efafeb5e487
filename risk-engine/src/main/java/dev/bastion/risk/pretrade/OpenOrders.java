package dev.bastion.risk.pretrade;

import org.agrona.collections.Long2LongHashMap;

import java.util.Arrays;

/**
 * The working orders the checker was told of: orderId to a slot in parallel arrays, slots reused through a
 * free list, so opening and finishing orders allocates nothing until more are open than ever before.
 */
final class OpenOrders
{
    static final int ABSENT = -1;

    private static final long NO_ORDER = ABSENT;

    private final Long2LongHashMap slots;
    int[] accountIds;
    int[] symbolIds;
    int[] signs;
    long[] leaves;
    long[] prices;
    long[] notionals;
    private int[] free;
    private int freeCount;
    private int used;

    OpenOrders(final int expected)
    {
        slots = new Long2LongHashMap(expected * 2, 0.65f, NO_ORDER);
        accountIds = new int[expected];
        symbolIds = new int[expected];
        signs = new int[expected];
        leaves = new long[expected];
        prices = new long[expected];
        notionals = new long[expected];
        free = new int[expected];
    }

    int indexOf(final long orderId)
    {
        return (int)slots.get(orderId);
    }

    void add(
        final long orderId,
        final int accountId,
        final int symbolId,
        final int sign,
        final long leavesQty,
        final long price,
        final long notional)
    {
        final int slot;
        if (freeCount > 0)
        {
            slot = free[--freeCount];
        }
        else
        {
            if (used == accountIds.length)
            {
                grow(used * 2);
            }
            slot = used++;
        }
        accountIds[slot] = accountId;
        symbolIds[slot] = symbolId;
        signs[slot] = sign;
        leaves[slot] = leavesQty;
        prices[slot] = price;
        notionals[slot] = notional;
        slots.put(orderId, slot);
    }

    void remove(final long orderId)
    {
        final long slot = slots.remove(orderId);
        if (slot != NO_ORDER)
        {
            free[freeCount++] = (int)slot;
        }
    }

    int size()
    {
        return slots.size();
    }

    private void grow(final int capacity)
    {
        accountIds = Arrays.copyOf(accountIds, capacity);
        symbolIds = Arrays.copyOf(symbolIds, capacity);
        signs = Arrays.copyOf(signs, capacity);
        leaves = Arrays.copyOf(leaves, capacity);
        prices = Arrays.copyOf(prices, capacity);
        notionals = Arrays.copyOf(notionals, capacity);
        free = Arrays.copyOf(free, capacity);
    }
}

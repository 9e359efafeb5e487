package dev.bastion.oms.pipeline;

import java.util.Arrays;

/**
 * Canonical Strings for the few names that repeat on every order (accounts, symbols, venue
 * names), looked up by the ring slot's reused StringBuilder: a name allocates its String once, at
 * first sight, and every later order shares it. Business thread only. (Agrona's maps compare keys
 * with {@code equals}, which a StringBuilder does not implement by content; hence this small table.)
 */
final class Interner
{
    private String[] table;
    private int size;

    Interner(final int expected)
    {
        table = new String[Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1];
    }

    /** @return the canonical String with these characters, or null for an empty or absent value. */
    String intern(final CharSequence value)
    {
        if (value == null || value.length() == 0)
        {
            return null;
        }
        final int mask = table.length - 1;
        int index = hash(value) & mask;
        while (true)
        {
            final String candidate = table[index];
            if (candidate == null)
            {
                return add(value.toString(), index);
            }
            if (contentEquals(candidate, value))
            {
                return candidate;
            }
            index = (index + 1) & mask;
        }
    }

    int size()
    {
        return size;
    }

    private String add(final String name, final int index)
    {
        table[index] = name;
        if (++size * 2 > table.length)
        {
            final String[] old = table;
            table = new String[old.length * 2];
            final int mask = table.length - 1;
            Arrays.stream(old).filter(key -> key != null).forEach(key ->
            {
                int slot = hash(key) & mask;
                while (table[slot] != null)
                {
                    slot = (slot + 1) & mask;
                }
                table[slot] = key;
            });
        }
        return name;
    }

    private static boolean contentEquals(final String candidate, final CharSequence value)
    {
        final int length = candidate.length();
        if (length != value.length())
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (candidate.charAt(i) != value.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    private static int hash(final CharSequence value)
    {
        int hash = 0;
        for (int i = 0, n = value.length(); i < n; i++)
        {
            hash = 31 * hash + value.charAt(i);
        }
        return hash ^ (hash >>> 16);
    }
}

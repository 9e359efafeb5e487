package dev.bastion.risk.pretrade;

import java.util.Arrays;

/**
 * Dense int ids for account and symbol names, looked up by any CharSequence (the OMS's String or the
 * gateway's reused StringBuilder) without allocating. Agrona's maps compare keys with {@code equals}, which
 * a StringBuilder does not implement by content, hence this small open-addressing table. Adding a name
 * allocates its String once; that is the cold path, the first sight of a name.
 */
final class CharSequenceIds
{
    private static final int ABSENT = -1;

    private String[] keys;
    private int[] ids;
    private String[] names;
    private int size;
    private int mask;

    CharSequenceIds(final int expected)
    {
        final int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new String[capacity];
        ids = new int[capacity];
        names = new String[Math.max(16, expected)];
        mask = capacity - 1;
    }

    /** @return the id of the name, or -1 when it has none. */
    int get(final CharSequence name)
    {
        int index = hash(name) & mask;
        while (true)
        {
            final String key = keys[index];
            if (key == null)
            {
                return ABSENT;
            }
            if (key.contentEquals(name))
            {
                return ids[index];
            }
            index = (index + 1) & mask;
        }
    }

    /** @return the id of the name, giving it the next id when it has none. */
    int intern(final CharSequence name)
    {
        final int existing = get(name);
        if (existing != ABSENT)
        {
            return existing;
        }
        if ((size + 1) * 2 > keys.length)
        {
            rehash(keys.length * 2);
        }
        final String key = name.toString();
        final int id = size++;
        if (id == names.length)
        {
            names = Arrays.copyOf(names, names.length * 2);
        }
        names[id] = key;
        insert(key, id);
        return id;
    }

    String name(final int id)
    {
        return names[id];
    }

    int size()
    {
        return size;
    }

    private void insert(final String key, final int id)
    {
        int index = hash(key) & mask;
        while (keys[index] != null)
        {
            index = (index + 1) & mask;
        }
        keys[index] = key;
        ids[index] = id;
    }

    private void rehash(final int capacity)
    {
        keys = new String[capacity];
        ids = new int[capacity];
        mask = capacity - 1;
        for (int id = 0; id < size; id++)
        {
            insert(names[id], id);
        }
    }

    /** String's own hash (cached in a String), spread so the low bits vary. */
    private static int hash(final CharSequence name)
    {
        int hash;
        if (name instanceof String)
        {
            hash = name.hashCode();
        }
        else
        {
            hash = 0;
            for (int i = 0, length = name.length(); i < length; i++)
            {
                hash = 31 * hash + name.charAt(i);
            }
        }
        return hash ^ (hash >>> 16);
    }
}

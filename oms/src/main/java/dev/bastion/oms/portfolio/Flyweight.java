package dev.bastion.oms.portfolio;

import net.openhft.chronicle.bytes.Byteable;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.bytes.DynamicallySized;

/**
 * A fixed-layout view over bytes: a Chronicle Map key or value of constant size. Chronicle points
 * it at the entry's memory in {@code getUsing}, so reads and writes go straight to the mapped file
 * with no copy and no allocation. {@link #onHeap()} gives it bytes of its own for a {@code put}.
 *
 * <p>{@link DynamicallySized} tells Chronicle to take the size from the sample the map is built with
 * rather than from an instance it allocates without a constructor (which would measure 0 bytes).
 */
abstract class Flyweight implements Byteable, DynamicallySized
{
    private long size;
    private BytesStore<?, ?> store;
    private long offset;

    /** @param size bytes of the layout, or 0 for a layout whose size the first binding sets. */
    Flyweight(final long size)
    {
        this.size = size;
    }

    /** Binds this view to a zeroed heap buffer of its own: a key to look up with, or a value to put. */
    @SuppressWarnings("unchecked")
    final <T extends Flyweight> T onHeap()
    {
        bind(BytesStore.wrap(new byte[Math.toIntExact(size)]), 0, size);
        return (T)this;
    }

    @Override
    @SuppressWarnings("rawtypes") // Byteable declares the raw type
    public final void bytesStore(final BytesStore store, final long offset, final long length)
    {
        bind(store, offset, length);
    }

    void bind(final BytesStore<?, ?> store, final long offset, final long length)
    {
        if (size == 0)
        {
            size = length;
        }
        else if (length != size)
        {
            throw new IllegalArgumentException(getClass().getSimpleName() + " is " + size + " bytes, not " + length);
        }
        this.store = store;
        this.offset = offset;
    }

    @Override
    public final BytesStore<?, ?> bytesStore()
    {
        return store;
    }

    @Override
    public final long offset()
    {
        return offset;
    }

    @Override
    public final long maxSize()
    {
        return size;
    }

    final long getLong(final long field)
    {
        return store.readLong(offset + field);
    }

    final void putLong(final long field, final long value)
    {
        store.writeLong(offset + field, value);
    }

    /** A release store: every write before it reaches memory first, so it can be a commit point. */
    final void putLongOrdered(final long field, final long value)
    {
        store.writeOrderedLong(offset + field, value);
    }

    final int getInt(final long field)
    {
        return store.readInt(offset + field);
    }

    final void putInt(final long field, final int value)
    {
        store.writeInt(offset + field, value);
    }

    /** Copies {@code length} bytes from {@code from} to {@code to} inside this view. */
    final void copy(final long from, final long to, final long length)
    {
        for (long i = 0; i < length; i += Long.BYTES)
        {
            putLong(to + i, getLong(from + i));
        }
    }

    final void zero()
    {
        for (long i = 0; i < size; i += Long.BYTES)
        {
            putLong(i, 0);
        }
    }
}

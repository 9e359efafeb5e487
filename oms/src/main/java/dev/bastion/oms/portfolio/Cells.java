package dev.bastion.oms.portfolio;

/** Keys and small values of the portfolio maps: one long (an id, a price, or two ints packed) or two longs. */
final class Cells
{
    private Cells()
    {
    }

    /** (account, symbol) of a position, or (account, epoch day) of an equity sample. */
    static long pack(final int high, final int low)
    {
        return ((long)high << 32) | (low & 0xFFFF_FFFFL);
    }

    static int high(final long packed)
    {
        return (int)(packed >>> 32);
    }

    static int low(final long packed)
    {
        return (int)packed;
    }

    /** 8 bytes: an id, a packed pair, a price or an amount. */
    static final class LongCell extends Flyweight
    {
        static final int SIZE = Long.BYTES;

        LongCell()
        {
            super(SIZE);
        }

        long get()
        {
            return getLong(0);
        }

        LongCell set(final long value)
        {
            putLong(0, value);
            return this;
        }
    }

    /** 16 bytes: (position, lot sequence) as a key, or (quantity, price) of a lot as a value. */
    static final class LongPairCell extends Flyweight
    {
        static final int SIZE = 2 * Long.BYTES;

        LongPairCell()
        {
            super(SIZE);
        }

        long first()
        {
            return getLong(0);
        }

        long second()
        {
            return getLong(Long.BYTES);
        }

        LongPairCell set(final long first, final long second)
        {
            putLong(0, first);
            putLong(Long.BYTES, second);
            return this;
        }
    }
}

package dev.bastion.oms.portfolio;

/**
 * One account's entry in {@code cash.cm}, double-buffered like {@link PositionRecord}: the cash and
 * the last fill id booked into it commit together with one release store of {@code version}.
 *
 * <pre>
 *  0  long version       committed slot = version &amp; 1
 *  8  long initialCash   as configured when the account was first seen
 * 16  slot 0: long lastFillId, long cash
 * 32  slot 1: long lastFillId, long cash
 * </pre>
 */
final class CashRecord extends Flyweight
{
    static final int SIZE = 48;

    static final int LAST_FILL_ID = 0;
    static final int CASH = 8;

    private static final int VERSION = 0;
    private static final int INITIAL_CASH = 8;
    private static final int SLOTS = 16;
    private static final int SLOT_SIZE = 16;

    CashRecord()
    {
        super(SIZE);
    }

    void initialise(final long initialCash)
    {
        zero();
        putLong(INITIAL_CASH, initialCash);
        putLong(SLOTS + CASH, initialCash);
        putLong(SLOTS + SLOT_SIZE + CASH, initialCash);
    }

    long initialCash()
    {
        return getLong(INITIAL_CASH);
    }

    long committed()
    {
        return SLOTS + (getLong(VERSION) & 1) * SLOT_SIZE;
    }

    long scratch()
    {
        return SLOTS + ((getLong(VERSION) + 1) & 1) * SLOT_SIZE;
    }

    void commit()
    {
        putLongOrdered(VERSION, getLong(VERSION) + 1);
    }

    long get(final long slot, final int field)
    {
        return getLong(slot + field);
    }

    void set(final long slot, final int field, final long value)
    {
        putLong(slot + field, value);
    }
}

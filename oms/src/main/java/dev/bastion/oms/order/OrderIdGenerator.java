package dev.bastion.oms.order;

import java.util.function.LongSupplier;

/**
 * Bastion OrderIDs and ExecIDs: longs that stay unique across restarts without a store, because
 * each is at least the wall clock in microseconds and always above the last one. That holds while
 * the clock does not step back past a previous run and ids are drawn slower than one per
 * microsecond on average, both true of an OMS.
 */
public final class OrderIdGenerator
{
    private final LongSupplier epochMicros;
    private long last;

    public OrderIdGenerator(final LongSupplier epochMicros)
    {
        this.epochMicros = epochMicros;
    }

    public static OrderIdGenerator systemClock()
    {
        return new OrderIdGenerator(() -> System.currentTimeMillis() * 1_000L);
    }

    /**
     * Makes every later id greater than {@code id}: after a restart, the highest id the persisted
     * orders hold, so a clock that stepped back cannot hand out an id twice.
     */
    public void advancePast(final long id)
    {
        last = Math.max(last, id);
    }

    public long next()
    {
        last = Math.max(last + 1, epochMicros.getAsLong());
        return last;
    }
}

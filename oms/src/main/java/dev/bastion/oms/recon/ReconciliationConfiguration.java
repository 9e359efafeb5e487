package dev.bastion.oms.recon;

import java.time.Duration;

/**
 * Settings of fill reconciliation, with defaults; {@link #conclude()} checks them once at start.
 * In {@code bastion.yaml}: the {@code reconciliation:} section.
 */
public final class ReconciliationConfiguration
{
    public static final double DEFAULT_PRICE_DEVIATION_PERCENT = 5.0;
    public static final Duration DEFAULT_LATE_FILL_AFTER_CANCEL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_STATUS_ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private double priceDeviationPercent = DEFAULT_PRICE_DEVIATION_PERCENT;
    private Duration lateFillAfterCancel = DEFAULT_LATE_FILL_AFTER_CANCEL;
    private Duration statusAnswerTimeout = DEFAULT_STATUS_ANSWER_TIMEOUT;
    private int findingsKept = 10_000;
    private int ringCapacity = 4096;

    /** A fill further than this from the limit price (or a market order's reference price) is a finding. */
    public ReconciliationConfiguration priceDeviationPercent(final double percent)
    {
        this.priceDeviationPercent = percent;
        return this;
    }

    public double priceDeviationPercent()
    {
        return priceDeviationPercent;
    }

    /**
     * A fill arriving this long after the venue confirmed the order's cancel is critical; sooner, it
     * crossed the cancel in flight (a warning). Neither is booked: the order had ended.
     */
    public ReconciliationConfiguration lateFillAfterCancel(final Duration delay)
    {
        this.lateFillAfterCancel = delay;
        return this;
    }

    public Duration lateFillAfterCancel()
    {
        return lateFillAfterCancel;
    }

    /** How long after a venue logs on a restored order may wait for its status answer before it is reported. */
    public ReconciliationConfiguration statusAnswerTimeout(final Duration timeout)
    {
        this.statusAnswerTimeout = timeout;
        return this;
    }

    public Duration statusAnswerTimeout()
    {
        return statusAnswerTimeout;
    }

    /** How many of the latest findings the report lists (all are counted). */
    public ReconciliationConfiguration findingsKept(final int findingsKept)
    {
        this.findingsKept = findingsKept;
        return this;
    }

    public int findingsKept()
    {
        return findingsKept;
    }

    /** Slots of the ring findings wait in between timer ticks, a power of two. */
    public ReconciliationConfiguration ringCapacity(final int ringCapacity)
    {
        this.ringCapacity = ringCapacity;
        return this;
    }

    public int ringCapacity()
    {
        return ringCapacity;
    }

    /** @throws IllegalArgumentException naming the setting. */
    public ReconciliationConfiguration conclude()
    {
        if (!(priceDeviationPercent > 0) || !Double.isFinite(priceDeviationPercent))
        {
            throw new IllegalArgumentException("priceDeviationPercent must be positive, was " + priceDeviationPercent);
        }
        requirePositive("lateFillAfterCancel", lateFillAfterCancel);
        requirePositive("statusAnswerTimeout", statusAnswerTimeout);
        if (findingsKept < 1)
        {
            throw new IllegalArgumentException("findingsKept must be positive, was " + findingsKept);
        }
        if (ringCapacity < 2 || Integer.bitCount(ringCapacity) != 1)
        {
            throw new IllegalArgumentException("ringCapacity must be a power of two, was " + ringCapacity);
        }
        return this;
    }

    private static void requirePositive(final String name, final Duration value)
    {
        if (value == null || value.isNegative() || value.isZero())
        {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}

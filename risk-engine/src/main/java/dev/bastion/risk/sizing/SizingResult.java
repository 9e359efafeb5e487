package dev.bastion.risk.sizing;

import dev.bastion.risk.FixedPointMath;

/** The answer of one sizing, in a carrier the caller reuses so sizing an order allocates nothing. */
public final class SizingResult
{
    SizingOutcome outcome = SizingOutcome.NO_EDGE;
    double fullKelly;
    double fraction;
    boolean capped;
    long positionValue;
    long quantity;

    public SizingOutcome outcome()
    {
        return outcome;
    }

    /** f* = (p·b − q) / b. */
    public double fullKelly()
    {
        return fullKelly;
    }

    /** The share of capital used: full Kelly x Kelly fraction x confidence, capped; 0 with no edge. */
    public double fraction()
    {
        return fraction;
    }

    /** Whether the cap on the share of capital applied. */
    public boolean capped()
    {
        return capped;
    }

    /** Capital x fraction, in notional units ({@link FixedPointMath#NOTIONAL_SCALE}). */
    public long positionValue()
    {
        return positionValue;
    }

    /** Whole lots, fixed-point ({@link FixedPointMath#QTY_SCALE}); 0 unless {@link SizingOutcome#SIZED}. */
    public long quantity()
    {
        return quantity;
    }

    @Override
    public String toString()
    {
        return outcome + " quantity=" + FixedPointMath.qtyToDouble(quantity) + " fraction=" + fraction +
            " fullKelly=" + fullKelly + (capped ? " (capped)" : "") +
            " value=" + FixedPointMath.notionalToDouble(positionValue);
    }
}

package dev.bastion.risk.sizing;

import dev.bastion.risk.FixedPointMath;

/**
 * Position sizing by the Kelly criterion. For a bet won with probability p that pays b per unit risked
 * and loses the stake otherwise, the growth-optimal share of capital is f* = (p·b − q) / b with q = 1 − p.
 * The sizer bets a fraction of that (quarter Kelly by default), scaled by the caller's confidence in its
 * estimates, capped at a maximum share of capital, and turns it into whole lots at the order's price.
 * <p>
 * Called on the order path for orders that ask for sizing: {@link #size} allocates nothing; invalid inputs
 * are refused with an {@link IllegalArgumentException} whose message the OMS passes to the client.
 */
public final class KellySizer
{
    /**
     * Absorbs the representation error of binary fractions (0.6 − 0.4 is 0.19999999999999996) so a value
     * that is a whole number of notional units in decimal does not lose a unit, and then a lot, to floor().
     */
    private static final double FLOOR_TOLERANCE = 1e-6;

    private final KellyConfiguration configuration;
    private final double kellyFraction;
    private final double maxFraction;
    private final long minPositionNotional;
    private final long lotQuantity;

    public KellySizer(final KellyConfiguration configuration)
    {
        this.configuration = configuration;
        kellyFraction = configuration.kellyFraction();
        maxFraction = configuration.maxFraction();
        minPositionNotional = configuration.minPositionNotional();
        lotQuantity = configuration.lotQuantity();
    }

    /**
     * Full Kelly, f* = (p·b − q) / b.
     *
     * @throws IllegalArgumentException when p is not in (0, 1) or b is not positive.
     */
    public static double fullKelly(final double winProbability, final double winLossRatio)
    {
        requireProbability(winProbability);
        requirePayoff(winLossRatio);
        return (winProbability * winLossRatio - (1 - winProbability)) / winLossRatio;
    }

    /**
     * Sizes a position.
     *
     * @param winProbability p, in (0, 1).
     * @param winLossRatio   b, the average win over the average loss, positive.
     * @param confidence     how much the caller trusts p and b, in [0, 1]; multiply in the trading state's size
     *                       factor (soft brake) here.
     * @param capital        the capital to size against, fixed-point notional, positive.
     * @param price          the price of one unit, fixed-point, positive.
     * @param result         filled with the size and why.
     * @return the quantity, fixed-point whole lots; 0 when there is nothing to trade.
     * @throws IllegalArgumentException naming the input that is out of range.
     */
    public long size(
        final double winProbability,
        final double winLossRatio,
        final double confidence,
        final long capital,
        final long price,
        final SizingResult result)
    {
        final double full = fullKelly(winProbability, winLossRatio);
        if (!(confidence >= 0 && confidence <= 1))
        {
            throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
        }
        if (capital <= 0)
        {
            throw new IllegalArgumentException("capital must be positive, was " + FixedPointMath.appendDecimal(
                new StringBuilder(), capital, FixedPointMath.NOTIONAL_DECIMALS));
        }
        if (price <= 0)
        {
            throw new IllegalArgumentException("price must be positive, was " + FixedPointMath.appendDecimal(
                new StringBuilder(), price, FixedPointMath.PRICE_DECIMALS));
        }

        result.fullKelly = full;
        result.capped = false;
        result.positionValue = 0;
        result.quantity = 0;
        if (!(full > 0))
        {
            result.fraction = 0;
            result.outcome = SizingOutcome.NO_EDGE;
            return 0;
        }
        double fraction = full * kellyFraction * confidence;
        if (fraction > maxFraction)
        {
            fraction = maxFraction;
            result.capped = true;
        }
        result.fraction = fraction;
        final long value = (long)Math.floor(capital * fraction + FLOOR_TOLERANCE);
        result.positionValue = value;
        if (value < minPositionNotional || value == 0)
        {
            result.outcome = SizingOutcome.BELOW_MINIMUM_VALUE;
            return 0;
        }
        final long lotValue = FixedPointMath.notional(lotQuantity, price);
        // a lot worth less than one notional unit (fractional lots of sub-cent coins) cannot divide exactly
        final long lots = lotValue > 0 ? value / lotValue :
            (long)Math.floor(value * (double)FixedPointMath.PRICE_SCALE / ((double)lotQuantity * price));
        if (lots == 0)
        {
            result.outcome = SizingOutcome.LESS_THAN_ONE_LOT;
            return 0;
        }
        result.quantity = lots * lotQuantity;
        result.outcome = SizingOutcome.SIZED;
        return result.quantity;
    }

    public KellyConfiguration configuration()
    {
        return configuration;
    }

    private static void requireProbability(final double p)
    {
        if (!(p > 0 && p < 1))
        {
            throw new IllegalArgumentException("win probability must be above 0 and below 1, was " + p);
        }
    }

    private static void requirePayoff(final double b)
    {
        if (!(b > 0) || !Double.isFinite(b))
        {
            throw new IllegalArgumentException("win/loss ratio must be positive, was " + b);
        }
    }
}

package dev.bastion.risk.pretrade;

import static dev.bastion.risk.FixedPointMath.PPM;
import static dev.bastion.risk.FixedPointMath.toNotional;
import static dev.bastion.risk.FixedPointMath.toQty;

import java.util.Set;

/**
 * One account's limits as the checks use them: fixed-point, validated, with the warning level of each
 * precomputed. Immutable; built by {@link PreTradeConfiguration#conclude()}.
 */
final class AccountLimits
{
    /**
     * The most orders an order-rate window may hold: each costs its account 48 to 80 bytes, allocated at start
     * (the window's ring, and the duplicate check's fingerprint table of at least twice as many slots).
     */
    static final int MAX_ORDERS_IN_WINDOW = 1 << 24;

    final String account;
    final long capital;
    final long maxOrderQuantity;
    final long maxOrderNotional;
    final long creditLimitGross;
    final long creditLimitNet;
    final long positionLimit;
    final int maxPositions;
    final long maxSectorExposurePpm;
    final long maxLeveragePpm;
    final long dailyLossLimit;
    final int maxOrders;
    final long orderRateWindowNanos;
    final int maxMessages;
    final long messageRateWindowNanos;
    final long duplicateOrderWindowNanos;
    final Set<String> restrictedSymbols;

    AccountLimits(final String account, final RiskLimits limits)
    {
        this.account = account;
        final String prefix = account == null ? "limits." : "account " + account + ": limits.";
        capital = notional(prefix + "capital", limits.capital(), false);
        maxOrderQuantity = quantity(prefix + "maxOrderQuantity", limits.maxOrderQuantity());
        maxOrderNotional = notional(prefix + "maxOrderNotional", limits.maxOrderNotional(), true);
        creditLimitGross = notional(prefix + "creditLimitGross", limits.creditLimitGross(), true);
        creditLimitNet = notional(prefix + "creditLimitNet", limits.creditLimitNet(), true);
        positionLimit = notional(prefix + "positionLimit", limits.positionLimit(), true);
        maxPositions = positive(prefix + "maxPositions", limits.maxPositions());
        maxSectorExposurePpm = fraction(prefix + "maxSectorExposure", limits.maxSectorExposure(), 1.0);
        maxLeveragePpm = fraction(prefix + "maxLeverage", limits.maxLeverage(), 1_000.0);
        dailyLossLimit = notional(prefix + "dailyLossLimit", limits.dailyLossLimit(), true);
        maxOrders = positive(prefix + "orderRate.maxOrders", limits.maxOrders());
        if (maxOrders > MAX_ORDERS_IN_WINDOW)
        {
            throw new IllegalArgumentException(prefix + "orderRate.maxOrders must be at most " + MAX_ORDERS_IN_WINDOW +
                ", was " + maxOrders);
        }
        orderRateWindowNanos = window(prefix + "orderRate.window", limits.orderRateWindow());
        maxMessages = positive(prefix + "messageRate.maxMessages", limits.maxMessages());
        messageRateWindowNanos = window(prefix + "messageRate.window", limits.messageRateWindow());
        duplicateOrderWindowNanos = window(prefix + "duplicateOrderWindow", limits.duplicateOrderWindow());
        if (duplicateOrderWindowNanos > orderRateWindowNanos)
        {
            throw new IllegalArgumentException(prefix + "duplicateOrderWindow (" + limits.duplicateOrderWindow() +
                ") may not be longer than orderRate.window (" + limits.orderRateWindow() +
                "): duplicates are looked for among the orders the rate window keeps");
        }
        if (maxMessages < maxOrders)
        {
            throw new IllegalArgumentException(prefix + "messageRate.maxMessages (" + maxMessages +
                ") is below orderRate.maxOrders (" + maxOrders + "): every order is also a message");
        }
        restrictedSymbols = limits.restrictedSymbols();
    }

    private static long notional(final String name, final double value, final boolean positive)
    {
        if (!Double.isFinite(value) || value < 0 || (positive && value == 0) || value > 1e14)
        {
            throw new IllegalArgumentException(name + " must be " + (positive ? "positive" : "zero or positive") +
                " and at most 1e14, was " + value);
        }
        return toNotional(value);
    }

    private static long quantity(final String name, final double value)
    {
        if (!Double.isFinite(value) || value <= 0 || value > 1e14)
        {
            throw new IllegalArgumentException(name + " must be positive and at most 1e14, was " + value);
        }
        return toQty(value);
    }

    private static int positive(final String name, final int value)
    {
        if (value <= 0)
        {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    private static long fraction(final String name, final double value, final double max)
    {
        if (!Double.isFinite(value) || value <= 0 || value > max)
        {
            throw new IllegalArgumentException(name + " must be above 0 and at most " + max + ", was " + value);
        }
        return Math.round(value * PPM);
    }

    private static long window(final String name, final java.time.Duration window)
    {
        if (window == null || window.isNegative() || window.isZero())
        {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + window);
        }
        return window.toNanos();
    }
}

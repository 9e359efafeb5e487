package dev.bastion.risk.pretrade;

import static dev.bastion.risk.FixedPointMath.mulDiv;
import static dev.bastion.risk.FixedPointMath.notional;
import static dev.bastion.risk.FixedPointMath.signedNotional;

/**
 * One account's position and open orders in one symbol. The position is kept at average cost: {@code cost}
 * is the signed notional paid for the open position, so unrealized P&amp;L is {@code position x mark - cost}
 * and a reducing fill realizes its share of the cost.
 */
final class SymbolExposure
{
    int symbolId;
    /** Signed fixed-point quantity: negative is short. */
    long position;
    /** Signed notional of the open position at cost. */
    long cost;
    long openBuyQty;
    long openSellQty;
    /** Sum over the open buy orders of notional(leaves, order price). */
    long openBuyNotional;
    long openSellNotional;

    void reset(final int symbolId)
    {
        this.symbolId = symbolId;
        position = 0;
        cost = 0;
        openBuyQty = 0;
        openSellQty = 0;
        openBuyNotional = 0;
        openSellNotional = 0;
    }

    boolean isActive()
    {
        return position != 0 || openBuyQty != 0 || openSellQty != 0;
    }

    /**
     * Applies a fill of {@code qty} at {@code price} on the side {@code sign} (+1 buy, -1 sell).
     *
     * @return the P&amp;L realized by the part of the fill that reduced the position.
     */
    long applyFill(final int sign, final long qty, final long price)
    {
        if (position == 0 || (position > 0) == (sign > 0))
        {
            position += sign * qty;
            cost += sign * notional(qty, price);
            return 0;
        }
        final long held = Math.abs(position);
        final long closed = Math.min(qty, held);
        final long costClosed = mulDiv(Math.abs(cost), closed, held);
        final long proceeds = notional(closed, price);
        final long realized = position > 0 ? proceeds - costClosed : costClosed - proceeds;
        if (position > 0)
        {
            position -= closed;
            cost -= costClosed;
        }
        else
        {
            position += closed;
            cost += costClosed;
        }
        final long remaining = qty - closed;
        if (remaining > 0)
        {
            position = sign * remaining;
            cost = sign * notional(remaining, price);
        }
        return realized;
    }

    /** Unrealized P&amp;L at a mark price. */
    long unrealized(final long mark)
    {
        return position == 0 ? -cost : signedNotional(position, mark) - cost;
    }
}

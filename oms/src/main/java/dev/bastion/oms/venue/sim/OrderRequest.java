package dev.bastion.oms.venue.sim;

import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.api.TimeInForce;
import dev.bastion.oms.venue.VenueOrder;

/**
 * A NewOrderSingle or OrderCancelReplaceRequest as the simulator's FIX side decoded it. Terms the
 * simulator cannot take arrive as {@code invalid} text with the OrdRejReason to answer.
 *
 * @param origClOrdId       OrigClOrdID (41) of a replace, null for a new order.
 * @param invalid           why the request cannot be accepted, or null.
 * @param invalidReason     OrdRejReason (103, FIX 4.4 codes) for {@code invalid}.
 * @param possibleDuplicate PossDupFlag or PossResend was set.
 */
record OrderRequest(
    String clOrdId,
    String origClOrdId,
    String symbol,
    Side side,
    OrdType ordType,
    TimeInForce timeInForce,
    long qty,
    long price,
    long stopPrice,
    long expireTimeNanos,
    String account,
    boolean possibleDuplicate,
    String invalid,
    int invalidReason)
{
    static OrderRequest of(final VenueOrder order)
    {
        return new OrderRequest(order.venueClOrdId(), null, order.symbol(), order.side(), order.ordType(),
            order.timeInForce(), order.qty(), order.price(), order.stopPrice(), order.expireTimeNanos(),
            order.account(), false, null, 0);
    }

    OrderRequest replacing(final String origClOrdId)
    {
        return new OrderRequest(clOrdId, origClOrdId, symbol, side, ordType, timeInForce, qty, price, stopPrice,
            expireTimeNanos, account, possibleDuplicate, invalid, invalidReason);
    }

    OrderRequest asPossibleDuplicate()
    {
        return new OrderRequest(clOrdId, origClOrdId, symbol, side, ordType, timeInForce, qty, price, stopPrice,
            expireTimeNanos, account, true, invalid, invalidReason);
    }

    boolean isPriced()
    {
        return price != FixedPoint.NONE;
    }
}

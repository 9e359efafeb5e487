package dev.bastion.oms.order;

import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.api.TimeInForce;

/**
 * A cancel or replace the client asked for and the venue has not answered yet. A replace restates
 * the whole order (FIX: OrderCancelReplaceRequest), so it carries every term that may change.
 *
 * @param cancel             true for a cancel, false for a replace.
 * @param clOrdId            the request's ClOrdID (the order's next one).
 * @param venueClOrdId       the ClOrdID the request carries to the venue.
 * @param newQty             for a replace: the new OrderQty.
 * @param newPrice           for a replace: the new Price, or {@link dev.bastion.oms.api.FixedPoint#NONE}.
 * @param newStopPrice       for a replace: the new StopPx, or {@link dev.bastion.oms.api.FixedPoint#NONE}.
 * @param newOrdType         for a replace: the new OrdType.
 * @param newTimeInForce     for a replace: the new TimeInForce.
 * @param newExpireTimeNanos for a replace: the new ExpireTime of a GTD order, else {@link Long#MIN_VALUE}.
 */
public record PendingChange(
    boolean cancel,
    String clOrdId,
    String venueClOrdId,
    long newQty,
    long newPrice,
    long newStopPrice,
    OrdType newOrdType,
    TimeInForce newTimeInForce,
    long newExpireTimeNanos)
{
    static PendingChange cancel(final String clOrdId, final String venueClOrdId)
    {
        return new PendingChange(true, clOrdId, venueClOrdId, 0, 0, 0, null, null, Long.MIN_VALUE);
    }
}

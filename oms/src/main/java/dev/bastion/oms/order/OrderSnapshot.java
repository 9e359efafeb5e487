package dev.bastion.oms.order;

import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.api.TimeInForce;

/**
 * An order as the order store keeps it: every field {@link OrderStateMachine#restore} needs to put
 * it back in the book after a restart. The fills' ExecIDs are not kept: after a restart a resent
 * fill is recognised by the venue's CumQty, which cannot exceed what the order has already booked.
 *
 * @param pending the cancel or replace waiting for the venue's answer, or null.
 */
public record OrderSnapshot(
    long orderId,
    long sessionId,
    String clOrdId,
    String origClOrdId,
    String account,
    String symbol,
    Side side,
    OrdType ordType,
    TimeInForce timeInForce,
    long expireTimeNanos,
    long orderQty,
    long price,
    long stopPrice,
    OrdStatus status,
    long cumQty,
    long leavesQty,
    long notionalHigh,
    long notionalLow,
    String venue,
    String venueClOrdId,
    String venueOrderId,
    PendingChange pending)
{
}

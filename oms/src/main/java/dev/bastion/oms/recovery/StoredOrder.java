package dev.bastion.oms.recovery;

import dev.bastion.oms.api.Side;
import dev.bastion.oms.order.OrderSnapshot;

/**
 * One entry of the {@link OrderStore}: the order, the portfolio account its fills are booked to,
 * when it last changed, and its last fill as a journal entry — written before the fill is booked,
 * so a fill the process died before booking is booked at the next start (the portfolio ignores it
 * when it was booked after all: the fill id is the same).
 *
 * @param fillId {@link #NO_FILL} when the order has no fill journalled.
 */
public record StoredOrder(
    OrderSnapshot order,
    String bookAccount,
    long updatedEpochNanos,
    long fillId,
    Side fillSide,
    long fillQty,
    long fillPx,
    long fillTimeNanos)
{
    public static final long NO_FILL = 0;
}

package dev.bastion.oms.pipeline;

import dev.bastion.oms.order.Order;

/**
 * The sizing stage: for orders that carry Bastion's sizing tags (win probability 20001, win/loss
 * ratio 20002, confidence 20003), the quantity the strategy's edge justifies. The client's OrderQty
 * caps it.
 */
@FunctionalInterface
public interface PositionSizer
{
    /**
     * @return the quantity to trade (fixed-point, {@code 0} to refuse the order), never above
     *         {@code order.orderQty()}.
     * @throws IllegalArgumentException with a message for the client when the inputs are invalid.
     */
    long size(Order order, double winProbability, double winLossRatio, double confidence);

    /** Why the last size was 0, for the reject's Text (58). */
    default String noSizeReason()
    {
        return "Sizing gives no position for this edge";
    }
}

package dev.bastion.oms.pipeline;

import dev.bastion.oms.order.Order;

/**
 * The pre-trade risk stage as the pipeline calls it, on the business thread, for every new order
 * before it is routed. The risk engine's checks sit behind it.
 */
public interface PreTradeCheck
{
    /**
     * @return null to let the order through, or the reason it is refused (becomes Text (58) of the
     *         ExecutionReport(Rejected)).
     */
    Refusal check(Order order);

    /** Tells the check the order has ended (filled, canceled, rejected), freeing its exposure. */
    default void onOrderDone(Order order)
    {
    }

    /** Tells the check about a fill, for positions and loss limits. */
    default void onFill(Order order, long lastQty, long lastPx)
    {
    }

    /**
     * A refused order.
     *
     * @param code stable reason code, sent to the client in RiskRejectCode (20020).
     * @param text human-readable reason.
     */
    record Refusal(int code, String text)
    {
    }
}

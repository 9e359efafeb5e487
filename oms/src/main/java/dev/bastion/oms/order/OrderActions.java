package dev.bastion.oms.order;

import dev.bastion.oms.api.ExecType;

/**
 * What the order state machine asks the world to do: tell the client (ExecutionReports and
 * OrderCancelRejects) and tell the venue (new, cancel, replace). The pipeline implements it; tests
 * record it.
 */
public interface OrderActions
{
    /**
     * An ExecutionReport for the order as it stands now.
     *
     * @param clOrdId      ClOrdID (11) of the report: the order's, or a pending request's.
     * @param origClOrdId  OrigClOrdID (41), or null.
     * @param text         Text (58), or null.
     * @param ordRejReason OrdRejReason (103) on a reject, else -1.
     */
    void report(Order order, ExecType execType, String clOrdId, String origClOrdId, long lastQty, long lastPx,
        String text, int ordRejReason);

    /** A status request for an order the session does not have: ExecutionReport, OrdStatus Rejected. */
    void unknownOrder(long sessionId, String clOrdId, String symbol, char side, String text);

    /**
     * An OrderCancelReject (9).
     *
     * @param order null when the order is unknown.
     */
    void cancelReject(long sessionId, String clOrdId, String origClOrdId, Order order, boolean forReplace,
        int cxlRejReason, String text);

    void sendToVenue(Order order);

    void cancelAtVenue(Order order, PendingChange cancel);

    void replaceAtVenue(Order order, PendingChange replace);
}

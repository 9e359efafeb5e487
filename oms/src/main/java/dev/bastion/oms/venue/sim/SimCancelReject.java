package dev.bastion.oms.venue.sim;

import dev.bastion.oms.api.OrdStatus;

/**
 * One OrderCancelReject (9) the simulator sent.
 *
 * @param session      the QuickFIX/J SessionID it went to.
 * @param orderId      OrderID (37), {@code NONE} when the order is unknown.
 * @param clOrdId      ClOrdID (11) of the refused request.
 * @param origClOrdId  OrigClOrdID (41) the request named.
 * @param ordStatus    OrdStatus (39) of the order, REJECTED when it is unknown.
 * @param forReplace   CxlRejResponseTo (434) is 2 (a replace), else 1 (a cancel).
 * @param cxlRejReason CxlRejReason (102) in FIX 4.4 codes.
 * @param text         Text (58).
 */
public record SimCancelReject(
    String session,
    String orderId,
    String clOrdId,
    String origClOrdId,
    OrdStatus ordStatus,
    boolean forReplace,
    int cxlRejReason,
    String text)
{
}

package dev.bastion.oms.order;

/**
 * A cancel or replace the client asked for and the venue has not answered yet.
 *
 * @param cancel         true for a cancel, false for a replace.
 * @param clOrdId        the request's ClOrdID (the order's next one).
 * @param venueClOrdId   the ClOrdID the request carries to the venue.
 * @param newQty         for a replace: the new OrderQty.
 * @param newPrice       for a replace: the new Price.
 */
public record PendingChange(boolean cancel, String clOrdId, String venueClOrdId, long newQty, long newPrice)
{
}

package dev.bastion.oms.portfolio;

/**
 * Trade-level P&amp;L: what one fill that closed lots realized.
 *
 * @param signedQty         the fill: positive bought, negative sold (qty scale 1e4).
 * @param closedQty         of it, the part that closed open lots (the rest, if any, opened a lot the other way).
 * @param realizedPnl       money (scale 1e8) realized by the fill.
 * @param transactTimeNanos as the OMS gave it with the fill.
 * @param positionQtyAfter  the position once the fill was booked.
 */
public record TradePnl(
    long fillId,
    String account,
    String symbol,
    long signedQty,
    long price,
    long closedQty,
    long realizedPnl,
    long transactTimeNanos,
    long positionQtyAfter)
{
}

package dev.bastion.risk.stop;

/**
 * A position's stop was hit. The manager reports it once and stops watching the position; closing it is
 * the caller's decision (the OMS sends the order).
 *
 * @param positionId   the caller's id of the position.
 * @param quantity     signed, fixed-point: negative for a short.
 * @param stopPrice    the stop price at the time, fixed-point.
 * @param triggerPrice the market price that hit it.
 */
public record StopTrigger(
    String positionId,
    String symbol,
    StopType type,
    long quantity,
    long entryPrice,
    long stopPrice,
    long triggerPrice,
    long epochNanos)
{
}

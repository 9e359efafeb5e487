package dev.bastion.oms.portfolio;

/**
 * One position as committed, for reports and the admin endpoint. Quantities at qty scale 1e4,
 * prices at 1e8, money at {@link #MONEY_SCALE} (1e8).
 *
 * @param quantity          signed: negative is short.
 * @param averageEntryPrice of the open lots ({@code |costBasis| / |quantity|}), 0 when flat.
 * @param costBasis         signed like the quantity: what the open lots cost (or brought in, short).
 * @param realizedPnl       booked by closing fills, FIFO.
 * @param lastPrice         the symbol's last mark, or {@link dev.bastion.oms.api.FixedPoint#NONE}.
 * @param marketValue       {@code quantity x lastPrice}, or the cost basis while the symbol is unmarked.
 * @param unrealizedPnl     {@code marketValue - costBasis}.
 * @param lastFillId        the newest fill booked into the position.
 * @param openLots          lots not yet closed.
 */
public record PositionSnapshot(
    String account,
    String symbol,
    long quantity,
    long averageEntryPrice,
    long costBasis,
    long realizedPnl,
    long lastPrice,
    long marketValue,
    long unrealizedPnl,
    long lastFillId,
    int openLots)
{
    public static final long MONEY_SCALE = FixedMath.MONEY_SCALE;
}

package dev.bastion.oms.portfolio;

/**
 * The realized P&amp;L of one closing fill, in {@code trades.cm} keyed by fill id. Written once, before
 * the position commits, with content that depends only on the committed state and the fill, so a
 * fill applied again after a crash writes the same record.
 *
 * <pre>
 *  0 long fillId        8 int accountId   12 int symbolId
 * 16 long signedQty    24 long price      32 long closedQty
 * 40 long realizedPnl  48 long transactTimeNanos 56 long positionQtyAfter
 * </pre>
 */
final class TradeRecord extends Flyweight
{
    static final int SIZE = 64;

    private static final int FILL_ID = 0;
    private static final int ACCOUNT_ID = 8;
    private static final int SYMBOL_ID = 12;
    private static final int SIGNED_QTY = 16;
    private static final int PRICE = 24;
    private static final int CLOSED_QTY = 32;
    private static final int REALIZED_PNL = 40;
    private static final int TRANSACT_TIME = 48;
    private static final int QTY_AFTER = 56;

    TradeRecord()
    {
        super(SIZE);
    }

    void set(
        final long fillId,
        final int accountId,
        final int symbolId,
        final long signedQty,
        final long price,
        final long closedQty,
        final long realizedPnl,
        final long transactTimeNanos,
        final long positionQtyAfter)
    {
        putLong(FILL_ID, fillId);
        putInt(ACCOUNT_ID, accountId);
        putInt(SYMBOL_ID, symbolId);
        putLong(SIGNED_QTY, signedQty);
        putLong(PRICE, price);
        putLong(CLOSED_QTY, closedQty);
        putLong(REALIZED_PNL, realizedPnl);
        putLong(TRANSACT_TIME, transactTimeNanos);
        putLong(QTY_AFTER, positionQtyAfter);
    }

    long fillId()
    {
        return getLong(FILL_ID);
    }

    int accountId()
    {
        return getInt(ACCOUNT_ID);
    }

    int symbolId()
    {
        return getInt(SYMBOL_ID);
    }

    long signedQty()
    {
        return getLong(SIGNED_QTY);
    }

    long price()
    {
        return getLong(PRICE);
    }

    long closedQty()
    {
        return getLong(CLOSED_QTY);
    }

    long realizedPnl()
    {
        return getLong(REALIZED_PNL);
    }

    long transactTimeNanos()
    {
        return getLong(TRANSACT_TIME);
    }

    long positionQtyAfter()
    {
        return getLong(QTY_AFTER);
    }
}

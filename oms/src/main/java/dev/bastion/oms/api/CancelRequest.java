package dev.bastion.oms.api;

/** OrderCancelRequest (F). */
public final class CancelRequest extends ClientRequest
{
    private final StringBuilder clOrdId = new StringBuilder(32);
    private final StringBuilder origClOrdId = new StringBuilder(32);
    private final StringBuilder orderId = new StringBuilder(20);
    private final StringBuilder symbol = new StringBuilder(16);
    private final StringBuilder account = new StringBuilder(16);
    private char side;
    private long orderQty;

    public void reset()
    {
        clOrdId.setLength(0);
        origClOrdId.setLength(0);
        orderId.setLength(0);
        symbol.setLength(0);
        account.setLength(0);
        side = 0;
        orderQty = FixedPoint.NONE;
    }

    public CharSequence clOrdId()
    {
        return clOrdId;
    }

    public void clOrdId(final char[] chars, final int length)
    {
        copy(clOrdId, chars, length);
    }

    public CharSequence origClOrdId()
    {
        return origClOrdId;
    }

    public void origClOrdId(final char[] chars, final int length)
    {
        copy(origClOrdId, chars, length);
    }

    public CharSequence orderId()
    {
        return orderId;
    }

    public void orderId(final char[] chars, final int length)
    {
        copy(orderId, chars, length);
    }

    public CharSequence symbol()
    {
        return symbol;
    }

    public void symbol(final char[] chars, final int length)
    {
        copy(symbol, chars, length);
    }

    public CharSequence account()
    {
        return account;
    }

    public void account(final char[] chars, final int length)
    {
        copy(account, chars, length);
    }

    public char side()
    {
        return side;
    }

    public void side(final char side)
    {
        this.side = side;
    }

    public long orderQty()
    {
        return orderQty;
    }

    public void orderQty(final long orderQty)
    {
        this.orderQty = orderQty;
    }

    @Override
    public String msgType()
    {
        return "F";
    }
}

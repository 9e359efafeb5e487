package dev.bastion.oms.api;

/** OrderStatusRequest (H). */
public final class StatusRequest extends ClientRequest
{
    private final StringBuilder clOrdId = new StringBuilder(32);
    private final StringBuilder orderId = new StringBuilder(20);
    private final StringBuilder symbol = new StringBuilder(16);
    private char side;

    public void reset()
    {
        clOrdId.setLength(0);
        orderId.setLength(0);
        symbol.setLength(0);
        side = 0;
    }

    public CharSequence clOrdId()
    {
        return clOrdId;
    }

    public void clOrdId(final char[] chars, final int length)
    {
        copy(clOrdId, chars, length);
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

    public char side()
    {
        return side;
    }

    public void side(final char side)
    {
        this.side = side;
    }

    @Override
    public String msgType()
    {
        return "H";
    }
}

package dev.bastion.oms.api;

/** OrderMassCancelRequest (q). */
public final class MassCancelRequest extends ClientRequest
{
    /** MassCancelRequestType (530) values Bastion acts on. */
    public static final char CANCEL_FOR_SECURITY = '1';
    public static final char CANCEL_ALL_ORDERS = '7';

    private final StringBuilder clOrdId = new StringBuilder(32);
    private final StringBuilder symbol = new StringBuilder(16);
    private char massCancelRequestType;
    private char side;

    public void reset()
    {
        clOrdId.setLength(0);
        symbol.setLength(0);
        massCancelRequestType = 0;
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

    public CharSequence symbol()
    {
        return symbol;
    }

    public void symbol(final char[] chars, final int length)
    {
        copy(symbol, chars, length);
    }

    /** MassCancelRequestType (530) as its FIX code. */
    public char massCancelRequestType()
    {
        return massCancelRequestType;
    }

    public void massCancelRequestType(final char massCancelRequestType)
    {
        this.massCancelRequestType = massCancelRequestType;
    }

    /** Side (54) to restrict the cancel to, or 0 for both sides. */
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
        return "q";
    }
}

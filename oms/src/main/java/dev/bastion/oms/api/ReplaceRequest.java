package dev.bastion.oms.api;

/** OrderCancelReplaceRequest (G): the new terms of the order named by OrigClOrdID. */
public final class ReplaceRequest extends OrderFields
{
    private final StringBuilder origClOrdId = new StringBuilder(32);
    private final StringBuilder orderId = new StringBuilder(20);

    @Override
    public void resetOrderFields()
    {
        super.resetOrderFields();
        origClOrdId.setLength(0);
        orderId.setLength(0);
    }

    public CharSequence origClOrdId()
    {
        return origClOrdId;
    }

    public void origClOrdId(final char[] chars, final int length)
    {
        copy(origClOrdId, chars, length);
    }

    /** OrderID (37) if the client sent it, else empty. */
    public CharSequence orderId()
    {
        return orderId;
    }

    public void orderId(final char[] chars, final int length)
    {
        copy(orderId, chars, length);
    }

    @Override
    public String msgType()
    {
        return "G";
    }
}

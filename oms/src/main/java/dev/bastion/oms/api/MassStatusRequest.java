package dev.bastion.oms.api;

/** OrderMassStatusRequest (AF). */
public final class MassStatusRequest extends ClientRequest
{
    /** MassStatusReqType (585) values Bastion answers. */
    public static final int STATUS_FOR_SECURITY = 1;
    public static final int STATUS_FOR_ALL_ORDERS = 7;

    private final StringBuilder massStatusReqId = new StringBuilder(32);
    private final StringBuilder symbol = new StringBuilder(16);
    private int massStatusReqType;

    public void reset()
    {
        massStatusReqId.setLength(0);
        symbol.setLength(0);
        massStatusReqType = 0;
    }

    public CharSequence massStatusReqId()
    {
        return massStatusReqId;
    }

    public void massStatusReqId(final char[] chars, final int length)
    {
        copy(massStatusReqId, chars, length);
    }

    public CharSequence symbol()
    {
        return symbol;
    }

    public void symbol(final char[] chars, final int length)
    {
        copy(symbol, chars, length);
    }

    /** MassStatusReqType (585). */
    public int massStatusReqType()
    {
        return massStatusReqType;
    }

    public void massStatusReqType(final int massStatusReqType)
    {
        this.massStatusReqType = massStatusReqType;
    }

    @Override
    public String msgType()
    {
        return "AF";
    }
}

package dev.bastion.oms.api;

/** OrderCancelReject (9): a cancel (F) or replace (G) that could not be done. */
public final class OrderCancelReject
{
    /** CxlRejResponseTo (434). */
    public static final char RESPONSE_TO_CANCEL = '1';
    public static final char RESPONSE_TO_REPLACE = '2';

    /** CxlRejReason (102). */
    public static final int TOO_LATE_TO_CANCEL = 0;
    public static final int UNKNOWN_ORDER = 1;
    public static final int BROKER_OPTION = 2;
    public static final int ALREADY_PENDING = 3;
    public static final int DUPLICATE_CLORDID = 6;
    public static final int OTHER = 99;

    private final StringBuilder orderId = new StringBuilder(20);
    private final StringBuilder clOrdId = new StringBuilder(32);
    private final StringBuilder origClOrdId = new StringBuilder(32);
    private final StringBuilder text = new StringBuilder(64);
    private OrdStatus ordStatus;
    private char responseTo;
    private int cxlRejReason;

    public OrderCancelReject reset()
    {
        orderId.setLength(0);
        clOrdId.setLength(0);
        origClOrdId.setLength(0);
        text.setLength(0);
        ordStatus = null;
        responseTo = RESPONSE_TO_CANCEL;
        cxlRejReason = OTHER;
        return this;
    }

    public OrderCancelReject orderId(final CharSequence value)
    {
        ClientRequest.copy(orderId, value);
        return this;
    }

    public OrderCancelReject clOrdId(final CharSequence value)
    {
        ClientRequest.copy(clOrdId, value);
        return this;
    }

    public OrderCancelReject origClOrdId(final CharSequence value)
    {
        ClientRequest.copy(origClOrdId, value);
        return this;
    }

    public OrderCancelReject text(final CharSequence value)
    {
        ClientRequest.copy(text, value);
        return this;
    }

    /** OrdStatus (39) of the order the request referred to; REJECTED when the order is unknown. */
    public OrderCancelReject ordStatus(final OrdStatus value)
    {
        ordStatus = value;
        return this;
    }

    public OrderCancelReject responseTo(final char value)
    {
        responseTo = value;
        return this;
    }

    public OrderCancelReject cxlRejReason(final int value)
    {
        cxlRejReason = value;
        return this;
    }

    /** OrderID (37); FIX requires one, "NONE" when the order is unknown. */
    public CharSequence orderId()
    {
        return orderId.length() == 0 ? "NONE" : orderId;
    }

    public CharSequence clOrdId()
    {
        return clOrdId;
    }

    public CharSequence origClOrdId()
    {
        return origClOrdId;
    }

    public CharSequence text()
    {
        return text;
    }

    public OrdStatus ordStatus()
    {
        return ordStatus == null ? OrdStatus.REJECTED : ordStatus;
    }

    public char responseTo()
    {
        return responseTo;
    }

    public int cxlRejReason()
    {
        return cxlRejReason;
    }

    public OrderCancelReject copyFrom(final OrderCancelReject source)
    {
        ClientRequest.copy(orderId, source.orderId);
        ClientRequest.copy(clOrdId, source.clOrdId);
        ClientRequest.copy(origClOrdId, source.origClOrdId);
        ClientRequest.copy(text, source.text);
        ordStatus = source.ordStatus;
        responseTo = source.responseTo;
        cxlRejReason = source.cxlRejReason;
        return this;
    }
}

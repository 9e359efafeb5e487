package dev.bastion.oms.api;

/** BusinessMessageReject (j): an application message the OMS cannot process. */
public final class BusinessReject
{
    /** BusinessRejectReason (380). */
    public static final int OTHER = 0;
    public static final int UNKNOWN_ID = 1;
    public static final int UNKNOWN_SECURITY = 2;
    public static final int UNSUPPORTED_MESSAGE_TYPE = 3;
    public static final int APPLICATION_NOT_AVAILABLE = 4;
    public static final int CONDITIONALLY_REQUIRED_FIELD_MISSING = 5;
    public static final int NOT_AUTHORIZED = 6;

    private final StringBuilder refMsgType = new StringBuilder(4);
    private final StringBuilder businessRejectRefId = new StringBuilder(32);
    private final StringBuilder text = new StringBuilder(64);
    private int refSeqNum;
    private int reason;

    public BusinessReject reset()
    {
        refMsgType.setLength(0);
        businessRejectRefId.setLength(0);
        text.setLength(0);
        refSeqNum = 0;
        reason = OTHER;
        return this;
    }

    public BusinessReject refMsgType(final CharSequence value)
    {
        ClientRequest.copy(refMsgType, value);
        return this;
    }

    /** BusinessRejectRefID (379): the ClOrdID or request id of the rejected message. */
    public BusinessReject businessRejectRefId(final CharSequence value)
    {
        ClientRequest.copy(businessRejectRefId, value);
        return this;
    }

    public BusinessReject text(final CharSequence value)
    {
        ClientRequest.copy(text, value);
        return this;
    }

    public BusinessReject refSeqNum(final int value)
    {
        refSeqNum = value;
        return this;
    }

    public BusinessReject reason(final int value)
    {
        reason = value;
        return this;
    }

    public CharSequence refMsgType()
    {
        return refMsgType;
    }

    public CharSequence businessRejectRefId()
    {
        return businessRejectRefId;
    }

    public CharSequence text()
    {
        return text;
    }

    public int refSeqNum()
    {
        return refSeqNum;
    }

    public int reason()
    {
        return reason;
    }

    public BusinessReject copyFrom(final BusinessReject source)
    {
        ClientRequest.copy(refMsgType, source.refMsgType);
        ClientRequest.copy(businessRejectRefId, source.businessRejectRefId);
        ClientRequest.copy(text, source.text);
        refSeqNum = source.refSeqNum;
        reason = source.reason;
        return this;
    }
}

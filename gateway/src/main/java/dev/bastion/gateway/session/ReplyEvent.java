package dev.bastion.gateway.session;

import dev.bastion.oms.api.BusinessReject;
import dev.bastion.oms.api.ExecutionReport;
import dev.bastion.oms.api.OrderCancelReject;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/** One queued reply to a client session: a pre-allocated slot of the outbound ring, reused. */
final class ReplyEvent
{
    enum Kind
    {
        EXECUTION_REPORT, ORDER_CANCEL_REJECT, BUSINESS_REJECT, RAW
    }

    final ExecutionReport executionReport = new ExecutionReport().reset();
    final OrderCancelReject orderCancelReject = new OrderCancelReject().reset();
    final BusinessReject businessReject = new BusinessReject().reset();
    final ExpandableArrayBuffer rawBody = new ExpandableArrayBuffer(256);
    Kind kind;
    long sessionId;
    String rawMsgType;
    boolean rawPossResend;
    int rawLength;

    /** Makes this event a copy of {@code source} (a kept reply must outlive the ring slot it came in). */
    ReplyEvent copyFrom(final ReplyEvent source)
    {
        kind = source.kind;
        sessionId = source.sessionId;
        switch (source.kind)
        {
            case EXECUTION_REPORT:
                executionReport.copyFrom(source.executionReport);
                break;
            case ORDER_CANCEL_REJECT:
                orderCancelReject.copyFrom(source.orderCancelReject);
                break;
            case BUSINESS_REJECT:
                businessReject.copyFrom(source.businessReject);
                break;
            default:
                raw(source.rawMsgType, source.rawPossResend, source.rawBody, 0, source.rawLength);
                break;
        }
        return this;
    }

    void raw(final String msgType, final boolean possResend, final DirectBuffer body, final int offset, final int length)
    {
        rawMsgType = msgType;
        rawPossResend = possResend;
        rawBody.putBytes(0, body, offset, length);
        rawLength = length;
    }
}

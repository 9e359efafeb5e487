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

    void raw(final String msgType, final boolean possResend, final DirectBuffer body, final int offset, final int length)
    {
        rawMsgType = msgType;
        rawPossResend = possResend;
        rawBody.putBytes(0, body, offset, length);
        rawLength = length;
    }
}

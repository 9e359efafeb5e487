package dev.bastion.oms.api;

import org.agrona.DirectBuffer;

/**
 * How the OMS answers clients: the gateway implements it. Safe to call from any thread; the
 * gateway queues each reply and its session thread writes it, in order per caller. A reply for a
 * session that is not logged on is kept by the gateway and written, in order, after the session's
 * next logon, also after a restart of the gateway (bounded: see the gateway's {@code ReplyBacklog}).
 */
public interface ClientReplies
{
    /** @return true when queued; false when the gateway's queue is full (try again later). */
    boolean sendExecutionReport(long sessionId, ExecutionReport report);

    boolean sendOrderCancelReject(long sessionId, OrderCancelReject reject);

    boolean sendBusinessReject(long sessionId, BusinessReject reject);

    /**
     * Sends the body fields of an application message verbatim under the session's own header,
     * e.g. a copy of a report to a drop-copy session.
     *
     * @param msgType    MsgType (35) of the message.
     * @param possResend sets PossResend (97).
     * @param body       the fields after the standard header and before the trailer, each
     *                   ending in SOH.
     */
    boolean sendRaw(long sessionId, String msgType, boolean possResend, DirectBuffer body, int offset, int length);
}

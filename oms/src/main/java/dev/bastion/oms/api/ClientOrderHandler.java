package dev.bastion.oms.api;

import org.agrona.DirectBuffer;

/**
 * What the gateway hands client order flow to: the OMS implements it. Every method runs on the
 * gateway's session thread with a view that is only valid during the call.
 *
 * <p>A method returns {@code true} when it has taken the request and {@code false} when it is
 * back-pressured (its queue is full): the gateway then offers the same message again later, so
 * nothing is lost and the client's sequence is not broken.
 */
public interface ClientOrderHandler
{
    /** {@link #processedUpTo}: no message of the session was processed. */
    long NOTHING_PROCESSED = -1;
    /** {@link #processedUpTo}: the handler keeps no record, the gateway replays nothing. */
    long REPLAY_NOTHING = Long.MAX_VALUE;

    /**
     * The session's last inbound message the handler had processed when this run started, as
     * {@code sequenceIndex << 32 | MsgSeqNum}: the gateway replays, from its archive and before the
     * session can log on, the session's application messages after it (flagged
     * {@link ClientRequest#replayed()}).
     *
     * @return the mark, {@link #NOTHING_PROCESSED}, or {@link #REPLAY_NOTHING}.
     */
    default long processedUpTo(final long sessionId)
    {
        return REPLAY_NOTHING;
    }

    /** The session logged on; answers for it can be sent from now on. */
    void onLogon(ClientSessionInfo session);

    /** The session's connection ended (logout, network loss, or refused message flow). */
    void onDisconnect(long sessionId);

    /**
     * The session's connection ended and its configuration asks for cancel-on-disconnect: the
     * OMS cancels the session's open orders at the venues (the client hears of it when it logs on
     * again). Handlers that do not cancel treat it as a plain disconnect.
     */
    default void onDisconnect(final long sessionId, final boolean cancelOpenOrders)
    {
        onDisconnect(sessionId);
    }

    /**
     * The gateway answered an order-flow message itself (its throttle refused it) and the handler never
     * sees it: a handler that keeps {@link #processedUpTo} counts it as processed, so that a restart
     * does not replay a message the client was told was refused.
     */
    default void onRefused(final long sessionId, final int sequenceIndex, final int msgSeqNum)
    {
    }

    boolean onNewOrder(NewOrderRequest order);

    boolean onCancelRequest(CancelRequest request);

    boolean onReplaceRequest(ReplaceRequest request);

    boolean onStatusRequest(StatusRequest request);

    boolean onMassCancelRequest(MassCancelRequest request);

    boolean onMassStatusRequest(MassStatusRequest request);

    /**
     * An application message the gateway does not decode itself. The default, and what the OMS
     * does, is to decline it: the gateway then answers the client with a BusinessMessageReject
     * (380 = 3, unsupported message type).
     *
     * @return true when the handler took care of the message.
     */
    default boolean onOtherMessage(
        final long sessionId, final String msgType, final DirectBuffer buffer, final int offset, final int length)
    {
        return false;
    }
}

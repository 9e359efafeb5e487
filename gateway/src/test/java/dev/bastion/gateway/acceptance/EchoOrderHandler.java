package dev.bastion.gateway.acceptance;

import dev.bastion.gateway.support.FixBody;
import dev.bastion.oms.api.BusinessReject;
import dev.bastion.oms.api.CancelRequest;
import dev.bastion.oms.api.ClientOrderHandler;
import dev.bastion.oms.api.ClientReplies;
import dev.bastion.oms.api.ClientRequest;
import dev.bastion.oms.api.ClientSessionInfo;
import dev.bastion.oms.api.MassCancelRequest;
import dev.bastion.oms.api.MassStatusRequest;
import dev.bastion.oms.api.NewOrderRequest;
import dev.bastion.oms.api.ReplaceRequest;
import dev.bastion.oms.api.StatusRequest;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application the QuickFIX acceptance scripts assume (QuickFIX's own test server does the
 * same): it echoes each NewOrderSingle and SecurityDefinition back with the same body fields,
 * ignores a PossResend order whose ClOrdID it has already seen, and declines everything else so
 * the gateway answers "unsupported message type".
 */
final class EchoOrderHandler implements ClientOrderHandler
{
    private final ClientReplies replies;
    private final ExpandableArrayBuffer body = new ExpandableArrayBuffer(512);
    private final Set<String> seenClOrdIds = new HashSet<>();
    private final BusinessReject unsupported = new BusinessReject();
    private final Set<Long> loggedOn = ConcurrentHashMap.newKeySet();

    EchoOrderHandler(final ClientReplies replies)
    {
        this.replies = replies;
    }

    boolean anyLoggedOn()
    {
        return !loggedOn.isEmpty();
    }

    @Override
    public void onLogon(final ClientSessionInfo session)
    {
        seenClOrdIds.clear();
        loggedOn.add(session.sessionId());
    }

    @Override
    public void onDisconnect(final long sessionId)
    {
        loggedOn.remove(sessionId);
    }

    @Override
    public boolean onNewOrder(final NewOrderRequest order)
    {
        final boolean firstSighting = seenClOrdIds.add(order.clOrdId().toString());
        if (order.possResend() && !firstSighting)
        {
            return true;
        }
        return echo(order.sessionId(), "D", order.possResend(), order.rawBuffer(), order.rawOffset(),
            order.rawLength());
    }

    @Override
    public boolean onOtherMessage(
        final long sessionId, final String msgType, final DirectBuffer buffer, final int offset, final int length)
    {
        if (msgType.equals("d"))
        {
            return echo(sessionId, msgType, false, buffer, offset, length);
        }
        return false;
    }

    @Override
    public boolean onCancelRequest(final CancelRequest request)
    {
        return decline(request);
    }

    @Override
    public boolean onReplaceRequest(final ReplaceRequest request)
    {
        return decline(request);
    }

    @Override
    public boolean onStatusRequest(final StatusRequest request)
    {
        return decline(request);
    }

    @Override
    public boolean onMassCancelRequest(final MassCancelRequest request)
    {
        return decline(request);
    }

    @Override
    public boolean onMassStatusRequest(final MassStatusRequest request)
    {
        return decline(request);
    }

    private boolean echo(final long sessionId, final String msgType, final boolean possResend,
        final DirectBuffer buffer, final int offset, final int length)
    {
        final int bodyLength = FixBody.copyBody(buffer, offset, length, body);
        return replies.sendRaw(sessionId, msgType, possResend, body, 0, bodyLength);
    }

    private boolean decline(final ClientRequest request)
    {
        unsupported.reset()
            .refSeqNum(request.msgSeqNum())
            .refMsgType(request.msgType())
            .reason(BusinessReject.UNSUPPORTED_MESSAGE_TYPE)
            .text("Unsupported Message Type");
        return replies.sendBusinessReject(request.sessionId(), unsupported);
    }
}

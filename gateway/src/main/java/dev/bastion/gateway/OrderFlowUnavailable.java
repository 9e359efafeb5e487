package dev.bastion.gateway;

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

/**
 * The gateway with no order management behind it: sessions log on and stay up, and every order
 * message is answered with a BusinessMessageReject (380 = 4, application not available), as the
 * FIX spec has it for a counterparty whose back end is down.
 */
public final class OrderFlowUnavailable implements ClientOrderHandler
{
    private final ClientReplies replies;
    private final BusinessReject reject = new BusinessReject();

    public OrderFlowUnavailable(final ClientReplies replies)
    {
        this.replies = replies;
    }

    @Override
    public void onLogon(final ClientSessionInfo session)
    {
    }

    @Override
    public void onDisconnect(final long sessionId)
    {
    }

    @Override
    public boolean onNewOrder(final NewOrderRequest order)
    {
        return refuse(order, order.clOrdId());
    }

    @Override
    public boolean onCancelRequest(final CancelRequest request)
    {
        return refuse(request, request.clOrdId());
    }

    @Override
    public boolean onReplaceRequest(final ReplaceRequest request)
    {
        return refuse(request, request.clOrdId());
    }

    @Override
    public boolean onStatusRequest(final StatusRequest request)
    {
        return refuse(request, request.clOrdId());
    }

    @Override
    public boolean onMassCancelRequest(final MassCancelRequest request)
    {
        return refuse(request, request.clOrdId());
    }

    @Override
    public boolean onMassStatusRequest(final MassStatusRequest request)
    {
        return refuse(request, request.massStatusReqId());
    }

    private boolean refuse(final ClientRequest request, final CharSequence refId)
    {
        reject.reset()
            .refMsgType(request.msgType())
            .refSeqNum(request.msgSeqNum())
            .businessRejectRefId(refId)
            .reason(BusinessReject.APPLICATION_NOT_AVAILABLE)
            .text("no order management system is running behind this gateway");
        return replies.sendBusinessReject(request.sessionId(), reject);
    }
}

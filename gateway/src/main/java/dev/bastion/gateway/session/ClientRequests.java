package dev.bastion.gateway.session;

import dev.bastion.gateway.codec.ClientCodec;
import dev.bastion.oms.api.CancelRequest;
import dev.bastion.oms.api.ClientOrderHandler;
import dev.bastion.oms.api.ClientRequest;
import dev.bastion.oms.api.MassCancelRequest;
import dev.bastion.oms.api.MassStatusRequest;
import dev.bastion.oms.api.NewOrderRequest;
import dev.bastion.oms.api.ReplaceRequest;
import dev.bastion.oms.api.StatusRequest;
import uk.co.real_logic.artio.dictionary.generation.GenerationUtil;

/**
 * The OMS's views of the order-flow messages (D, F, G, H, q, AF) of one session's codec, reused for
 * every message: filled from the message the codec's decoder last decoded and handed to the
 * {@link ClientOrderHandler}. Shared by the live path and the start-up replay, so that a replayed
 * message reaches the OMS exactly as it would have live.
 */
final class ClientRequests
{
    static final long NEW_ORDER_SINGLE = GenerationUtil.packMessageType("D");
    static final long ORDER_CANCEL_REQUEST = GenerationUtil.packMessageType("F");
    static final long ORDER_CANCEL_REPLACE_REQUEST = GenerationUtil.packMessageType("G");
    static final long ORDER_STATUS_REQUEST = GenerationUtil.packMessageType("H");
    static final long ORDER_MASS_CANCEL_REQUEST = GenerationUtil.packMessageType("q");
    static final long ORDER_MASS_STATUS_REQUEST = GenerationUtil.packMessageType("AF");

    private final ClientCodec codec;
    private final NewOrderRequest newOrder = new NewOrderRequest();
    private final CancelRequest cancel = new CancelRequest();
    private final ReplaceRequest replace = new ReplaceRequest();
    private final StatusRequest status = new StatusRequest();
    private final MassCancelRequest massCancel = new MassCancelRequest();
    private final MassStatusRequest massStatus = new MassStatusRequest();

    ClientRequests(final ClientCodec codec)
    {
        this.codec = codec;
    }

    static boolean isOrderFlow(final long messageType)
    {
        return messageType == NEW_ORDER_SINGLE || messageType == ORDER_CANCEL_REQUEST ||
            messageType == ORDER_CANCEL_REPLACE_REQUEST || messageType == ORDER_STATUS_REQUEST ||
            messageType == ORDER_MASS_CANCEL_REQUEST || messageType == ORDER_MASS_STATUS_REQUEST;
    }

    /** The view of an order-flow message type (one {@link ClientCodec#decoderFor} knows). */
    ClientRequest requestFor(final long messageType)
    {
        if (messageType == NEW_ORDER_SINGLE)
        {
            return newOrder;
        }
        if (messageType == ORDER_CANCEL_REQUEST)
        {
            return cancel;
        }
        if (messageType == ORDER_CANCEL_REPLACE_REQUEST)
        {
            return replace;
        }
        if (messageType == ORDER_STATUS_REQUEST)
        {
            return status;
        }
        if (messageType == ORDER_MASS_CANCEL_REQUEST)
        {
            return massCancel;
        }
        return massStatus;
    }

    /** Fills the view from the decoded message: 0, or the tag of a value refused (see {@link ClientCodec}). */
    int read(final long messageType)
    {
        if (messageType == NEW_ORDER_SINGLE)
        {
            return codec.readNewOrder(newOrder);
        }
        if (messageType == ORDER_CANCEL_REQUEST)
        {
            return codec.readCancel(cancel);
        }
        if (messageType == ORDER_CANCEL_REPLACE_REQUEST)
        {
            return codec.readReplace(replace);
        }
        if (messageType == ORDER_STATUS_REQUEST)
        {
            return codec.readStatus(status);
        }
        if (messageType == ORDER_MASS_CANCEL_REQUEST)
        {
            return codec.readMassCancel(massCancel);
        }
        return codec.readMassStatus(massStatus);
    }

    /** @return false when the handler is back-pressured: offer the same message again. */
    boolean dispatch(final long messageType, final ClientOrderHandler orderHandler)
    {
        if (messageType == NEW_ORDER_SINGLE)
        {
            return orderHandler.onNewOrder(newOrder);
        }
        if (messageType == ORDER_CANCEL_REQUEST)
        {
            return orderHandler.onCancelRequest(cancel);
        }
        if (messageType == ORDER_CANCEL_REPLACE_REQUEST)
        {
            return orderHandler.onReplaceRequest(replace);
        }
        if (messageType == ORDER_STATUS_REQUEST)
        {
            return orderHandler.onStatusRequest(status);
        }
        if (messageType == ORDER_MASS_CANCEL_REQUEST)
        {
            return orderHandler.onMassCancelRequest(massCancel);
        }
        return orderHandler.onMassStatusRequest(massStatus);
    }
}

package dev.bastion.gateway.codec;

import dev.bastion.oms.api.BusinessReject;
import dev.bastion.oms.api.CancelRequest;
import dev.bastion.oms.api.ExecutionReport;
import dev.bastion.oms.api.MassCancelRequest;
import dev.bastion.oms.api.MassStatusRequest;
import dev.bastion.oms.api.NewOrderRequest;
import dev.bastion.oms.api.OrderCancelReject;
import dev.bastion.oms.api.ReplaceRequest;
import dev.bastion.oms.api.StatusRequest;
import uk.co.real_logic.artio.builder.Decoder;
import uk.co.real_logic.artio.builder.Encoder;

/**
 * FIX ⇄ OMS translation for one FIX version, with the Artio codecs generated for it. One instance
 * per session thread: its decoders and encoders are reused for every message.
 *
 * <p>The {@code read*} methods fill a view from the message last decoded by the decoder that
 * {@link #decoderFor} returned; they return 0, or the tag of a value Bastion cannot take (a
 * timestamp in the wrong format, a price with more decimals than {@code FixedPoint} keeps), with
 * the SessionRejectReason in {@link #problemReason()}.
 */
public interface ClientCodec
{
    /** RefTagID value meaning "no tag": the reject is about the message as a whole. */
    int NO_TAG = Integer.MIN_VALUE;

    /** A new codec for a session speaking this BeginString. */
    static ClientCodec forBeginString(final String beginString)
    {
        return "FIX.4.2".equals(beginString) ? new Fix42ClientCodec() : new Fix44ClientCodec();
    }

    /** @return the decoder of an order-flow message type (D, F, G, H, q, AF), or null for any other. */
    Decoder decoderFor(long messageType);

    int readNewOrder(NewOrderRequest out);

    int readCancel(CancelRequest out);

    int readReplace(ReplaceRequest out);

    int readStatus(StatusRequest out);

    int readMassCancel(MassCancelRequest out);

    int readMassStatus(MassStatusRequest out);

    /** SessionRejectReason of the value the last {@code read*} call refused. */
    int problemReason();

    Encoder encode(ExecutionReport report);

    Encoder encode(OrderCancelReject reject);

    Encoder encode(BusinessReject reject);

    /**
     * A session-level Reject (3) of an inbound message that failed validation.
     *
     * @param refTagId the tag at fault (which may be 0 or negative: the client sent that), or
     *                 {@link #NO_TAG} when the reject is about the message as a whole.
     * @param routing  the inbound message's routing header, reversed onto the reply; null for none.
     */
    Encoder encodeSessionReject(
        int refSeqNum, int refTagId, CharSequence refMsgType, int reason, CharSequence text, RawHeader routing);
}

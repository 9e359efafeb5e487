package dev.bastion.gateway.codec;

import dev.bastion.fix.fix44.builder.BusinessMessageRejectEncoder;
import dev.bastion.fix.fix44.builder.ExecutionReportEncoder;
import dev.bastion.fix.fix44.builder.HeaderEncoder;
import dev.bastion.fix.fix44.builder.OrderCancelRejectEncoder;
import dev.bastion.fix.fix44.builder.RejectEncoder;
import dev.bastion.fix.fix44.decoder.NewOrderSingleDecoder;
import dev.bastion.fix.fix44.decoder.OrderCancelReplaceRequestDecoder;
import dev.bastion.fix.fix44.decoder.OrderCancelRequestDecoder;
import dev.bastion.fix.fix44.decoder.OrderMassCancelRequestDecoder;
import dev.bastion.fix.fix44.decoder.OrderMassStatusRequestDecoder;
import dev.bastion.fix.fix44.decoder.OrderStatusRequestDecoder;
import dev.bastion.oms.api.BusinessReject;
import dev.bastion.oms.api.CancelRequest;
import dev.bastion.oms.api.ExecutionReport;
import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.MassCancelRequest;
import dev.bastion.oms.api.MassStatusRequest;
import dev.bastion.oms.api.NewOrderRequest;
import dev.bastion.oms.api.OrderCancelReject;
import dev.bastion.oms.api.OrderFields;
import dev.bastion.oms.api.ReplaceRequest;
import dev.bastion.oms.api.StatusRequest;
import uk.co.real_logic.artio.builder.Decoder;
import uk.co.real_logic.artio.builder.Encoder;

/** {@link ClientCodec} for FIX 4.4 clients. */
public final class Fix44ClientCodec implements ClientCodec
{
    private final NewOrderSingleDecoder newOrder = new NewOrderSingleDecoder();
    private final OrderCancelRequestDecoder cancel = new OrderCancelRequestDecoder();
    private final OrderCancelReplaceRequestDecoder replace = new OrderCancelReplaceRequestDecoder();
    private final OrderStatusRequestDecoder status = new OrderStatusRequestDecoder();
    private final OrderMassCancelRequestDecoder massCancel = new OrderMassCancelRequestDecoder();
    private final OrderMassStatusRequestDecoder massStatus = new OrderMassStatusRequestDecoder();
    private final ExecutionReportEncoder executionReport = new ExecutionReportEncoder();
    private final OrderCancelRejectEncoder cancelReject = new OrderCancelRejectEncoder();
    private final BusinessMessageRejectEncoder businessReject = new BusinessMessageRejectEncoder();
    private final RejectEncoder sessionReject = new RejectEncoder();
    private final FieldConversions conversions = new FieldConversions();
    private final TimestampField transactTime = new TimestampField();

    @Override
    public Decoder decoderFor(final long messageType)
    {
        if (messageType == NewOrderSingleDecoder.MESSAGE_TYPE)
        {
            return newOrder;
        }
        if (messageType == OrderCancelRequestDecoder.MESSAGE_TYPE)
        {
            return cancel;
        }
        if (messageType == OrderCancelReplaceRequestDecoder.MESSAGE_TYPE)
        {
            return replace;
        }
        if (messageType == OrderStatusRequestDecoder.MESSAGE_TYPE)
        {
            return status;
        }
        if (messageType == OrderMassCancelRequestDecoder.MESSAGE_TYPE)
        {
            return massCancel;
        }
        if (messageType == OrderMassStatusRequestDecoder.MESSAGE_TYPE)
        {
            return massStatus;
        }
        return null;
    }

    @Override
    public int readNewOrder(final NewOrderRequest out)
    {
        conversions.clearProblem();
        final NewOrderSingleDecoder in = newOrder;
        out.resetOrderFields();
        out.clOrdId(in.clOrdID(), in.clOrdIDLength());
        out.symbol(in.symbol(), in.symbolLength());
        out.side(in.side());
        out.ordType(in.ordType());
        out.handlInst(in.hasHandlInst() ? in.handlInst() : 0);
        if (in.hasAccount())
        {
            out.account(in.account(), in.accountLength());
        }
        if (in.hasExDestination())
        {
            out.exDestination(in.exDestination(), in.exDestinationLength());
        }
        if (in.hasText())
        {
            out.text(in.text(), in.textLength());
        }
        if (in.hasTimeInForce())
        {
            out.timeInForce(in.timeInForce());
        }
        if (in.hasPrice())
        {
            out.price(conversions.price(44, in.price()));
        }
        if (in.hasStopPx())
        {
            out.stopPrice(conversions.price(99, in.stopPx()));
        }
        if (in.hasOrderQty())
        {
            out.orderQty(conversions.qty(38, in.orderQty()));
        }
        if (in.hasMaxFloor())
        {
            out.maxFloor(conversions.qty(111, in.maxFloor()));
        }
        if (in.hasMinQty())
        {
            out.minQty(conversions.qty(110, in.minQty()));
        }
        if (in.hasExpireTime())
        {
            out.expireTimeNanos(conversions.timestampNanos(126, in.expireTime(), in.expireTimeLength()));
        }
        out.transactTimeNanos(conversions.timestampNanos(60, in.transactTime(), in.transactTimeLength()));
        if (in.hasWinProbability() && in.hasWinLossRatio() && in.hasSizingConfidence())
        {
            out.sizing(in.winProbability().toDouble(), in.winLossRatio().toDouble(),
                in.sizingConfidence().toDouble());
        }
        if (in.hasAlgoStrategy())
        {
            out.algo(
                in.algoStrategy(),
                in.hasAlgoStartTime() ?
                    conversions.timestampNanos(20011, in.algoStartTime(), in.algoStartTimeLength()) : OrderFields.NO_TIME,
                in.hasAlgoEndTime() ?
                    conversions.timestampNanos(20012, in.algoEndTime(), in.algoEndTimeLength()) : OrderFields.NO_TIME,
                in.hasAlgoSliceCount() ? in.algoSliceCount() : 0);
        }
        return conversions.problemTag();
    }

    @Override
    public int readCancel(final CancelRequest out)
    {
        conversions.clearProblem();
        final OrderCancelRequestDecoder in = cancel;
        out.reset();
        out.clOrdId(in.clOrdID(), in.clOrdIDLength());
        out.origClOrdId(in.origClOrdID(), in.origClOrdIDLength());
        out.symbol(in.symbol(), in.symbolLength());
        out.side(in.side());
        if (in.hasOrderID())
        {
            out.orderId(in.orderID(), in.orderIDLength());
        }
        if (in.hasAccount())
        {
            out.account(in.account(), in.accountLength());
        }
        if (in.hasOrderQty())
        {
            out.orderQty(conversions.qty(38, in.orderQty()));
        }
        return conversions.problemTag();
    }

    @Override
    public int readReplace(final ReplaceRequest out)
    {
        conversions.clearProblem();
        final OrderCancelReplaceRequestDecoder in = replace;
        out.resetOrderFields();
        out.clOrdId(in.clOrdID(), in.clOrdIDLength());
        out.origClOrdId(in.origClOrdID(), in.origClOrdIDLength());
        out.symbol(in.symbol(), in.symbolLength());
        out.side(in.side());
        out.ordType(in.ordType());
        out.handlInst(in.hasHandlInst() ? in.handlInst() : 0);
        if (in.hasOrderID())
        {
            out.orderId(in.orderID(), in.orderIDLength());
        }
        if (in.hasAccount())
        {
            out.account(in.account(), in.accountLength());
        }
        if (in.hasText())
        {
            out.text(in.text(), in.textLength());
        }
        if (in.hasTimeInForce())
        {
            out.timeInForce(in.timeInForce());
        }
        if (in.hasPrice())
        {
            out.price(conversions.price(44, in.price()));
        }
        if (in.hasStopPx())
        {
            out.stopPrice(conversions.price(99, in.stopPx()));
        }
        if (in.hasOrderQty())
        {
            out.orderQty(conversions.qty(38, in.orderQty()));
        }
        if (in.hasMaxFloor())
        {
            out.maxFloor(conversions.qty(111, in.maxFloor()));
        }
        if (in.hasExpireTime())
        {
            out.expireTimeNanos(conversions.timestampNanos(126, in.expireTime(), in.expireTimeLength()));
        }
        out.transactTimeNanos(conversions.timestampNanos(60, in.transactTime(), in.transactTimeLength()));
        if (in.hasWinProbability() && in.hasWinLossRatio() && in.hasSizingConfidence())
        {
            out.sizing(in.winProbability().toDouble(), in.winLossRatio().toDouble(),
                in.sizingConfidence().toDouble());
        }
        return conversions.problemTag();
    }

    @Override
    public int readStatus(final StatusRequest out)
    {
        conversions.clearProblem();
        final OrderStatusRequestDecoder in = status;
        out.reset();
        out.clOrdId(in.clOrdID(), in.clOrdIDLength());
        out.symbol(in.symbol(), in.symbolLength());
        out.side(in.side());
        if (in.hasOrderID())
        {
            out.orderId(in.orderID(), in.orderIDLength());
        }
        return conversions.problemTag();
    }

    @Override
    public int readMassCancel(final MassCancelRequest out)
    {
        conversions.clearProblem();
        final OrderMassCancelRequestDecoder in = massCancel;
        out.reset();
        out.clOrdId(in.clOrdID(), in.clOrdIDLength());
        out.massCancelRequestType(in.massCancelRequestType());
        if (in.symbolLength() > 0)
        {
            out.symbol(in.symbol(), in.symbolLength());
        }
        if (in.hasSide())
        {
            out.side(in.side());
        }
        return conversions.problemTag();
    }

    @Override
    public int readMassStatus(final MassStatusRequest out)
    {
        conversions.clearProblem();
        final OrderMassStatusRequestDecoder in = massStatus;
        out.reset();
        out.massStatusReqId(in.massStatusReqID(), in.massStatusReqIDLength());
        out.massStatusReqType(in.massStatusReqType());
        if (in.symbolLength() > 0)
        {
            out.symbol(in.symbol(), in.symbolLength());
        }
        return conversions.problemTag();
    }

    @Override
    public Encoder encode(final ExecutionReport report)
    {
        final ExecutionReportEncoder out = executionReport;
        out.resetMessage();
        out.header().possResend(report.possResend());
        out.orderID(report.orderId())
            .execID(report.execId())
            .execType(report.execType().fixValue())
            .ordStatus(report.ordStatus().fixValue())
            .side(report.side())
            .leavesQty(report.leavesQty(), FixedPoint.QTY_DECIMALS)
            .cumQty(report.cumQty(), FixedPoint.QTY_DECIMALS)
            .avgPx(report.avgPx(), FixedPoint.PRICE_DECIMALS);
        out.instrument().symbol(report.symbol());
        if (report.clOrdId().length() > 0)
        {
            out.clOrdID(report.clOrdId());
        }
        if (report.origClOrdId().length() > 0)
        {
            out.origClOrdID(report.origClOrdId());
        }
        if (report.account().length() > 0)
        {
            out.account(report.account());
        }
        if (report.orderQty() != FixedPoint.NONE)
        {
            out.orderQtyData().orderQty(report.orderQty(), FixedPoint.QTY_DECIMALS);
        }
        if (report.ordType() != 0)
        {
            out.ordType(report.ordType());
        }
        if (report.price() != FixedPoint.NONE)
        {
            out.price(report.price(), FixedPoint.PRICE_DECIMALS);
        }
        if (report.stopPrice() != FixedPoint.NONE)
        {
            out.stopPx(report.stopPrice(), FixedPoint.PRICE_DECIMALS);
        }
        if (report.timeInForce() != 0)
        {
            out.timeInForce(report.timeInForce());
        }
        if (report.lastQty() != 0)
        {
            out.lastQty(report.lastQty(), FixedPoint.QTY_DECIMALS)
                .lastPx(report.lastPx(), FixedPoint.PRICE_DECIMALS);
        }
        if (report.ordRejReason() >= 0)
        {
            out.ordRejReason(report.ordRejReason());
        }
        if (report.riskRejectCode() != 0)
        {
            out.riskRejectCode(report.riskRejectCode());
        }
        if (report.riskWarningText().length() > 0)
        {
            out.riskWarningText(report.riskWarningText());
        }
        if (report.dropCopy())
        {
            out.copyMsgIndicator(true);
        }
        if (report.text().length() > 0)
        {
            out.text(report.text());
        }
        if (report.massStatusReqId().length() > 0)
        {
            out.massStatusReqID(report.massStatusReqId())
                .totNumReports(report.totNumReports())
                .lastRptRequested(report.lastRptRequested());
        }
        out.transactTime(transactTime.buffer(), transactTime.encode(report.transactTimeNanos()));
        return out;
    }

    @Override
    public Encoder encode(final OrderCancelReject reject)
    {
        final OrderCancelRejectEncoder out = cancelReject;
        out.resetMessage();
        out.orderID(reject.orderId())
            .clOrdID(reject.clOrdId())
            .origClOrdID(reject.origClOrdId())
            .ordStatus(reject.ordStatus().fixValue())
            .cxlRejResponseTo(reject.responseTo())
            .cxlRejReason(reject.cxlRejReason());
        if (reject.text().length() > 0)
        {
            out.text(reject.text());
        }
        return out;
    }

    @Override
    public Encoder encode(final BusinessReject reject)
    {
        final BusinessMessageRejectEncoder out = businessReject;
        out.resetMessage();
        out.refMsgType(reject.refMsgType()).businessRejectReason(reject.reason());
        if (reject.refSeqNum() > 0)
        {
            out.refSeqNum(reject.refSeqNum());
        }
        if (reject.businessRejectRefId().length() > 0)
        {
            out.businessRejectRefID(reject.businessRejectRefId());
        }
        if (reject.text().length() > 0)
        {
            out.text(reject.text());
        }
        return out;
    }

    @Override
    public Encoder encodeSessionReject(
        final int refSeqNum,
        final int refTagId,
        final CharSequence refMsgType,
        final int reason,
        final CharSequence text,
        final RawHeader routing)
    {
        final RejectEncoder out = sessionReject;
        out.resetMessage();
        final HeaderEncoder header = out.header();
        header.resetOnBehalfOfCompID();
        header.resetOnBehalfOfSubID();
        header.resetOnBehalfOfLocationID();
        header.resetDeliverToCompID();
        header.resetDeliverToSubID();
        header.resetDeliverToLocationID();
        if (routing != null)
        {
            if (routing.replyDeliverToCompId().length() > 0)
            {
                header.deliverToCompID(routing.replyDeliverToCompId());
            }
            if (routing.replyDeliverToSubId().length() > 0)
            {
                header.deliverToSubID(routing.replyDeliverToSubId());
            }
            if (routing.replyDeliverToLocationId().length() > 0)
            {
                header.deliverToLocationID(routing.replyDeliverToLocationId());
            }
            if (routing.replyOnBehalfOfCompId().length() > 0)
            {
                header.onBehalfOfCompID(routing.replyOnBehalfOfCompId());
            }
            if (routing.replyOnBehalfOfSubId().length() > 0)
            {
                header.onBehalfOfSubID(routing.replyOnBehalfOfSubId());
            }
            if (routing.replyOnBehalfOfLocationId().length() > 0)
            {
                header.onBehalfOfLocationID(routing.replyOnBehalfOfLocationId());
            }
        }
        out.refSeqNum(refSeqNum).sessionRejectReason(reason).text(text);
        if (refTagId != NO_TAG)
        {
            out.refTagID(refTagId);
        }
        if (refMsgType.length() > 0)
        {
            out.refMsgType(refMsgType);
        }
        return out;
    }

    @Override
    public int problemReason()
    {
        return conversions.problemReason();
    }
}

package dev.bastion.oms.venue.fix;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.venue.VenueExecution;
import dev.bastion.oms.venue.VenueOrder;
import quickfix.FieldNotFound;
import quickfix.IncorrectTagValue;
import quickfix.Message;
import quickfix.UtcTimestampPrecision;
import quickfix.field.MsgType;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Predicate;

/**
 * The adapter's FIX mapping: VenueOrders out as NewOrderSingle, OrderCancelRequest,
 * OrderCancelReplaceRequest and status requests; ExecutionReports in as {@link VenueExecution}s
 * in FIX 4.4 terms whatever the session speaks.
 */
final class VenueMessages
{
    /** HandlInst (21) 1: automated execution, no broker intervention (required in FIX 4.2). */
    private static final char AUTOMATED_PRIVATE = '1';
    /** MassStatusReqType (585) 7: status for all orders. */
    private static final int ALL_ORDERS = 7;

    private VenueMessages()
    {
    }

    static Message newOrderSingle(final VenueOrder order)
    {
        final Message message = message(MsgType.ORDER_SINGLE);
        message.setString(FixTags.CL_ORD_ID, order.venueClOrdId());
        terms(message, order);
        return message;
    }

    static Message cancelRequest(final String clOrdId, final String origClOrdId, final VenueOrder order)
    {
        final Message message = message(MsgType.ORDER_CANCEL_REQUEST);
        message.setString(FixTags.ORIG_CL_ORD_ID, origClOrdId);
        message.setString(FixTags.CL_ORD_ID, clOrdId);
        if (order.account() != null)
        {
            message.setString(FixTags.ACCOUNT, order.account());
        }
        message.setString(FixTags.SYMBOL, order.symbol());
        message.setChar(FixTags.SIDE, order.side().fixValue());
        message.setDecimal(FixTags.ORDER_QTY, FixDecimals.qty(order.qty()));
        transactTime(message);
        return message;
    }

    static Message replaceRequest(final String clOrdId, final String origClOrdId, final VenueOrder amended)
    {
        final Message message = message(MsgType.ORDER_CANCEL_REPLACE_REQUEST);
        message.setString(FixTags.ORIG_CL_ORD_ID, origClOrdId);
        message.setString(FixTags.CL_ORD_ID, clOrdId);
        terms(message, amended);
        return message;
    }

    static Message statusRequest(final VenueOrder order, final String requestId, final FixVersion version)
    {
        final Message message = message(MsgType.ORDER_STATUS_REQUEST);
        message.setString(FixTags.CL_ORD_ID, order.venueClOrdId());
        message.setString(FixTags.SYMBOL, order.symbol());
        message.setChar(FixTags.SIDE, order.side().fixValue());
        if (version == FixVersion.FIX44)
        {
            message.setString(FixTags.ORD_STATUS_REQ_ID, requestId);
        }
        return message;
    }

    /** FIX 4.4 only: FIX 4.2 has no OrderMassStatusRequest. */
    static Message massStatusRequest(final String requestId)
    {
        final Message message = message(MsgType.ORDER_MASS_STATUS_REQUEST);
        message.setString(FixTags.MASS_STATUS_REQ_ID, requestId);
        message.setInt(FixTags.MASS_STATUS_REQ_TYPE, ALL_ORDERS);
        return message;
    }

    private static Message message(final String msgType)
    {
        final Message message = new Message();
        message.getHeader().setString(FixTags.MSG_TYPE, msgType);
        return message;
    }

    private static void terms(final Message message, final VenueOrder order)
    {
        message.setChar(FixTags.HANDL_INST, AUTOMATED_PRIVATE);
        if (order.account() != null)
        {
            message.setString(FixTags.ACCOUNT, order.account());
        }
        message.setString(FixTags.SYMBOL, order.symbol());
        message.setChar(FixTags.SIDE, order.side().fixValue());
        transactTime(message);
        message.setDecimal(FixTags.ORDER_QTY, FixDecimals.qty(order.qty()));
        message.setChar(FixTags.ORD_TYPE, order.ordType().fixValue());
        if (order.price() != FixedPoint.NONE)
        {
            message.setDecimal(FixTags.PRICE, FixDecimals.price(order.price()));
        }
        if (order.stopPrice() != FixedPoint.NONE)
        {
            message.setDecimal(FixTags.STOP_PX, FixDecimals.price(order.stopPrice()));
        }
        message.setChar(FixTags.TIME_IN_FORCE, order.timeInForce().fixValue());
        if (order.expireTimeNanos() != VenueOrder.NO_TIME)
        {
            message.setUtcTimeStamp(FixTags.EXPIRE_TIME, FixDecimals.utc(order.expireTimeNanos()),
                UtcTimestampPrecision.MILLIS);
        }
    }

    private static void transactTime(final Message message)
    {
        message.setUtcTimeStamp(FixTags.TRANSACT_TIME, LocalDateTime.now(ZoneOffset.UTC), UtcTimestampPrecision.MILLIS);
    }

    static boolean isPossibleDuplicate(final Message message) throws FieldNotFound
    {
        final Message.Header header = message.getHeader();
        return header.isSetField(FixTags.POSS_DUP_FLAG) && header.getBoolean(FixTags.POSS_DUP_FLAG) ||
            header.isSetField(FixTags.POSS_RESEND) && header.getBoolean(FixTags.POSS_RESEND);
    }

    /**
     * An ExecutionReport in FIX 4.4 terms. FIX 4.2: ExecTransType Cancel is a bust, Correct a
     * correction, Status a status answer; ExecType Partial fill (1) and Fill (2) are trades.
     *
     * @param ownCancelRequest tells whether a ClOrdID is one of this adapter's cancel requests, so
     *                         a Canceled report without one is flagged unsolicited.
     */
    static VenueExecution executionReport(
        final Message message, final FixVersion version, final String venue,
        final Predicate<String> ownCancelRequest) throws FieldNotFound, IncorrectTagValue
    {
        final ExecType execType = execType(message, version);
        final String clOrdId = optional(message, FixTags.CL_ORD_ID);
        final String origClOrdId = optional(message, FixTags.ORIG_CL_ORD_ID);
        final long cumQty = FixDecimals.qty(message.getDecimal(FixTags.CUM_QTY));
        final boolean trades = execType == ExecType.TRADE || execType == ExecType.TRADE_CORRECT;
        final long lastQty = trades && message.isSetField(FixTags.LAST_QTY) ?
            FixDecimals.qty(message.getDecimal(FixTags.LAST_QTY)) : 0;
        final long lastPx = trades && message.isSetField(FixTags.LAST_PX) ?
            FixDecimals.price(message.getDecimal(FixTags.LAST_PX)) : 0;
        final boolean unsolicited = execType == ExecType.CANCELED && origClOrdId == null &&
            (clOrdId == null || !ownCancelRequest.test(clOrdId));
        return new VenueExecution(
            venue,
            clOrdId,
            origClOrdId,
            message.getString(FixTags.ORDER_ID),
            message.getString(FixTags.EXEC_ID),
            optional(message, FixTags.EXEC_REF_ID),
            execType,
            ordStatus(message.getChar(FixTags.ORD_STATUS), cumQty),
            lastQty,
            lastPx,
            cumQty,
            FixDecimals.qty(message.getDecimal(FixTags.LEAVES_QTY)),
            FixDecimals.price(message.getDecimal(FixTags.AVG_PX)),
            optional(message, FixTags.TEXT),
            message.isSetField(FixTags.ORD_REJ_REASON) ? message.getInt(FixTags.ORD_REJ_REASON) :
                VenueExecution.NO_REJECT_REASON,
            message.isSetField(FixTags.TRANSACT_TIME) ?
                FixDecimals.epochNanos(message.getUtcTimeStamp(FixTags.TRANSACT_TIME)) : VenueOrder.NO_TIME,
            unsolicited,
            isPossibleDuplicate(message));
    }

    /** A request the venue refused before it reached its books (session Reject, BusinessMessageReject). */
    static VenueExecution refusedOrder(final String venue, final String clOrdId, final String text)
    {
        return new VenueExecution(venue, clOrdId, null, null, null, null, ExecType.REJECTED, OrdStatus.REJECTED, 0, 0,
            0, 0, 0, text, 0, VenueOrder.NO_TIME, false, false);
    }

    private static ExecType execType(final Message message, final FixVersion version)
        throws FieldNotFound, IncorrectTagValue
    {
        final char code = message.getChar(FixTags.EXEC_TYPE);
        if (version == FixVersion.FIX42 && message.isSetField(FixTags.EXEC_TRANS_TYPE))
        {
            switch (message.getChar(FixTags.EXEC_TRANS_TYPE))
            {
                case '1':
                    return ExecType.TRADE_CANCEL;
                case '2':
                    return ExecType.TRADE_CORRECT;
                case '3':
                    return ExecType.ORDER_STATUS;
                default:
                    break;
            }
        }
        switch (code)
        {
            case '1': // Partial fill and Fill: FIX 4.2, and FIX 4.4 venues that still send them
            case '2':
            case 'F':
                return ExecType.TRADE;
            case '7': // Stopped, Suspended, Calculated: the order stands, nothing to book
            case '9':
            case 'B':
                return ExecType.RESTATED;
            default:
                for (final ExecType execType : ExecType.values())
                {
                    if (execType.fixValue() == code)
                    {
                        return execType;
                    }
                }
                throw new IncorrectTagValue(FixTags.EXEC_TYPE, String.valueOf(code));
        }
    }

    private static OrdStatus ordStatus(final char code, final long cumQty)
    {
        for (final OrdStatus status : OrdStatus.values())
        {
            if (status.fixValue() == code)
            {
                return status;
            }
        }
        // Stopped, Suspended, Calculated, Accepted for bidding: still working.
        return cumQty > 0 ? OrdStatus.PARTIALLY_FILLED : OrdStatus.NEW;
    }

    private static String optional(final Message message, final int tag) throws FieldNotFound
    {
        return message.isSetField(tag) ? message.getString(tag) : null;
    }
}

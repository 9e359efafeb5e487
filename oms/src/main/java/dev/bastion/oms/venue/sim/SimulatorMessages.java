package dev.bastion.oms.venue.sim;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.api.TimeInForce;
import dev.bastion.oms.venue.VenueOrder;
import dev.bastion.oms.venue.fix.FixDecimals;
import dev.bastion.oms.venue.fix.FixTags;
import dev.bastion.oms.venue.fix.FixVersion;
import quickfix.FieldNotFound;
import quickfix.IncorrectTagValue;
import quickfix.Message;
import quickfix.UtcTimestampPrecision;
import quickfix.field.MsgType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The simulator's FIX side: decodes the requests it takes and writes its reports, in FIX 4.4 or
 * FIX 4.2 as the session speaks (4.2 has ExecTransType and reports a trade as ExecType 1/2).
 */
final class SimulatorMessages
{
    private SimulatorMessages()
    {
    }

    static boolean isPossibleDuplicate(final Message message) throws FieldNotFound
    {
        final Message.Header header = message.getHeader();
        return header.isSetField(FixTags.POSS_DUP_FLAG) && header.getBoolean(FixTags.POSS_DUP_FLAG) ||
            header.isSetField(FixTags.POSS_RESEND) && header.getBoolean(FixTags.POSS_RESEND);
    }

    /**
     * A NewOrderSingle (or, with {@code replace}, an OrderCancelReplaceRequest). Terms the
     * simulator does not take become {@link OrderRequest#invalid()} so the answer is a reject
     * with a reason; a Side it cannot report back is refused at the session level.
     */
    static OrderRequest orderRequest(final Message message, final boolean replace, final boolean possibleDuplicate)
        throws FieldNotFound, IncorrectTagValue
    {
        final String clOrdId = message.getString(FixTags.CL_ORD_ID);
        final String origClOrdId = replace ? message.getString(FixTags.ORIG_CL_ORD_ID) : null;
        final String symbol = message.getString(FixTags.SYMBOL);
        final Side side = Side.fromFix(message.getChar(FixTags.SIDE));
        if (side == null)
        {
            throw new IncorrectTagValue(FixTags.SIDE, message.getString(FixTags.SIDE));
        }
        final String account = message.isSetField(FixTags.ACCOUNT) ? message.getString(FixTags.ACCOUNT) : null;

        final FirstProblem problem = new FirstProblem();
        final char ordTypeCode = message.getChar(FixTags.ORD_TYPE);
        final OrdType ordType = OrdType.fromFix(ordTypeCode);
        if (ordType == null)
        {
            problem.add("Unsupported OrdType " + ordTypeCode, MatchingEngine.REJECT_UNSUPPORTED);
        }
        TimeInForce timeInForce = TimeInForce.DAY;
        if (message.isSetField(FixTags.TIME_IN_FORCE))
        {
            final char code = message.getChar(FixTags.TIME_IN_FORCE);
            timeInForce = TimeInForce.fromFix(code);
            if (timeInForce == null || timeInForce == TimeInForce.AT_THE_OPENING)
            {
                problem.add("Unsupported TimeInForce " + code, MatchingEngine.REJECT_UNSUPPORTED);
            }
        }

        long qty = 0;
        if (!message.isSetField(FixTags.ORDER_QTY))
        {
            problem.add("OrderQty (38) is required", MatchingEngine.REJECT_OTHER);
        }
        else
        {
            final BigDecimal value = message.getDecimal(FixTags.ORDER_QTY);
            if (value.signum() <= 0 || !FixDecimals.isExactQty(value))
            {
                problem.add("OrderQty must be positive with at most " + FixedPoint.QTY_DECIMALS + " decimals: " +
                    value.toPlainString(), MatchingEngine.REJECT_OTHER);
            }
            else
            {
                qty = FixDecimals.qty(value);
            }
        }

        final boolean priced = ordType == OrdType.LIMIT || ordType == OrdType.STOP_LIMIT;
        final boolean stopped = ordType == OrdType.STOP || ordType == OrdType.STOP_LIMIT;
        final long price = priced ? positivePrice(message, FixTags.PRICE) : FixedPoint.NONE;
        final long stopPrice = stopped ? positivePrice(message, FixTags.STOP_PX) : FixedPoint.NONE;
        if (priced && price == FixedPoint.NONE)
        {
            problem.add(ordType + " order needs a positive Price (44)", MatchingEngine.REJECT_OTHER);
        }
        if (stopped && stopPrice == FixedPoint.NONE)
        {
            problem.add(ordType + " order needs a positive StopPx (99)", MatchingEngine.REJECT_OTHER);
        }

        long expireTimeNanos = VenueOrder.NO_TIME;
        if (timeInForce == TimeInForce.GOOD_TILL_DATE)
        {
            if (message.isSetField(FixTags.EXPIRE_TIME))
            {
                expireTimeNanos = FixDecimals.epochNanos(message.getUtcTimeStamp(FixTags.EXPIRE_TIME));
            }
            else if (message.isSetField(FixTags.EXPIRE_DATE))
            {
                // ExpireDate: good through that (UTC) day.
                final LocalDate date = LocalDate.parse(message.getString(FixTags.EXPIRE_DATE),
                    DateTimeFormatter.BASIC_ISO_DATE);
                expireTimeNanos = FixDecimals.epochNanos(date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            else
            {
                problem.add("GTD order needs ExpireTime (126) or ExpireDate (432)", MatchingEngine.REJECT_OTHER);
            }
        }
        return new OrderRequest(clOrdId, origClOrdId, symbol, side, ordType, timeInForce, qty, price, stopPrice,
            expireTimeNanos, account, possibleDuplicate, problem.text, problem.reason);
    }

    /** The first thing wrong with a request, which its reject reports. */
    private static final class FirstProblem
    {
        String text;
        int reason;

        void add(final String problem, final int ordRejReason)
        {
            if (text == null)
            {
                text = problem;
                reason = ordRejReason;
            }
        }
    }

    /** @return the fixed-point price of a positive, exactly representable field, else {@link FixedPoint#NONE}. */
    private static long positivePrice(final Message message, final int tag) throws FieldNotFound
    {
        if (!message.isSetField(tag))
        {
            return FixedPoint.NONE;
        }
        final BigDecimal value = message.getDecimal(tag);
        return value.signum() > 0 && FixDecimals.isExactPrice(value) ? FixDecimals.price(value) : FixedPoint.NONE;
    }

    static Message executionReport(final SimExecution execution, final FixVersion version)
    {
        final Message message = new Message();
        message.getHeader().setString(MsgType.FIELD, MsgType.EXECUTION_REPORT);
        message.setString(FixTags.ORDER_ID, execution.orderId());
        if (execution.clOrdId() != null)
        {
            message.setString(FixTags.CL_ORD_ID, execution.clOrdId());
        }
        if (execution.origClOrdId() != null)
        {
            message.setString(FixTags.ORIG_CL_ORD_ID, execution.origClOrdId());
        }
        message.setString(FixTags.EXEC_ID, execution.execId());
        if (execution.execRefId() != null)
        {
            message.setString(FixTags.EXEC_REF_ID, execution.execRefId());
        }
        if (version == FixVersion.FIX42)
        {
            message.setChar(FixTags.EXEC_TRANS_TYPE, execTransType42(execution.execType()));
            message.setChar(FixTags.EXEC_TYPE, execType42(execution));
        }
        else
        {
            message.setChar(FixTags.EXEC_TYPE, execution.execType().fixValue());
        }
        message.setChar(FixTags.ORD_STATUS, execution.ordStatus().fixValue());
        if (execution.ordRejReason() >= 0)
        {
            message.setInt(FixTags.ORD_REJ_REASON, version == FixVersion.FIX42 && execution.ordRejReason() > 8 ?
                MatchingEngine.REJECT_BROKER_OPTION : execution.ordRejReason());
        }
        if (execution.account() != null)
        {
            message.setString(FixTags.ACCOUNT, execution.account());
        }
        message.setString(FixTags.SYMBOL, execution.symbol());
        message.setChar(FixTags.SIDE, execution.side().fixValue());
        if (execution.orderQty() > 0)
        {
            message.setDecimal(FixTags.ORDER_QTY, FixDecimals.qty(execution.orderQty()));
        }
        if (execution.ordType() != null)
        {
            message.setChar(FixTags.ORD_TYPE, execution.ordType().fixValue());
        }
        if (execution.price() != FixedPoint.NONE)
        {
            message.setDecimal(FixTags.PRICE, FixDecimals.price(execution.price()));
        }
        if (execution.stopPrice() != FixedPoint.NONE)
        {
            message.setDecimal(FixTags.STOP_PX, FixDecimals.price(execution.stopPrice()));
        }
        if (execution.timeInForce() != null)
        {
            message.setChar(FixTags.TIME_IN_FORCE, execution.timeInForce().fixValue());
        }
        if (execution.expireTimeNanos() != VenueOrder.NO_TIME)
        {
            message.setUtcTimeStamp(FixTags.EXPIRE_TIME, FixDecimals.utc(execution.expireTimeNanos()),
                UtcTimestampPrecision.MILLIS);
        }
        if (execution.execType() == ExecType.TRADE || execution.execType() == ExecType.TRADE_CORRECT)
        {
            message.setDecimal(FixTags.LAST_QTY, FixDecimals.qty(execution.lastQty()));
            message.setDecimal(FixTags.LAST_PX, FixDecimals.price(execution.lastPx()));
        }
        message.setDecimal(FixTags.LEAVES_QTY, FixDecimals.qty(execution.leavesQty()));
        message.setDecimal(FixTags.CUM_QTY, FixDecimals.qty(execution.cumQty()));
        message.setDecimal(FixTags.AVG_PX, FixDecimals.price(execution.avgPx()));
        message.setUtcTimeStamp(FixTags.TRANSACT_TIME, FixDecimals.utc(execution.transactTimeNanos()),
            UtcTimestampPrecision.MILLIS);
        if (execution.text() != null)
        {
            message.setString(FixTags.TEXT, execution.text());
        }
        if (version == FixVersion.FIX44)
        {
            if (execution.statusRequestId() != null)
            {
                message.setString(FixTags.ORD_STATUS_REQ_ID, execution.statusRequestId());
            }
            if (execution.massStatusRequestId() != null)
            {
                message.setString(FixTags.MASS_STATUS_REQ_ID, execution.massStatusRequestId());
                message.setInt(FixTags.TOT_NUM_REPORTS, execution.totalReports());
                message.setBoolean(FixTags.LAST_RPT_REQUESTED, execution.lastReport());
            }
        }
        return message;
    }

    static Message orderCancelReject(final SimCancelReject reject, final FixVersion version)
    {
        final Message message = new Message();
        message.getHeader().setString(MsgType.FIELD, MsgType.ORDER_CANCEL_REJECT);
        message.setString(FixTags.ORDER_ID, reject.orderId());
        message.setString(FixTags.CL_ORD_ID, reject.clOrdId());
        message.setString(FixTags.ORIG_CL_ORD_ID, reject.origClOrdId());
        message.setChar(FixTags.ORD_STATUS, reject.ordStatus().fixValue());
        message.setChar(FixTags.CXL_REJ_RESPONSE_TO, reject.forReplace() ? '2' : '1');
        // FIX 4.2 knows reasons 0-3 only: duplicate ClOrdID and "other" become 2, broker option.
        message.setInt(FixTags.CXL_REJ_REASON, version == FixVersion.FIX42 && reject.cxlRejReason() > 3 ? 2 :
            reject.cxlRejReason());
        message.setString(FixTags.TEXT, reject.text());
        return message;
    }

    /** FIX 4.2: ExecTransType says whether a report is new, a bust, a correction or a status. */
    private static char execTransType42(final ExecType execType)
    {
        switch (execType)
        {
            case TRADE_CANCEL:
                return '1';
            case TRADE_CORRECT:
                return '2';
            case ORDER_STATUS:
                return '3';
            default:
                return '0';
        }
    }

    /**
     * FIX 4.2 ExecType: a trade is Partial fill (1) or Fill (2); busts, corrections and status
     * answers carry the order's state.
     */
    private static char execType42(final SimExecution execution)
    {
        switch (execution.execType())
        {
            case TRADE:
                return execution.ordStatus() == OrdStatus.FILLED ? '2' : '1';
            case TRADE_CANCEL:
            case TRADE_CORRECT:
            case ORDER_STATUS:
                return execution.ordStatus().fixValue();
            default:
                return execution.execType().fixValue();
        }
    }
}

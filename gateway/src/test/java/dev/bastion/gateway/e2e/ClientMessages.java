package dev.bastion.gateway.e2e;

import quickfix.Message;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** FIX 4.4 requests as a client writes them, tag by tag. */
final class ClientMessages
{
    static final char BUY = '1';
    static final char SELL = '2';
    static final char MARKET = '1';
    static final char LIMIT = '2';
    static final char STOP = '3';
    static final char STOP_LIMIT = '4';
    static final char DAY = '0';
    static final char GTC = '1';
    static final char IOC = '3';
    static final char FOK = '4';
    static final char GTD = '6';

    private ClientMessages()
    {
    }

    /**
     * A NewOrderSingle.
     *
     * @param price     Price (44), or 0 for none.
     * @param stopPrice StopPx (99), or 0 for none.
     */
    static Message newOrder(
        final String clOrdId, final char side, final double qty, final String symbol, final char ordType,
        final double price, final double stopPrice, final char timeInForce)
    {
        final Message order = message("D");
        order.setString(11, clOrdId);
        order.setString(1, OrderFlowHarness.ACCOUNT);
        order.setChar(21, '1');
        order.setString(55, symbol);
        order.setChar(54, side);
        order.setDecimal(38, BigDecimal.valueOf(qty));
        order.setChar(40, ordType);
        if (price > 0)
        {
            order.setDecimal(44, BigDecimal.valueOf(price));
        }
        if (stopPrice > 0)
        {
            order.setDecimal(99, BigDecimal.valueOf(stopPrice));
        }
        order.setChar(59, timeInForce);
        order.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        return order;
    }

    static Message limit(final String clOrdId, final char side, final double qty, final String symbol,
        final double price, final char timeInForce)
    {
        return newOrder(clOrdId, side, qty, symbol, LIMIT, price, 0, timeInForce);
    }

    static Message cancel(final String clOrdId, final String origClOrdId, final char side, final double qty,
        final String symbol)
    {
        final Message cancel = message("F");
        cancel.setString(41, origClOrdId);
        cancel.setString(11, clOrdId);
        cancel.setString(1, OrderFlowHarness.ACCOUNT);
        cancel.setString(55, symbol);
        cancel.setChar(54, side);
        cancel.setDecimal(38, BigDecimal.valueOf(qty));
        cancel.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        return cancel;
    }

    static Message replace(final String clOrdId, final String origClOrdId, final char side, final double qty,
        final String symbol, final char ordType, final double price, final double stopPrice, final char timeInForce)
    {
        final Message replace = message("G");
        replace.setString(41, origClOrdId);
        replace.setString(11, clOrdId);
        replace.setString(1, OrderFlowHarness.ACCOUNT);
        replace.setChar(21, '1');
        replace.setString(55, symbol);
        replace.setChar(54, side);
        replace.setDecimal(38, BigDecimal.valueOf(qty));
        replace.setChar(40, ordType);
        if (price > 0)
        {
            replace.setDecimal(44, BigDecimal.valueOf(price));
        }
        if (stopPrice > 0)
        {
            replace.setDecimal(99, BigDecimal.valueOf(stopPrice));
        }
        replace.setChar(59, timeInForce);
        replace.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        return replace;
    }

    static Message status(final String clOrdId, final char side, final String symbol)
    {
        final Message status = message("H");
        status.setString(11, clOrdId);
        status.setString(55, symbol);
        status.setChar(54, side);
        return status;
    }

    static Message massCancel(final String clOrdId, final String symbol)
    {
        final Message cancel = message("q");
        cancel.setString(11, clOrdId);
        cancel.setChar(530, '1');
        cancel.setString(55, symbol);
        cancel.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        return cancel;
    }

    static Message massStatus(final String requestId, final String symbol)
    {
        final Message status = message("AF");
        status.setString(584, requestId);
        status.setInt(585, 1);
        status.setString(55, symbol);
        return status;
    }

    private static Message message(final String msgType)
    {
        final Message message = new Message();
        message.getHeader().setString(8, "FIX.4.4");
        message.getHeader().setString(35, msgType);
        return message;
    }
}

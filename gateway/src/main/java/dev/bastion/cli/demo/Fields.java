package dev.bastion.cli.demo;

import quickfix.FieldMap;
import quickfix.FieldNotFound;
import quickfix.Message;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Reading and writing the few FIX fields the demo prints and sends. */
final class Fields
{
    private Fields()
    {
    }

    /** The field's value, or "" when the message does not carry it. */
    static String get(final FieldMap message, final int tag)
    {
        try
        {
            return message.isSetField(tag) ? message.getString(tag) : "";
        }
        catch (final FieldNotFound ex)
        {
            return "";
        }
    }

    /** A decimal field as the client would write it (no trailing zeros), or "0". */
    static String decimal(final Message message, final int tag)
    {
        final String value = get(message, tag);
        return value.isEmpty() ? "0" : new BigDecimal(value).stripTrailingZeros().toPlainString();
    }

    /** ClOrdID, with OrigClOrdID in brackets when the message carries one. */
    static String clOrdIds(final Message message)
    {
        final String orig = get(message, 41);
        return get(message, 11) + (orig.isEmpty() ? "" : " (" + orig + ")");
    }

    static String quantities(final Message message)
    {
        final String price = get(message, 44);
        return "qty " + decimal(message, 38) + (price.isEmpty() ? "" : " @ " + decimal(message, 44)) +
            "  cum " + decimal(message, 14) + "  leaves " + decimal(message, 151) + "  avgPx " + decimal(message, 6);
    }

    /** LastQty @ LastPx of a fill, OrdRejReason, RiskRejectCode (20020), RiskWarningText (20021), Text. */
    static String extras(final Message message)
    {
        final StringBuilder extras = new StringBuilder();
        if (!get(message, 32).isEmpty() && !"0".equals(decimal(message, 32)))
        {
            extras.append("  last ").append(decimal(message, 32)).append(" @ ").append(decimal(message, 31));
        }
        if (!get(message, 103).isEmpty())
        {
            extras.append("  OrdRejReason ").append(get(message, 103));
        }
        if (!get(message, 20020).isEmpty())
        {
            extras.append("  RiskRejectCode ").append(get(message, 20020));
        }
        if (!get(message, 20021).isEmpty())
        {
            extras.append("  warnings ").append(get(message, 20021));
        }
        return extras.append(text(message)).toString();
    }

    static String text(final Message message)
    {
        final String text = get(message, 58);
        return text.isEmpty() ? "" : "  \"" + text + "\"";
    }

    static Message newOrder(
        final String beginString, final String clOrdId, final String account, final char side, final double qty,
        final String symbol, final char ordType, final double price, final char timeInForce)
    {
        final Message order = message(beginString, "D");
        order.setString(11, clOrdId);
        order.setString(1, account);
        order.setChar(21, '1');
        order.setString(55, symbol);
        order.setChar(54, side);
        order.setDecimal(38, BigDecimal.valueOf(qty));
        order.setChar(40, ordType);
        if (price > 0)
        {
            order.setDecimal(44, BigDecimal.valueOf(price));
        }
        order.setChar(59, timeInForce);
        order.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        return order;
    }

    static Message cancel(
        final String beginString, final String clOrdId, final String origClOrdId, final String account,
        final char side, final double qty, final String symbol)
    {
        final Message cancel = message(beginString, "F");
        cancel.setString(41, origClOrdId);
        cancel.setString(11, clOrdId);
        cancel.setString(1, account);
        cancel.setString(55, symbol);
        cancel.setChar(54, side);
        cancel.setDecimal(38, BigDecimal.valueOf(qty));
        cancel.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        return cancel;
    }

    static Message replace(
        final String beginString, final String clOrdId, final String origClOrdId, final String account,
        final char side, final double qty, final String symbol, final double price, final char timeInForce)
    {
        final Message replace = message(beginString, "G");
        replace.setString(41, origClOrdId);
        replace.setString(11, clOrdId);
        replace.setString(1, account);
        replace.setChar(21, '1');
        replace.setString(55, symbol);
        replace.setChar(54, side);
        replace.setDecimal(38, BigDecimal.valueOf(qty));
        replace.setChar(40, '2');
        replace.setDecimal(44, BigDecimal.valueOf(price));
        replace.setChar(59, timeInForce);
        replace.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        return replace;
    }

    private static Message message(final String beginString, final String msgType)
    {
        final Message message = new Message();
        message.getHeader().setString(8, beginString);
        message.getHeader().setString(35, msgType);
        return message;
    }
}

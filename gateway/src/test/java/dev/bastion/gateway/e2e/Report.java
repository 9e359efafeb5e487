package dev.bastion.gateway.e2e;

import quickfix.FieldNotFound;
import quickfix.Message;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exact assertions on one message from the gateway, field by field, so a failure names the tag:
 * {@code Report.of(message).is8().execType('0').ordStatus('0').cum("0").leaves("100")}.
 */
final class Report
{
    private final Message message;

    private Report(final Message message)
    {
        this.message = message;
    }

    static Report of(final Message message)
    {
        return new Report(message);
    }

    Message message()
    {
        return message;
    }

    Report msgType(final String msgType)
    {
        assertThat(header(35)).as("MsgType (35) of %s", this).isEqualTo(msgType);
        return this;
    }

    /** An ExecutionReport for this ClOrdID. */
    Report er(final String clOrdId)
    {
        return msgType("8").tag(11, clOrdId);
    }

    Report execType(final char execType)
    {
        return tag(150, String.valueOf(execType));
    }

    Report ordStatus(final char ordStatus)
    {
        return tag(39, String.valueOf(ordStatus));
    }

    Report cum(final String cumQty)
    {
        return decimal(14, cumQty);
    }

    Report leaves(final String leavesQty)
    {
        return decimal(151, leavesQty);
    }

    Report avgPx(final String avgPx)
    {
        return decimal(6, avgPx);
    }

    Report orderQty(final String orderQty)
    {
        return decimal(38, orderQty);
    }

    Report last(final String lastQty, final String lastPx)
    {
        return decimal(32, lastQty).decimal(31, lastPx);
    }

    Report noFill()
    {
        assertThat(message.isSetField(32) && new BigDecimal(value(32)).signum() != 0)
            .as("LastQty (32) of %s", this).isFalse();
        return this;
    }

    Report orig(final String origClOrdId)
    {
        return tag(41, origClOrdId);
    }

    Report noOrig()
    {
        return absent(41);
    }

    Report orderId(final String orderId)
    {
        return tag(37, orderId);
    }

    String orderId()
    {
        return value(37);
    }

    Report tag(final int tag, final String expected)
    {
        assertThat(message.isSetField(tag)).as("tag %d present in %s", tag, this).isTrue();
        assertThat(value(tag)).as("tag %d of %s", tag, this).isEqualTo(expected);
        return this;
    }

    Report decimal(final int tag, final String expected)
    {
        assertThat(message.isSetField(tag)).as("tag %d present in %s", tag, this).isTrue();
        assertThat(new BigDecimal(value(tag))).as("tag %d of %s", tag, this).isEqualByComparingTo(expected);
        return this;
    }

    Report absent(final int tag)
    {
        assertThat(message.isSetField(tag)).as("tag %d absent from %s", tag, this).isFalse();
        return this;
    }

    Report textContains(final String text)
    {
        assertThat(value(58)).as("Text (58) of %s", this).contains(text);
        return this;
    }

    String value(final int tag)
    {
        try
        {
            return message.isSetField(tag) ? message.getString(tag) : null;
        }
        catch (final FieldNotFound ex)
        {
            throw new AssertionError(ex);
        }
    }

    private String header(final int tag)
    {
        try
        {
            return message.getHeader().getString(tag);
        }
        catch (final FieldNotFound ex)
        {
            throw new AssertionError(ex);
        }
    }

    @Override
    public String toString()
    {
        return message.toString().replace('\u0001', '|');
    }
}

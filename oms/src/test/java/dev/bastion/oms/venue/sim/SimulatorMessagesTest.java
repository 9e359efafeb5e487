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
import org.junit.jupiter.api.Test;
import quickfix.IncorrectTagValue;
import quickfix.Message;

import java.math.BigDecimal;
import java.time.Instant;

import static dev.bastion.oms.api.FixedPoint.price;
import static dev.bastion.oms.api.FixedPoint.qty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulator's FIX side without sockets: what it accepts, what it refuses and why, and how it writes reports. */
class SimulatorMessagesTest
{
    @Test
    void shouldDecodeALimitOrderExactly() throws Exception
    {
        final OrderRequest request =
            SimulatorMessages.orderRequest(order('2', "0", "100.5", "0.00000001"), false, false);

        assertThat(request.invalid()).isNull();
        assertThat(request.ordType()).isEqualTo(OrdType.LIMIT);
        assertThat(request.timeInForce()).isEqualTo(TimeInForce.DAY);
        assertThat(request.qty()).isEqualTo(qty(100.5));
        assertThat(request.price()).isEqualTo(1L);
        assertThat(request.stopPrice()).isEqualTo(FixedPoint.NONE);
    }

    @Test
    void shouldRefuseUnsupportedTermsWithUnsupportedOrderCharacteristic() throws Exception
    {
        final OrderRequest onClose = SimulatorMessages.orderRequest(order('5', "0", "10", null), false, false);
        final OrderRequest atOpen = SimulatorMessages.orderRequest(order('1', "2", "10", null), false, false);

        assertThat(onClose.invalid()).isEqualTo("Unsupported OrdType 5");
        assertThat(onClose.invalidReason()).isEqualTo(MatchingEngine.REJECT_UNSUPPORTED);
        assertThat(atOpen.invalid()).isEqualTo("Unsupported TimeInForce 2");
    }

    @Test
    void shouldRefuseMissingOrInexactTermsWithOther() throws Exception
    {
        assertThat(SimulatorMessages.orderRequest(order('2', "0", "10", null), false, false).invalid())
            .isEqualTo("LIMIT order needs a positive Price (44)");
        assertThat(SimulatorMessages.orderRequest(order('2', "0", "10.00001", "1"), false, false).invalid())
            .isEqualTo("OrderQty must be positive with at most 4 decimals: 10.00001");
        assertThat(SimulatorMessages.orderRequest(order('2', "0", "10", "1.000000001"), false, false).invalid())
            .isEqualTo("LIMIT order needs a positive Price (44)");
        final OrderRequest gtd = SimulatorMessages.orderRequest(order('2', "6", "10", "1"), false, false);
        assertThat(gtd.invalid()).isEqualTo("GTD order needs ExpireTime (126) or ExpireDate (432)");
        assertThat(gtd.invalidReason()).isEqualTo(MatchingEngine.REJECT_OTHER);
    }

    @Test
    void shouldReadAnExpireDateAsGoodThroughThatDay() throws Exception
    {
        final Message message = order('2', "6", "10", "1");
        message.setString(FixTags.EXPIRE_DATE, "20260302");

        final OrderRequest request = SimulatorMessages.orderRequest(message, false, false);

        assertThat(request.expireTimeNanos()).isEqualTo(FixDecimals.epochNanos(Instant.parse("2026-03-03T00:00:00Z")));
    }

    @Test
    void shouldRefuseASideItCannotReportBackAtTheSessionLevel()
    {
        final Message message = order('1', "0", "10", null);
        message.setChar(FixTags.SIDE, '7');

        assertThatThrownBy(() -> SimulatorMessages.orderRequest(message, false, false))
            .isInstanceOf(IncorrectTagValue.class);
    }

    @Test
    void shouldWriteAFix42TradeAsPartialFillOrFillWithExecTransTypeNew() throws Exception
    {
        final Message partial = SimulatorMessages.executionReport(trade(OrdStatus.PARTIALLY_FILLED, ExecType.TRADE),
            FixVersion.FIX42);
        final Message bust = SimulatorMessages.executionReport(trade(OrdStatus.NEW, ExecType.TRADE_CANCEL),
            FixVersion.FIX42);
        final Message fix44 = SimulatorMessages.executionReport(trade(OrdStatus.FILLED, ExecType.TRADE),
            FixVersion.FIX44);

        assertThat(partial.getChar(FixTags.EXEC_TRANS_TYPE)).isEqualTo('0');
        assertThat(partial.getChar(FixTags.EXEC_TYPE)).isEqualTo('1');
        assertThat(partial.getString(FixTags.LAST_QTY)).isEqualTo("40");
        assertThat(partial.getString(FixTags.LAST_PX)).isEqualTo("99.5");
        assertThat(bust.getChar(FixTags.EXEC_TRANS_TYPE)).isEqualTo('1');
        assertThat(bust.getString(FixTags.EXEC_REF_ID)).isEqualTo("E0");
        assertThat(bust.isSetField(FixTags.LAST_QTY)).isFalse();
        assertThat(fix44.isSetField(FixTags.EXEC_TRANS_TYPE)).isFalse();
        assertThat(fix44.getChar(FixTags.EXEC_TYPE)).isEqualTo('F');
        assertThat(fix44.getDecimal(FixTags.AVG_PX)).isEqualTo(new BigDecimal("99.5"));
    }

    private static SimExecution trade(final OrdStatus status, final ExecType execType)
    {
        return new SimExecution("S", "O1", "A", null, "E1", execType == ExecType.TRADE ? null : "E0", execType, status,
            "AAPL", Side.BUY, OrdType.LIMIT, TimeInForce.DAY, qty(100), price(100), FixedPoint.NONE, VenueOrder.NO_TIME,
            null, execType == ExecType.TRADE ? qty(40) : 0, execType == ExecType.TRADE ? price(99.5) : 0, qty(40),
            qty(60), price(99.5), null, -1, 0, null, null, 0, false, false);
    }

    private static Message order(final char ordType, final String timeInForce, final String qty, final String price)
    {
        final Message message = new Message();
        message.getHeader().setString(FixTags.MSG_TYPE, "D");
        message.setString(FixTags.CL_ORD_ID, "A");
        message.setString(FixTags.SYMBOL, "AAPL");
        message.setChar(FixTags.SIDE, '1');
        message.setChar(FixTags.ORD_TYPE, ordType);
        message.setString(FixTags.TIME_IN_FORCE, timeInForce);
        message.setString(FixTags.ORDER_QTY, qty);
        if (price != null)
        {
            message.setString(FixTags.PRICE, price);
        }
        return message;
    }
}

package dev.bastion.bench.load;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import quickfix.DataDictionary;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.MsgSeqNum;
import quickfix.field.OrderQty;
import quickfix.field.Price;
import quickfix.field.SendingTime;
import quickfix.field.Side;
import quickfix.field.TransactTime;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewOrderSingleTemplateTest
{
    private static final DataDictionary FIX44 = dictionary();

    private final NewOrderSingleTemplate template =
        new NewOrderSingleTemplate("BENCH", "BASTION", "P1-", "ACC-7", "AAPL", 19_000);
    private final byte[] buffer = new byte[1024];

    @Property(tries = 500)
    void shouldWriteAMessageQuickFixJParsesAndValidatesForAnySequenceNumberAndOrder(
        @ForAll @IntRange(min = 1, max = Integer.MAX_VALUE) final int msgSeqNum,
        @ForAll @LongRange(min = 0, max = 9_999_999_999L) final long orderNumber,
        @ForAll @LongRange(min = 0, max = 4_102_444_799_999L) final long epochMillis) throws Exception
    {
        final int offset = 17;
        final int length = template.encode(buffer, offset, msgSeqNum, orderNumber, epochMillis);
        final String wire = FixText.wire(buffer, offset, length);

        assertThat(FixText.statedBodyLength(wire)).isEqualTo(FixText.countedBodyLength(wire));
        assertThat(FixText.statedChecksum(wire)).isEqualTo(FixText.countedChecksum(wire));
        assertThat(length).isLessThanOrEqualTo(template.maxLength());

        // QuickFIX/J checks BodyLength and CheckSum when asked to validate, then the dictionary the rest.
        final Message message = new Message(wire, FIX44, true);
        FIX44.validate(message);
        assertThat(message.getHeader().getInt(MsgSeqNum.FIELD)).isEqualTo(msgSeqNum);
        assertThat(message.getString(ClOrdID.FIELD)).isEqualTo(String.format("P1-%010d", orderNumber));
        assertThat(message.getChar(Side.FIELD)).isEqualTo(orderNumber % 2 == 0 ? Side.BUY : Side.SELL);
        final LocalDateTime expected = LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
        final long pair = orderNumber / 2;
        assertThat(message.getDecimal(OrderQty.FIELD))
            .isEqualByComparingTo(BigDecimal.valueOf(100 + pair / 1000 % 900));
        assertThat(message.getDecimal(Price.FIELD))
            .isEqualByComparingTo(BigDecimal.valueOf(18_500 + pair % 1000, 2));
        assertThat(message.getHeader().getUtcTimeStamp(SendingTime.FIELD)).isEqualTo(expected);
        assertThat(message.getUtcTimeStamp(TransactTime.FIELD)).isEqualTo(expected);
    }

    @Test
    void shouldPatchOnlyWhatChangesBetweenTwoOrders()
    {
        final long now = Instant.parse("2026-11-24T21:13:17.772Z").toEpochMilli();
        final String first = FixText.readable(buffer, 0, template.encode(buffer, 0, 9, 41, now));
        final String second = FixText.readable(buffer, 0, template.encode(buffer, 0, 10, 42, now + 1));

        assertThat(first).isEqualTo("8=FIX.4.4|9=150|35=D|34=9|49=BENCH|56=BASTION|52=20261124-21:13:17.772|" +
            "11=P1-0000000041|1=ACC-7|21=1|55=AAPL|54=2|60=20261124-21:13:17.772|38=100|40=2|44=185.20|59=0|10=" +
            first.substring(first.length() - 4));
        assertThat(second).startsWith("8=FIX.4.4|9=151|35=D|34=10|49=BENCH|56=BASTION|52=20261124-21:13:17.773|" +
            "11=P1-0000000042|1=ACC-7|21=1|55=AAPL|54=1|60=20261124-21:13:17.773|38=100|40=2|44=185.21|59=0|10=");
    }

    @Test
    void shouldSendEachPairAsABuyAndASellOfTheSameTermsAndNoTwoOrdersOfASideAlike()
    {
        final Set<String> buys = new HashSet<>();
        final Set<String> sells = new HashSet<>();
        final int pairs = 20_000;
        for (long pair = 0; pair < pairs; pair++)
        {
            final String buy = terms(2 * pair);
            final String sell = terms(2 * pair + 1);
            assertThat(buy).startsWith("54=1|");
            assertThat(sell).startsWith("54=2|");
            assertThat(sell.substring(5)).isEqualTo(buy.substring(5));
            buys.add(buy);
            sells.add(sell);
        }
        assertThat(buys).hasSize(pairs);
        assertThat(sells).hasSize(pairs);
    }

    @Test
    void shouldRefuseAPriceWhoseRangeChangesTheNumberOfDigits()
    {
        assertThatThrownBy(() -> new NewOrderSingleTemplate("BENCH", "BASTION", "P1-", "ACC-7", "AAPL", 10_200))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("prices from 9700 to 10699 cents do not all have as many digits: choose another price");
    }

    /** Side, OrderQty and Price of an order, as "54=1|38=...|44=...". */
    private String terms(final long orderNumber)
    {
        final String message = FixText.readable(buffer, 0, template.encode(buffer, 0, 2, orderNumber, 0));
        final int side = message.indexOf("|54=") + 1;
        final String sideField = message.substring(side, message.indexOf('|', side));
        final int quantity = message.indexOf("|38=") + 1;
        return sideField + "|" + message.substring(quantity, message.indexOf("|59="));
    }

    @Test
    void shouldReadTheOrderNumberBackFromItsOwnClOrdIdOnly()
    {
        final byte[] own = "P1-0000000042".getBytes();
        final byte[] otherPhase = "P2-0000000042".getBytes();
        final byte[] notANumber = "P1-00000000x2".getBytes();

        assertThat(template.orderNumber(own, 0, own.length)).isEqualTo(42);
        assertThat(template.orderNumber(otherPhase, 0, otherPhase.length)).isEqualTo(-1);
        assertThat(template.orderNumber(notANumber, 0, notANumber.length)).isEqualTo(-1);
        assertThat(template.orderNumber(own, 0, own.length - 1)).isEqualTo(-1);
        assertThat(template.clOrdId(42)).isEqualTo("P1-0000000042");
    }

    @Test
    void shouldWriteSendingTimeLikeJavaTimeAcrossMidnightAndLeapDays()
    {
        final UtcTimestampWriter writer = new UtcTimestampWriter();
        final byte[] out = new byte[UtcTimestampWriter.LENGTH];
        final java.time.format.DateTimeFormatter format =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
        Instant instant = Instant.parse("2024-02-28T23:59:59.998Z");
        for (int i = 0; i < 200_000; i++)
        {
            assertThat(writer.write(out, 0, instant.toEpochMilli())).isEqualTo(UtcTimestampWriter.LENGTH);
            assertThat(new String(out)).isEqualTo(format.format(instant));
            instant = instant.plus(i % 7 == 0 ? 86_399_999 : 1, ChronoUnit.MILLIS);
        }
    }

    private static DataDictionary dictionary()
    {
        try
        {
            return new DataDictionary("FIX44.xml");
        }
        catch (final quickfix.ConfigError ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}

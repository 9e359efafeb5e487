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
import quickfix.field.SendingTime;
import quickfix.field.Side;
import quickfix.field.TransactTime;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

class NewOrderSingleTemplateTest
{
    private static final DataDictionary FIX44 = dictionary();

    private final NewOrderSingleTemplate template =
        new NewOrderSingleTemplate("BENCH", "BASTION", "P1-", "ACC-7", "AAPL", "100", "190.25");
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
            "11=P1-0000000041|1=ACC-7|21=1|55=AAPL|54=2|60=20261124-21:13:17.772|38=100|40=2|44=190.25|59=0|10=" +
            first.substring(first.length() - 4));
        assertThat(second).startsWith("8=FIX.4.4|9=151|35=D|34=10|49=BENCH|56=BASTION|52=20261124-21:13:17.773|" +
            "11=P1-0000000042|1=ACC-7|21=1|55=AAPL|54=1|60=20261124-21:13:17.773|38=100|40=2|44=190.25|59=0|10=");
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

package dev.bastion.gateway.e2e;

import dev.bastion.gateway.support.QuickFixClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static dev.bastion.gateway.e2e.ClientMessages.BUY;
import static dev.bastion.gateway.e2e.ClientMessages.DAY;
import static dev.bastion.gateway.e2e.ClientMessages.FOK;
import static dev.bastion.gateway.e2e.ClientMessages.GTC;
import static dev.bastion.gateway.e2e.ClientMessages.GTD;
import static dev.bastion.gateway.e2e.ClientMessages.IOC;
import static dev.bastion.gateway.e2e.ClientMessages.LIMIT;
import static dev.bastion.gateway.e2e.ClientMessages.MARKET;
import static dev.bastion.gateway.e2e.ClientMessages.SELL;
import static dev.bastion.gateway.e2e.ClientMessages.STOP;
import static dev.bastion.gateway.e2e.ClientMessages.STOP_LIMIT;
import static dev.bastion.gateway.e2e.ClientMessages.cancel;
import static dev.bastion.gateway.e2e.ClientMessages.limit;
import static dev.bastion.gateway.e2e.ClientMessages.newOrder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each OrdType, TimeInForce and order state transition end to end over real sockets: QuickFIX/J
 * client, gateway, OMS pipeline with the risk engine, FIX venue adapter, venue simulator, and back.
 * Every ExecutionReport is checked field by field. Each test trades its own symbol and leaves no
 * order open, so the tests share one running system.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderLifecycleEndToEndTest
{
    private OrderFlowHarness bastion;

    @BeforeAll
    void start(@TempDir final Path directory) throws IOException
    {
        bastion = new OrderFlowHarness(directory, List.of(
            "LIM", "MKT", "STP", "STL", "GTC", "IOC", "FOK", "GTD", "DAY", "DFD", "RPL", "LATE", "DUP", "RSK", "STA",
            "MAS", "F42"));
    }

    @AfterAll
    void stop()
    {
        if (bastion != null)
        {
            bastion.close();
        }
    }

    @BeforeEach
    void forgetLeftovers() throws InterruptedException
    {
        bastion.drain();
    }

    @Test
    void shouldTakeALimitOrderFromPendingNewThroughNewAndPartiallyFilledToFilled() throws InterruptedException
    {
        bastion.send(limit("L1", BUY, 100, "LIM", 99.50, DAY));

        final Report pendingNew = Report.of(bastion.next()).er("L1").execType('A').ordStatus('A').orderQty("100")
            .decimal(44, "99.5").tag(40, "2").tag(59, "0").tag(54, "1").tag(55, "LIM").tag(1, "ACC-E2E")
            .cum("0").leaves("100").avgPx("0").noFill().noOrig();
        final String orderId = pendingNew.orderId();
        assertThat(orderId).isNotBlank().isNotEqualTo("NONE");
        Report.of(bastion.next()).er("L1").execType('0').ordStatus('0').orderId(orderId).cum("0").leaves("100")
            .avgPx("0").noFill();

        bastion.market("LIM", 99.40, 30);
        Report.of(bastion.next()).er("L1").execType('F').ordStatus('1').orderId(orderId).last("30", "99.5")
            .cum("30").leaves("70").avgPx("99.5");

        bastion.market("LIM", 99.45, 1_000);
        Report.of(bastion.next()).er("L1").execType('F').ordStatus('2').orderId(orderId).last("70", "99.5")
            .cum("100").leaves("0").avgPx("99.5");
    }

    @Test
    void shouldFillAMarketOrderAtTheMarketPrice() throws InterruptedException
    {
        bastion.send(newOrder("M1", SELL, 10, "MKT", MARKET, 0, 0, DAY));

        final String orderId = Report.of(bastion.next()).er("M1").execType('A').ordStatus('A').tag(40, "1")
            .absent(44).cum("0").leaves("10").orderId();
        Report.of(bastion.next()).er("M1").execType('0').ordStatus('0').orderId(orderId);
        Report.of(bastion.next()).er("M1").execType('F').ordStatus('2').orderId(orderId).tag(54, "2")
            .last("10", "100").cum("10").leaves("0").avgPx("100");
    }

    @Test
    void shouldRestAStopOrderUntilTheMarketTouchesItsStopThenFillAtTheMarket() throws InterruptedException
    {
        bastion.send(newOrder("S1", BUY, 100, "STP", STOP, 0, 101, DAY));

        final String orderId = Report.of(bastion.next()).er("S1").execType('A').ordStatus('A').tag(40, "3")
            .decimal(99, "101").absent(44).orderId();
        Report.of(bastion.next()).er("S1").execType('0').ordStatus('0').orderId(orderId).leaves("100");

        bastion.market("STP", 101.00, 1_000);
        Report.of(bastion.next()).er("S1").execType('F').ordStatus('2').orderId(orderId).last("100", "101")
            .cum("100").leaves("0").avgPx("101").decimal(99, "101");
    }

    @Test
    void shouldTriggerAStopLimitOrderAndFillItWithinItsLimit() throws InterruptedException
    {
        bastion.send(newOrder("SL1", BUY, 100, "STL", STOP_LIMIT, 101.50, 101, DAY));

        final String orderId = Report.of(bastion.next()).er("SL1").execType('A').ordStatus('A').tag(40, "4")
            .decimal(44, "101.5").decimal(99, "101").orderId();
        Report.of(bastion.next()).er("SL1").execType('0').ordStatus('0').orderId(orderId);

        bastion.market("STL", 101.20, 1_000);
        Report.of(bastion.next()).er("SL1").execType('F').ordStatus('2').orderId(orderId).last("100", "101.2")
            .cum("100").leaves("0").avgPx("101.2");
    }

    @Test
    void shouldCancelARestingGtcOrderThroughPendingCancelWithTheClOrdIdChain() throws InterruptedException
    {
        bastion.send(limit("G1", SELL, 100, "GTC", 100.50, GTC));
        final String orderId = Report.of(bastion.next()).er("G1").execType('A').tag(59, "1").orderId();
        Report.of(bastion.next()).er("G1").execType('0').ordStatus('0');

        bastion.send(cancel("G2", "G1", SELL, 100, "GTC"));

        Report.of(bastion.next()).er("G2").orig("G1").execType('6').ordStatus('6').orderId(orderId).cum("0")
            .leaves("100");
        Report.of(bastion.next()).er("G2").orig("G1").execType('4').ordStatus('4').orderId(orderId).cum("0")
            .leaves("0").avgPx("0");
    }

    @Test
    void shouldFillWhatAnIocOrderCanAndCancelTheRest() throws InterruptedException
    {
        bastion.market("IOC", 100.00, 40);

        bastion.send(limit("I1", BUY, 100, "IOC", 100.00, IOC));

        final String orderId = Report.of(bastion.next()).er("I1").execType('A').tag(59, "3").orderId();
        Report.of(bastion.next()).er("I1").execType('0').ordStatus('0');
        Report.of(bastion.next()).er("I1").execType('F').ordStatus('1').last("40", "100").cum("40").leaves("60");
        Report.of(bastion.next()).er("I1").noOrig().execType('4').ordStatus('4').orderId(orderId).cum("40")
            .leaves("0").avgPx("100").textContains("IOC remainder canceled");
    }

    @Test
    void shouldCancelAFokOrderThatCannotFillInFullAndFillOneThatCan() throws InterruptedException
    {
        bastion.market("FOK", 100.00, 40);

        bastion.send(limit("F1", BUY, 100, "FOK", 100.00, FOK));
        Report.of(bastion.next()).er("F1").execType('A').tag(59, "4");
        Report.of(bastion.next()).er("F1").execType('0');
        Report.of(bastion.next()).er("F1").execType('4').ordStatus('4').cum("0").leaves("0").noFill()
            .textContains("FOK");

        bastion.market("FOK", 100.00, 1_000);
        bastion.send(limit("F2", BUY, 100, "FOK", 100.00, FOK));
        Report.of(bastion.next()).er("F2").execType('A');
        Report.of(bastion.next()).er("F2").execType('0');
        Report.of(bastion.next()).er("F2").execType('F').ordStatus('2').last("100", "100").cum("100").leaves("0");
    }

    @Test
    void shouldExpireAGtdOrderAtItsExpireTime() throws InterruptedException
    {
        final Instant expiry = Instant.now().plusMillis(2_500).truncatedTo(ChronoUnit.MILLIS);
        final Message order = limit("T1", BUY, 100, "GTD", 99.00, GTD);
        order.setUtcTimeStamp(126, LocalDateTime.ofInstant(expiry, ZoneOffset.UTC), true);
        bastion.send(order);
        final String orderId = Report.of(bastion.next()).er("T1").execType('A').tag(59, "6").orderId();
        Report.of(bastion.next()).er("T1").execType('0').ordStatus('0');

        dev.bastion.gateway.support.Await.until("the order's ExpireTime", Duration.ofSeconds(10),
            () -> Instant.now().isAfter(expiry.plusMillis(50)));
        bastion.market("GTD", 100.10, 1_000);

        Report.of(bastion.next()).er("T1").execType('C').ordStatus('C').orderId(orderId).cum("0").leaves("0")
            .textContains("GTD order expired");
    }

    @Test
    void shouldExpireADayOrderAtTheEndOfTheDay() throws InterruptedException
    {
        bastion.send(limit("D1", BUY, 100, "DAY", 99.00, DAY));
        final String orderId = Report.of(bastion.next()).er("D1").execType('A').orderId();
        Report.of(bastion.next()).er("D1").execType('0');

        bastion.simulator().endOfDay();

        Report.of(bastion.next()).er("D1").execType('C').ordStatus('C').orderId(orderId).cum("0").leaves("0")
            .textContains("Day order expired");
    }

    @Test
    void shouldEndAnOrderTheVenueDeclaresDoneForTheDay() throws InterruptedException
    {
        bastion.send(limit("DF1", SELL, 100, "DFD", 101.00, GTC));
        final String orderId = Report.of(bastion.next()).er("DF1").execType('A').orderId();
        Report.of(bastion.next()).er("DF1").execType('0');
        final String venueClOrdId = bastion.simulator().record().orders().stream()
            .filter(order -> "DFD".equals(order.symbol())).findFirst().orElseThrow().clOrdId();

        bastion.simulator().doneForDay(venueClOrdId, "Closing: done for the day");

        Report.of(bastion.next()).er("DF1").execType('3').ordStatus('3').orderId(orderId).cum("0").leaves("0")
            .tag(58, "Closing: done for the day");
        bastion.send(cancel("DF2", "DF1", SELL, 100, "DFD"));
        Report.of(bastion.next()).msgType("9").tag(11, "DF2").tag(39, "3").tag(102, "0");
    }

    @Test
    void shouldReplaceQuantityPriceOrdTypeStopPxAndTimeInForceKeepingTheOrderId() throws InterruptedException
    {
        bastion.send(limit("R1", BUY, 100, "RPL", 99.00, DAY));
        final String orderId = Report.of(bastion.next()).er("R1").execType('A').orderId();
        Report.of(bastion.next()).er("R1").execType('0');

        bastion.send(ClientMessages.replace("R2", "R1", BUY, 150, "RPL", LIMIT, 99.20, 0, DAY));
        Report.of(bastion.next()).er("R2").orig("R1").execType('E').ordStatus('E').orderId(orderId)
            .orderQty("100").decimal(44, "99").leaves("100");
        Report.of(bastion.next()).er("R2").orig("R1").execType('5').ordStatus('0').orderId(orderId)
            .orderQty("150").decimal(44, "99.2").cum("0").leaves("150");

        bastion.send(ClientMessages.replace("R3", "R2", BUY, 120, "RPL", STOP_LIMIT, 101.50, 101, GTC));
        Report.of(bastion.next()).er("R3").orig("R2").execType('E').ordStatus('E').orderId(orderId);
        Report.of(bastion.next()).er("R3").orig("R2").execType('5').ordStatus('0').orderId(orderId)
            .orderQty("120").tag(40, "4").decimal(44, "101.5").decimal(99, "101").tag(59, "1").leaves("120");

        // Replace on a replaced order: the venue knows it by its new ClOrdID now.
        bastion.market("RPL", 101.10, 50);
        Report.of(bastion.next()).er("R3").execType('F').ordStatus('1').orderId(orderId).last("50", "101.1")
            .cum("50").leaves("70");
        bastion.send(cancel("R4", "R3", BUY, 120, "RPL"));
        Report.of(bastion.next()).er("R4").orig("R3").execType('6').ordStatus('6').orderId(orderId);
        Report.of(bastion.next()).er("R4").orig("R3").execType('4').ordStatus('4').orderId(orderId).cum("50")
            .leaves("0").avgPx("101.1");
    }

    @Test
    void shouldRefuseACancelOfAFilledOrderTooLateAndOfAnUnknownOneAsUnknown() throws InterruptedException
    {
        bastion.send(newOrder("TL1", BUY, 10, "LATE", MARKET, 0, 0, DAY));
        final String orderId = Report.of(bastion.next()).er("TL1").execType('A').orderId();
        Report.of(bastion.next()).er("TL1").execType('0');
        Report.of(bastion.next()).er("TL1").execType('F').ordStatus('2');

        bastion.send(cancel("TL2", "TL1", BUY, 10, "LATE"));
        Report.of(bastion.next()).msgType("9").tag(11, "TL2").orig("TL1").orderId(orderId).tag(39, "2")
            .tag(434, "1").tag(102, "0").textContains("Too late");

        bastion.send(cancel("TL3", "NO-SUCH-ORDER", BUY, 10, "LATE"));
        Report.of(bastion.next()).msgType("9").tag(11, "TL3").orig("NO-SUCH-ORDER").orderId("NONE")
            .tag(434, "1").tag(102, "1").textContains("Unknown order");
    }

    @Test
    void shouldRejectTheSameClOrdIdTwiceAsADuplicate() throws InterruptedException
    {
        bastion.send(limit("X1", BUY, 10, "DUP", 99.00, DAY));
        final String orderId = Report.of(bastion.next()).er("X1").execType('A').orderId();
        Report.of(bastion.next()).er("X1").execType('0');

        bastion.send(limit("X1", BUY, 20, "DUP", 98.00, DAY));

        final Report duplicate = Report.of(bastion.next()).er("X1").execType('8').ordStatus('8').tag(103, "6")
            .cum("0").leaves("0").textContains("Duplicate ClOrdID X1");
        assertThat(duplicate.orderId()).isNotEqualTo(orderId);
        bastion.send(cancel("X2", "X1", BUY, 10, "DUP"));
        Report.of(bastion.next()).er("X2").orig("X1").execType('6').orderId(orderId);
        Report.of(bastion.next()).er("X2").orig("X1").execType('4').ordStatus('4').orderId(orderId).orderQty("10");
    }

    @Test
    void shouldRejectAnOrderAboveMaxNotionalWithOrdRejReasonTextAndRiskRejectCode() throws InterruptedException
    {
        bastion.send(limit("K1", BUY, 20_000, "RSK", 100.00, DAY));

        Report.of(bastion.next()).er("K1").execType('8').ordStatus('8').tag(103, "3").tag(20020, "16")
            .cum("0").leaves("0").noOrig()
            .tag(58, "max order notional: notional 2000000 above the limit 1000000");
        assertThat(bastion.simulator().record().orders()).noneMatch(order -> "RSK".equals(order.symbol()));
    }

    @Test
    void shouldAnswerAnOrderStatusRequestWithTheOrderAsItStands() throws InterruptedException
    {
        bastion.send(limit("Q1", SELL, 40, "STA", 101.00, DAY));
        final String orderId = Report.of(bastion.next()).er("Q1").execType('A').orderId();
        Report.of(bastion.next()).er("Q1").execType('0');

        bastion.send(ClientMessages.status("Q1", SELL, "STA"));
        Report.of(bastion.next()).er("Q1").execType('I').ordStatus('0').orderId(orderId).cum("0").leaves("40");

        bastion.send(ClientMessages.status("NOPE", SELL, "STA"));
        Report.of(bastion.next()).er("NOPE").execType('I').ordStatus('8').orderId("NONE").tag(103, "5");

        bastion.send(cancel("Q2", "Q1", SELL, 40, "STA"));
        Report.of(bastion.next()).er("Q2").execType('6');
        Report.of(bastion.next()).er("Q2").execType('4').ordStatus('4');
    }

    @Test
    void shouldSpeakFix42ToAFix42ClientReasonsIncluded() throws InterruptedException
    {
        try (QuickFixClient fix42 = bastion.fix42Client())
        {
            final Message market = newOrder("V42-1", BUY, 5, "F42", MARKET, 0, 0, DAY);
            market.getHeader().setString(8, "FIX.4.2");
            fix42.send(market);
            Report.of(fix42.nextApplicationMessage()).er("V42-1").tag(20, "0").execType('A').ordStatus('A');
            Report.of(fix42.nextApplicationMessage()).er("V42-1").tag(20, "0").execType('0').ordStatus('0');
            Report.of(fix42.nextApplicationMessage()).er("V42-1").tag(20, "0").execType('2').ordStatus('2')
                .decimal(32, "5").decimal(31, "100").cum("5").leaves("0").avgPx("100");

            // Market on close is FIX 4.2 but not for Bastion: OrdRejReason 11 in 4.4 terms, 0 in 4.2's range.
            final Message onClose = newOrder("V42-2", BUY, 5, "F42", '5', 0, 0, DAY);
            onClose.getHeader().setString(8, "FIX.4.2");
            fix42.send(onClose);
            Report.of(fix42.nextApplicationMessage()).er("V42-2").execType('8').ordStatus('8').tag(103, "0")
                .textContains("Unsupported OrdType 5");
        }
    }

    @Test
    void shouldMassCancelAndMassStatusTheSessionsOpenOrdersOfASymbol() throws InterruptedException
    {
        bastion.send(limit("MC1", BUY, 10, "MAS", 99.00, DAY));
        final String first = Report.of(bastion.next()).er("MC1").execType('A').orderId();
        Report.of(bastion.next()).er("MC1").execType('0');
        bastion.send(limit("MC2", SELL, 20, "MAS", 101.00, GTC));
        final String second = Report.of(bastion.next()).er("MC2").execType('A').orderId();
        Report.of(bastion.next()).er("MC2").execType('0');

        bastion.send(ClientMessages.massStatus("MS-1", "MAS"));
        Report.of(bastion.next()).er("MC1").execType('I').ordStatus('0').orderId(first).leaves("10")
            .tag(584, "MS-1").tag(911, "2").tag(912, "N");
        Report.of(bastion.next()).er("MC2").execType('I').ordStatus('0').orderId(second).leaves("20")
            .tag(584, "MS-1").tag(911, "2").tag(912, "Y");

        bastion.send(ClientMessages.massCancel("MC-ALL", "MAS"));
        Report.of(bastion.next()).er("MC1").noOrig().execType('6').ordStatus('6').orderId(first);
        Report.of(bastion.next()).er("MC2").noOrig().execType('6').ordStatus('6').orderId(second);
        Report.of(bastion.next()).msgType("r").tag(11, "MC-ALL").tag(530, "1").tag(531, "1").tag(533, "2");
        Report.of(bastion.next()).er("MC1").execType('4').ordStatus('4').orderId(first).leaves("0");
        Report.of(bastion.next()).er("MC2").execType('4').ordStatus('4').orderId(second).leaves("0");

        bastion.send(ClientMessages.massStatus("MS-2", "MAS"));
        Report.of(bastion.next()).msgType("8").absent(11).execType('I').ordStatus('8').orderId("NONE")
            .tag(584, "MS-2").tag(911, "0").tag(912, "Y").textContains("No open orders");
    }
}

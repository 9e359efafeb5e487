package dev.bastion.gateway.e2e;

import dev.bastion.gateway.support.Await;
import dev.bastion.oms.venue.VenueAdapter;
import dev.bastion.oms.venue.sim.VenueRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.bastion.gateway.e2e.ClientMessages.BUY;
import static dev.bastion.gateway.e2e.ClientMessages.DAY;
import static dev.bastion.gateway.e2e.ClientMessages.SELL;
import static dev.bastion.gateway.e2e.ClientMessages.cancel;
import static dev.bastion.gateway.e2e.ClientMessages.limit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order flow against a venue that misbehaves: one that rejects, one that fills partially and
 * cancels the rest on its own, one that drops the connection while orders are working.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VenueFailureEndToEndTest
{
    private OrderFlowHarness bastion;

    @BeforeAll
    void start(@TempDir final Path directory) throws IOException
    {
        bastion = new OrderFlowHarness(directory, List.of("REJ", "PART", "DROP"));
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
    @Order(1)
    void shouldTellTheClientWhenTheVenueRejectsAnOrder() throws InterruptedException
    {
        bastion.simulator().rejectNext(1, 2, "Venue closed for REJ");

        bastion.send(limit("V1", BUY, 100, "REJ", 99.00, DAY));

        final String orderId = Report.of(bastion.next()).er("V1").execType('A').ordStatus('A').orderId();
        Report.of(bastion.next()).er("V1").execType('8').ordStatus('8').orderId(orderId).tag(103, "2")
            .tag(58, "Venue closed for REJ").cum("0").leaves("0").absent(20020);
    }

    @Test
    @Order(2)
    void shouldReportAPartialFillThenTheVenuesCancelOfTheRest() throws InterruptedException
    {
        bastion.simulator().partialFillThenCancel(1, 0.4);

        bastion.send(limit("P1", BUY, 100, "PART", 100.00, DAY));

        final String orderId = Report.of(bastion.next()).er("P1").execType('A').orderId();
        Report.of(bastion.next()).er("P1").execType('0').ordStatus('0').orderId(orderId);
        Report.of(bastion.next()).er("P1").execType('F').ordStatus('1').orderId(orderId).last("40", "100")
            .cum("40").leaves("60").avgPx("100");
        Report.of(bastion.next()).er("P1").noOrig().execType('4').ordStatus('4').orderId(orderId).cum("40")
            .leaves("0").avgPx("100").tag(58, "Remainder canceled by the venue");
    }

    @Test
    @Order(3)
    void shouldCompleteOrdersAfterTheVenueDropsTheConnectionWithoutDuplicatingThemThere()
        throws InterruptedException
    {
        final VenueAdapter venue = bastion.server().pipeline().venues().get(0);
        bastion.send(limit("W1", BUY, 100, "DROP", 99.50, DAY));
        Report.of(bastion.next()).er("W1").execType('A');
        Report.of(bastion.next()).er("W1").execType('0');
        bastion.send(limit("W3", SELL, 50, "DROP", 101.00, DAY));
        Report.of(bastion.next()).er("W3").execType('A');
        Report.of(bastion.next()).er("W3").execType('0');

        bastion.simulator().disconnect(Duration.ofSeconds(2));
        Await.until("the OMS sees the venue go", Duration.ofSeconds(10), () -> !venue.isConnected());

        // While the connection is down: the venue fills W1, the client sends W2 and cancels W3.
        bastion.market("DROP", 99.40, 1_000);
        bastion.send(limit("W2", BUY, 100, "DROP", 99.50, DAY));
        Report.of(bastion.next()).er("W2").execType('A').ordStatus('A');
        bastion.send(cancel("W4", "W3", SELL, 50, "DROP"));
        Report.of(bastion.next()).er("W4").orig("W3").execType('6').ordStatus('6');

        Await.until("the OMS back on the venue", Duration.ofSeconds(30), venue::isConnected);
        final Map<String, Report> reports = new HashMap<>();
        for (int i = 0; i < 4; i++)
        {
            final Report report = Report.of(bastion.next()).msgType("8");
            reports.put(report.value(11) + "/" + report.value(150), report);
        }
        assertThat(reports).containsOnlyKeys("W1/F", "W2/0", "W2/F", "W4/4");
        reports.get("W1/F").ordStatus('2').last("100", "99.5").cum("100").leaves("0").avgPx("99.5");
        reports.get("W2/F").ordStatus('2').last("100", "99.4").cum("100").leaves("0");
        reports.get("W4/4").orig("W3").ordStatus('4').cum("0").leaves("0");
        assertThat(bastion.client().pollApplicationMessage(300, TimeUnit.MILLISECONDS))
            .as("no second fill or other report").isNull();

        final VenueRecord record = bastion.simulator().record();
        final List<String> booked = new ArrayList<>();
        record.orders().stream().filter(order -> "DROP".equals(order.symbol()))
            .forEach(order -> booked.add(order.clOrdId()));
        assertThat(booked).as("W1, W3 and W2, each booked once at the venue").hasSize(3).doesNotHaveDuplicates();
        booked.forEach(clOrdId -> assertThat(record.bookedCount(clOrdId)).isEqualTo(1));
        assertThat(record.requests()).as("the OMS asked where its open orders stood after the reconnect")
            .anyMatch(request -> "H".equals(request.msgType()));
    }
}

package dev.bastion.oms.venue.fix;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.api.TimeInForce;
import dev.bastion.oms.venue.VenueExecution;
import dev.bastion.oms.venue.VenueOrder;
import dev.bastion.oms.venue.sim.SimulatedInstrument;
import dev.bastion.oms.venue.sim.VenueRecord;
import dev.bastion.oms.venue.sim.VenueSimulator;
import dev.bastion.oms.venue.sim.VenueSimulatorConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static dev.bastion.oms.api.FixedPoint.price;
import static dev.bastion.oms.api.FixedPoint.qty;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FIX adapter against the venue simulator over real loopback sockets: every order type and
 * time in force, fills, cancels, replaces, rejects, delayed acks, busts and corrections, status,
 * in FIX 4.4 and FIX 4.2. One simulator and two adapters (4.4 and 4.2) serve the whole class, as
 * a logon costs a second of QuickFIX/J's session timer; each test trades its own symbol under its
 * own ClOrdID prefix, so tests cannot see each other's orders. Disconnects and restarts are in
 * {@link FixVenueAdapterReconnectTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FixVenueAdapterTest
{
    private static final int SYMBOLS = 40;

    @TempDir
    static Path dir;

    private final VenueEvents events = new VenueEvents();
    private final VenueEvents events42 = new VenueEvents();
    private final AtomicReference<Instant> simTime = new AtomicReference<>(Instant.parse("2026-03-02T14:00:00Z"));
    private VenueSimulator sim;
    private FixVenueAdapter adapter;
    private FixVenueAdapter adapter42;
    private int testNumber;
    private String symbol;
    private String prefix;

    @BeforeAll
    void connect() throws InterruptedException
    {
        final VenueSimulatorConfiguration configuration = new VenueSimulatorConfiguration().clock(simTime::get);
        for (int i = 0; i < SYMBOLS; i++)
        {
            configuration.instrument(SimulatedInstrument.of(String.format("T%02d", i), 100.0, 0.001, 0.01, 1000));
        }
        sim = VenueSimulator.launch(configuration.conclude());
        adapter = new FixVenueAdapter("SIM44",
            FixVenueSettings.parse(sim.initiatorSettings(FixVersion.FIX44, 5, 1), "fix44", dir.resolve("v44")), events);
        adapter42 = new FixVenueAdapter("SIM42",
            FixVenueSettings.parse(sim.initiatorSettings(FixVersion.FIX42, 5, 1), "fix42", dir.resolve("v42")),
            events42);
        adapter.start();
        adapter42.start();
        events.awaitConnected();
        events42.awaitConnected();
    }

    @BeforeEach
    void ownSymbol()
    {
        symbol = String.format("T%02d", testNumber++);
        prefix = symbol + "-";
        events.only(prefix);
        events42.only(prefix);
    }

    @AfterEach
    void resetVenueBehaviour()
    {
        sim.delayAcks(Duration.ZERO);
        sim.clearRejections();
        sim.partialFillThenCancel(0, 0);
        sim.immediateFill(false);
        sim.sessionRejectNext(0);
    }

    @AfterAll
    void stop()
    {
        sim.close();
        adapter.stop();
        adapter42.stop();
    }

    @Test
    void shouldAcknowledgeALimitOrderAndFillItAtItsLimitWhenThePriceCrossesIt() throws Exception
    {
        adapter.send(limit("L1", Side.BUY, 100, 99.5, TimeInForce.DAY));
        final VenueExecution ack = events.next(ExecType.NEW);
        assertThat(ack.ordStatus()).isEqualTo(OrdStatus.NEW);
        assertThat(ack.leavesQty()).isEqualTo(qty(100));
        assertThat(ack.possibleDuplicate()).isFalse();

        sim.step(symbol, price(99.75), qty(1000));
        sim.step(symbol, price(99.25), qty(1000));

        final VenueExecution fill = events.next(ExecType.TRADE);
        assertThat(fill.ordStatus()).isEqualTo(OrdStatus.FILLED);
        assertThat(fill.lastQty()).isEqualTo(qty(100));
        assertThat(fill.lastPx()).isEqualTo(price(99.5));
        assertThat(fill.cumQty()).isEqualTo(qty(100));
        assertThat(fill.leavesQty()).isZero();
        assertThat(fill.avgPx()).isEqualTo(price(99.5));
        assertThat(fill.venueOrderId()).isEqualTo(ack.venueOrderId());
        assertThat(fill.venue()).isEqualTo("SIM44");
        assertThat(fill.transactTimeNanos()).isEqualTo(FixDecimals.epochNanos(simTime.get()));
        assertThat(adapter.liveOrders()).doesNotContainKey(id("L1"));
    }

    @Test
    void shouldFillAMarketOrderAtOnceAtTheCurrentPrice() throws Exception
    {
        adapter.send(VenueOrder.market(id("M1"), 1, symbol, Side.SELL, qty(300)));

        events.next(ExecType.NEW);
        final VenueExecution fill = events.next(ExecType.TRADE);
        assertThat(fill.lastQty()).isEqualTo(qty(300));
        assertThat(fill.lastPx()).isEqualTo(price(100));
        assertThat(fill.ordStatus()).isEqualTo(OrdStatus.FILLED);
    }

    @Test
    void shouldFillPartiallyWhenTheStepsVolumeIsShortAndCompleteOnTheNextStep() throws Exception
    {
        sim.step(symbol, price(100), qty(40));

        adapter.send(limit("L1", Side.BUY, 100, 100, TimeInForce.GOOD_TILL_CANCEL));
        events.next(ExecType.NEW);
        final VenueExecution partial = events.next(ExecType.TRADE);
        sim.step(symbol, price(100), qty(1000));
        final VenueExecution rest = events.next(ExecType.TRADE);

        assertThat(partial.ordStatus()).isEqualTo(OrdStatus.PARTIALLY_FILLED);
        assertThat(partial.lastQty()).isEqualTo(qty(40));
        assertThat(partial.leavesQty()).isEqualTo(qty(60));
        assertThat(rest.ordStatus()).isEqualTo(OrdStatus.FILLED);
        assertThat(rest.lastQty()).isEqualTo(qty(60));
        assertThat(rest.cumQty()).isEqualTo(qty(100));
    }

    @Test
    void shouldTriggerAStopOrderWhenThePricePathReachesIt() throws Exception
    {
        adapter.send(new VenueOrder(id("S1"), 1, symbol, Side.BUY, OrdType.STOP, TimeInForce.DAY, qty(100),
            FixedPoint.NONE, price(101), null, VenueOrder.NO_TIME));
        events.next(ExecType.NEW);
        sim.step(symbol, price(100.9), qty(1000));
        sim.step(symbol, price(101.3), qty(1000));

        final VenueExecution fill = events.next(ExecType.TRADE);
        assertThat(fill.lastPx()).isEqualTo(price(101.3));
        assertThat(fill.ordStatus()).isEqualTo(OrdStatus.FILLED);
    }

    @Test
    void shouldTriggerAStopLimitOrderAndTradeOnlyWithinItsLimit() throws Exception
    {
        adapter.send(new VenueOrder(id("S1"), 1, symbol, Side.SELL, OrdType.STOP_LIMIT, TimeInForce.DAY, qty(100),
            price(98.5), price(99), null, VenueOrder.NO_TIME));
        events.next(ExecType.NEW);
        sim.step(symbol, price(98.2), qty(1000));
        sim.step(symbol, price(98.6), qty(1000));

        final VenueExecution fill = events.next(ExecType.TRADE);
        assertThat(fill.lastPx()).isEqualTo(price(98.5));
    }

    @Test
    void shouldCancelTheRestOfAnIocOrderAsAnUnsolicitedCancel() throws Exception
    {
        sim.step(symbol, price(100), qty(40));

        adapter.send(limit("I1", Side.BUY, 100, 100, TimeInForce.IMMEDIATE_OR_CANCEL));

        events.next(ExecType.NEW);
        assertThat(events.next(ExecType.TRADE).lastQty()).isEqualTo(qty(40));
        final VenueExecution canceled = events.next(ExecType.CANCELED);
        assertThat(canceled.unsolicited()).isTrue();
        assertThat(canceled.ordStatus()).isEqualTo(OrdStatus.CANCELED);
        assertThat(canceled.cumQty()).isEqualTo(qty(40));
        assertThat(canceled.leavesQty()).isZero();
    }

    @Test
    void shouldKillAFokOrderThatCannotFillInFullAndFillOneThatCan() throws Exception
    {
        adapter.send(limit("K1", Side.BUY, 1001, 100, TimeInForce.FILL_OR_KILL));
        adapter.send(limit("F1", Side.BUY, 1000, 100, TimeInForce.FILL_OR_KILL));

        events.next(ExecType.NEW);
        final VenueExecution killed = events.next(ExecType.CANCELED);
        assertThat(killed.venueClOrdId()).isEqualTo(id("K1"));
        assertThat(killed.cumQty()).isZero();
        assertThat(killed.text()).isEqualTo("FOK order could not be filled in full");
        events.next(ExecType.NEW);
        assertThat(events.next(ExecType.TRADE).ordStatus()).isEqualTo(OrdStatus.FILLED);
    }

    @Test
    void shouldExpireAGtdOrderOnceItsExpireTimeHasPassed() throws Exception
    {
        final Instant now = simTime.get();

        adapter.send(new VenueOrder(id("G1"), 1, symbol, Side.BUY, OrdType.LIMIT, TimeInForce.GOOD_TILL_DATE, qty(100),
            price(99), FixedPoint.NONE, null, FixDecimals.epochNanos(now.plus(Duration.ofMinutes(5)))));
        events.next(ExecType.NEW);
        simTime.set(now.plus(Duration.ofMinutes(4)));
        sim.step(symbol, price(100), qty(1000));
        simTime.set(now.plus(Duration.ofMinutes(5)));
        sim.step(symbol, price(100), qty(1000));

        final VenueExecution expired = events.next(ExecType.EXPIRED);
        assertThat(expired.ordStatus()).isEqualTo(OrdStatus.EXPIRED);
        assertThat(expired.venueClOrdId()).isEqualTo(id("G1"));
    }

    @Test
    void shouldExpireDayOrdersAtTheEndOfTheDayAndKeepGoodTillCancelOnes() throws Exception
    {
        adapter.send(limit("D1", Side.BUY, 100, 99, TimeInForce.DAY));
        adapter.send(limit("G1", Side.BUY, 100, 99, TimeInForce.GOOD_TILL_CANCEL));
        events.next(ExecType.NEW);
        events.next(ExecType.NEW);

        sim.endOfDay();
        final VenueExecution expired = events.next(ExecType.EXPIRED);
        sim.step(symbol, price(98.9), qty(1000));

        assertThat(expired.venueClOrdId()).isEqualTo(id("D1"));
        assertThat(events.next(ExecType.TRADE).venueClOrdId()).isEqualTo(id("G1"));
    }

    @Test
    void shouldCancelARestingOrder() throws Exception
    {
        final VenueOrder order = limit("L1", Side.BUY, 100, 99, TimeInForce.DAY);
        adapter.send(order);
        events.next(ExecType.NEW);

        adapter.cancel(id("C1"), id("L1"), order);

        final VenueExecution canceled = events.next(ExecType.CANCELED);
        assertThat(canceled.venueClOrdId()).isEqualTo(id("C1"));
        assertThat(canceled.origVenueClOrdId()).isEqualTo(id("L1"));
        assertThat(canceled.unsolicited()).isFalse();
        assertThat(adapter.liveOrders()).doesNotContainKeys(id("L1"), id("C1"));
    }

    @Test
    void shouldReplaceARestingOrderAndFillItAtTheNewPrice() throws Exception
    {
        final VenueOrder order = limit("L1", Side.BUY, 100, 99, TimeInForce.DAY);
        adapter.send(order);
        events.next(ExecType.NEW);

        adapter.replace(id("R1"), id("L1"), order.amend(id("R1"), qty(200), price(100.5)));

        final VenueExecution replaced = events.next(ExecType.REPLACED);
        assertThat(replaced.venueClOrdId()).isEqualTo(id("R1"));
        assertThat(replaced.origVenueClOrdId()).isEqualTo(id("L1"));
        assertThat(replaced.leavesQty()).isEqualTo(qty(200));
        final VenueExecution fill = events.next(ExecType.TRADE);
        assertThat(fill.venueClOrdId()).isEqualTo(id("R1"));
        assertThat(fill.lastQty()).isEqualTo(qty(200));
        assertThat(fill.lastPx()).isEqualTo(price(100));
    }

    @Test
    void shouldPassOnTooLateToCancelForAFilledOrder() throws Exception
    {
        final VenueOrder order = VenueOrder.market(id("M1"), 1, symbol, Side.BUY, qty(10));
        adapter.send(order);
        events.next(ExecType.NEW);
        events.next(ExecType.TRADE);

        adapter.cancel(id("C1"), id("M1"), order);

        final VenueEvents.CancelReject reject = events.nextCancelReject();
        assertThat(reject.clOrdId()).isEqualTo(id("C1"));
        assertThat(reject.origClOrdId()).isEqualTo(id("M1"));
        assertThat(reject.reason()).isZero();
        assertThat(reject.text()).isEqualTo("Too late to cancel: order is FILLED");
    }

    @Test
    void shouldPassOnUnknownOrderForACancelOfAnOrderTheVenueNeverSaw() throws Exception
    {
        adapter.cancel(id("C1"), id("NOPE"), limit("NOPE", Side.BUY, 1, 1, TimeInForce.DAY));

        assertThat(events.nextCancelReject().reason()).isEqualTo(1);
    }

    @Test
    void shouldPassOnAVenueRejectWithItsReasonAndText() throws Exception
    {
        sim.rejectSymbol(symbol, 3, "Order exceeds limit");

        adapter.send(limit("L1", Side.BUY, 100, 99, TimeInForce.DAY));

        final VenueExecution rejected = events.next(ExecType.REJECTED);
        assertThat(rejected.ordStatus()).isEqualTo(OrdStatus.REJECTED);
        assertThat(rejected.ordRejReason()).isEqualTo(3);
        assertThat(rejected.text()).isEqualTo("Order exceeds limit");
        assertThat(adapter.liveOrders()).doesNotContainKey(id("L1"));
    }

    @Test
    void shouldKeepTheOrderOfRequestsWhenTheVenueDelaysItsAcks() throws Exception
    {
        sim.delayAcks(Duration.ofMillis(200));
        final VenueOrder order = limit("L1", Side.BUY, 100, 99, TimeInForce.DAY);

        adapter.send(order);
        adapter.cancel(id("C1"), id("L1"), order);

        assertThat(events.next(ExecType.NEW).venueClOrdId()).isEqualTo(id("L1"));
        assertThat(events.next(ExecType.CANCELED).venueClOrdId()).isEqualTo(id("C1"));
    }

    @Test
    void shouldFlagACancelTheVenueMadeOnItsOwnAsUnsolicited() throws Exception
    {
        adapter.send(limit("L1", Side.BUY, 100, 99, TimeInForce.GOOD_TILL_CANCEL));
        events.next(ExecType.NEW);

        sim.cancelUnsolicited(id("L1"), "Symbol halted");

        final VenueExecution canceled = events.next(ExecType.CANCELED);
        assertThat(canceled.unsolicited()).isTrue();
        assertThat(canceled.venueClOrdId()).isEqualTo(id("L1"));
        assertThat(canceled.origVenueClOrdId()).isNull();
        assertThat(canceled.text()).isEqualTo("Symbol halted");
    }

    @Test
    void shouldReportATradeBustWithTheExecIdItBusts() throws Exception
    {
        adapter.send(limit("L1", Side.BUY, 100, 100, TimeInForce.DAY));
        events.next(ExecType.NEW);
        final VenueExecution fill = events.next(ExecType.TRADE);

        sim.bust(fill.execId());

        final VenueExecution bust = events.next(ExecType.TRADE_CANCEL);
        assertThat(bust.execRefId()).isEqualTo(fill.execId());
        assertThat(bust.execId()).isNotEqualTo(fill.execId());
        assertThat(bust.cumQty()).isZero();
        assertThat(bust.leavesQty()).isEqualTo(qty(100));
        assertThat(bust.ordStatus()).isEqualTo(OrdStatus.NEW);
        assertThat(bust.affectsFills()).isTrue();
    }

    @Test
    void shouldReportATradeCorrectionWithTheExecIdItCorrects() throws Exception
    {
        adapter.send(limit("L1", Side.BUY, 100, 100, TimeInForce.DAY));
        events.next(ExecType.NEW);
        final VenueExecution fill = events.next(ExecType.TRADE);

        sim.correct(fill.execId(), qty(100), price(99.95));

        final VenueExecution correction = events.next(ExecType.TRADE_CORRECT);
        assertThat(correction.execRefId()).isEqualTo(fill.execId());
        assertThat(correction.lastQty()).isEqualTo(qty(100));
        assertThat(correction.lastPx()).isEqualTo(price(99.95));
        assertThat(correction.avgPx()).isEqualTo(price(99.95));
        assertThat(correction.ordStatus()).isEqualTo(OrdStatus.FILLED);
    }

    @Test
    void shouldMapFix42ReportsIntoFix44Terms() throws Exception
    {
        assertThat(adapter42.version()).isEqualTo(FixVersion.FIX42);
        sim.step(symbol, price(100), qty(40));
        final VenueOrder order = limit("L1", Side.BUY, 100, 100, TimeInForce.DAY);
        adapter42.send(order);

        assertThat(events42.next(ExecType.NEW).ordStatus()).isEqualTo(OrdStatus.NEW);
        final VenueExecution partial = events42.next(ExecType.TRADE);
        sim.step(symbol, price(100), qty(1000));
        final VenueExecution fill = events42.next(ExecType.TRADE);
        sim.bust(partial.execId());
        final VenueExecution bust = events42.next(ExecType.TRADE_CANCEL);
        sim.correct(fill.execId(), qty(50), price(99.9));
        final VenueExecution correction = events42.next(ExecType.TRADE_CORRECT);
        adapter42.requestStatus(order);
        final VenueExecution status = events42.next(ExecType.ORDER_STATUS);

        assertThat(partial.ordStatus()).isEqualTo(OrdStatus.PARTIALLY_FILLED);
        assertThat(partial.lastQty()).isEqualTo(qty(40));
        assertThat(fill.ordStatus()).isEqualTo(OrdStatus.FILLED);
        assertThat(fill.lastQty()).isEqualTo(qty(60));
        assertThat(bust.execRefId()).isEqualTo(partial.execId());
        assertThat(bust.cumQty()).isEqualTo(qty(60));
        assertThat(correction.execRefId()).isEqualTo(fill.execId());
        assertThat(correction.lastQty()).isEqualTo(qty(50));
        assertThat(correction.lastPx()).isEqualTo(price(99.9));
        assertThat(status.cumQty()).isEqualTo(qty(50));
        assertThat(status.leavesQty()).isEqualTo(qty(50));
        assertThat(status.ordStatus()).isEqualTo(OrdStatus.PARTIALLY_FILLED);
        assertThat(sim.record().executions()).filteredOn(report -> report.clOrdId().equals(id("L1")))
            .allMatch(report -> report.session().startsWith("FIX.4.2"));
    }

    @Test
    void shouldPassOnFix42VenueRejectsAndCancelRejectsInFix42Codes() throws Exception
    {
        sim.rejectSymbol(symbol, 99, "No");

        adapter42.send(limit("L1", Side.BUY, 100, 99, TimeInForce.DAY));
        final VenueExecution rejected = events42.next(ExecType.REJECTED);
        adapter42.cancel(id("C1"), id("L1"), limit("L1", Side.BUY, 100, 99, TimeInForce.DAY));

        assertThat(rejected.ordRejReason()).as("FIX 4.2 has no 99: broker option").isZero();
        assertThat(rejected.text()).isEqualTo("No");
        assertThat(events42.nextCancelReject().reason()).as("too late: the order was rejected").isZero();
    }

    @Test
    void shouldAnswerAStatusRequestWithTheOrdersState() throws Exception
    {
        sim.step(symbol, price(100), qty(30));
        final VenueOrder order = limit("L1", Side.BUY, 100, 100, TimeInForce.DAY);
        adapter.send(order);
        events.next(ExecType.NEW);
        events.next(ExecType.TRADE);

        adapter.requestStatus(order);

        final VenueExecution status = events.next(ExecType.ORDER_STATUS);
        assertThat(status.venueClOrdId()).isEqualTo(id("L1"));
        assertThat(status.ordStatus()).isEqualTo(OrdStatus.PARTIALLY_FILLED);
        assertThat(status.cumQty()).isEqualTo(qty(30));
        assertThat(status.leavesQty()).isEqualTo(qty(70));
    }

    @Test
    void shouldAnswerAMassStatusRequestWithEveryOpenOrder() throws Exception
    {
        final VenueOrder filled = VenueOrder.market(id("C"), 3, symbol, Side.BUY, qty(5));
        sendAndAck(adapter, events, limit("A", Side.BUY, 100, 99, TimeInForce.DAY),
            limit("B", Side.SELL, 100, 101, TimeInForce.DAY), filled);
        events.next(ExecType.TRADE);

        adapter.massStatus();
        adapter.requestStatus(filled);

        // The status of the filled order marks the end: everything before it answered the mass status.
        final List<VenueExecution> answers = events.until(report -> report.venueClOrdId().equals(id("C")));
        assertThat(answers).extracting(VenueExecution::venueClOrdId).containsExactly(id("A"), id("B"), id("C"));
        assertThat(answers).allMatch(report -> report.execType() == ExecType.ORDER_STATUS);
        assertThat(sim.record().requests()).extracting(VenueRecord.Request::msgType).contains("AF");
    }

    @Test
    void shouldAskForEachOpenOrderOnMassStatusOverFix42() throws Exception
    {
        final VenueOrder filled = VenueOrder.market(id("C"), 3, symbol, Side.BUY, qty(5));
        sendAndAck(adapter42, events42, limit("A", Side.BUY, 100, 99, TimeInForce.DAY),
            limit("B", Side.SELL, 100, 101, TimeInForce.DAY), filled);
        events42.next(ExecType.TRADE);
        final long statusRequestsBefore = statusRequests();
        final int live = adapter42.liveOrders().size();

        adapter42.massStatus();
        adapter42.requestStatus(filled);

        final List<VenueExecution> answers = events42.until(report -> report.venueClOrdId().equals(id("C")));
        assertThat(answers).extracting(VenueExecution::venueClOrdId)
            .containsExactlyInAnyOrder(id("A"), id("B"), id("C"));
        assertThat(answers).allMatch(report -> report.execType() == ExecType.ORDER_STATUS);
        assertThat(statusRequests() - statusRequestsBefore).as("one H per open order, then the marker")
            .isEqualTo(live + 1L);
    }

    @Test
    void shouldTurnASessionRejectOfAnOrderIntoARejectedExecution() throws Exception
    {
        sim.sessionRejectNext(1);

        adapter.send(limit("L1", Side.BUY, 100, 99, TimeInForce.DAY));

        final VenueExecution rejected = events.next(ExecType.REJECTED);
        assertThat(rejected.venueClOrdId()).isEqualTo(id("L1"));
        assertThat(rejected.text()).startsWith("Session Reject by the venue (371=55)");
        assertThat(rejected.execId()).isNull();
        assertThat(adapter.liveOrders()).doesNotContainKey(id("L1"));
    }

    @Test
    void shouldFillPartlyThenGetTheRestCanceledWhenTheVenueSaysSo() throws Exception
    {
        sim.partialFillThenCancel(1, 0.5);

        adapter.send(limit("L1", Side.BUY, 100, 99, TimeInForce.DAY));

        events.next(ExecType.NEW);
        assertThat(events.next(ExecType.TRADE).lastQty()).isEqualTo(qty(50));
        final VenueExecution canceled = events.next(ExecType.CANCELED);
        assertThat(canceled.unsolicited()).isTrue();
        assertThat(canceled.cumQty()).isEqualTo(qty(50));
    }

    @Test
    void shouldFillEveryOrderAtOnceInTheLoadTestMode() throws Exception
    {
        sim.immediateFill(true);

        for (int i = 0; i < 50; i++)
        {
            adapter.send(limit("B" + i, Side.BUY, 10, 50, TimeInForce.DAY));
        }

        for (int i = 0; i < 50; i++)
        {
            assertThat(events.next(ExecType.NEW).venueClOrdId()).isEqualTo(id("B" + i));
            final VenueExecution fill = events.next(ExecType.TRADE);
            assertThat(fill.ordStatus()).isEqualTo(OrdStatus.FILLED);
            assertThat(fill.lastPx()).isEqualTo(price(50));
        }
    }

    private long statusRequests()
    {
        return sim.record().requests().stream().filter(request -> "H".equals(request.msgType())).count();
    }

    private static void sendAndAck(final FixVenueAdapter to, final VenueEvents from, final VenueOrder... orders)
        throws InterruptedException
    {
        for (final VenueOrder order : orders)
        {
            to.send(order);
            assertThat(from.next(ExecType.NEW).venueClOrdId()).isEqualTo(order.venueClOrdId());
        }
    }

    private String id(final String clOrdId)
    {
        return prefix + clOrdId;
    }

    private VenueOrder limit(
        final String clOrdId, final Side side, final double qty, final double price, final TimeInForce timeInForce)
    {
        return VenueOrder.limit(id(clOrdId), 1, symbol, side, qty(qty), price(price), timeInForce);
    }
}

package dev.bastion.oms.venue.sim;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.api.TimeInForce;
import dev.bastion.oms.venue.VenueOrder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever orders, steps, cancels, replaces, busts and corrections happen, every report keeps the
 * FIX quantity rules: CumQty + LeavesQty = OrderQty while open, LeavesQty = 0 once done, CumQty is
 * the sum of the order's live fills, and an order never trades after it is done.
 */
class MatchingEnginePropertyTest
{
    sealed interface Action permits Enter, Step, Cancel, Replace, Bust, Correct, EndOfDay
    {
    }

    record Enter(int type, int tif, boolean buy, int qty, int priceTicks, int stopTicks) implements Action
    {
    }

    record Step(int priceTicks, int volume) implements Action
    {
    }

    record Cancel(int order) implements Action
    {
    }

    record Replace(int order, int qty, int priceTicks) implements Action
    {
    }

    record Bust(int fill) implements Action
    {
    }

    record Correct(int fill, int qty) implements Action
    {
    }

    record EndOfDay() implements Action
    {
    }

    @Property(tries = 200)
    void reportsKeepCumPlusLeavesEqualToOrderQtyAndCumEqualToLiveFills(
        @ForAll("actions") @Size(max = 60) final List<Action> actions)
    {
        final RecordingOutput out = new RecordingOutput();
        final MatchingEngine engine = new MatchingEngine(new VenueSimulatorConfiguration()
            .instrument(SimulatedInstrument.of("AAPL", 100.0, 0.001, 0.01, 300))
            .clock(new MutableClock(Instant.parse("2026-03-02T14:00:00Z")))
            .idPrefix("P-")
            .conclude(), out);
        int entered = 0;
        for (final Action action : actions)
        {
            apply(engine, out, action, entered);
            if (action instanceof Enter)
            {
                entered++;
            }
        }
        check(out.executions);
    }

    private static void apply(
        final MatchingEngine engine, final RecordingOutput out, final Action action, final int entered)
    {
        final String session = "S";
        if (action instanceof Enter enter)
        {
            final OrdType type = OrdType.values()[enter.type()];
            final TimeInForce tif = List.of(TimeInForce.DAY, TimeInForce.GOOD_TILL_CANCEL,
                TimeInForce.IMMEDIATE_OR_CANCEL, TimeInForce.FILL_OR_KILL).get(enter.tif());
            final boolean priced = type == OrdType.LIMIT || type == OrdType.STOP_LIMIT;
            final boolean stopped = type == OrdType.STOP || type == OrdType.STOP_LIMIT;
            engine.newOrder(session, new OrderRequest("O" + entered, null, "AAPL", enter.buy() ? Side.BUY : Side.SELL,
                type, tif, FixedPoint.qty(enter.qty()), priced ? ticks(enter.priceTicks()) : FixedPoint.NONE,
                stopped ? ticks(enter.stopTicks()) : FixedPoint.NONE, VenueOrder.NO_TIME, null, false, null, 0));
        }
        else if (action instanceof Step step)
        {
            engine.step("AAPL", ticks(step.priceTicks()), FixedPoint.qty(step.volume()));
        }
        else if (action instanceof Cancel cancel && entered > 0)
        {
            final String clOrdId = currentClOrdId(out, "O" + cancel.order() % entered);
            engine.cancel(session, clOrdId + "c", clOrdId, false);
        }
        else if (action instanceof Replace replace && entered > 0)
        {
            final SimExecution last = lastFor(out, "O" + replace.order() % entered);
            if (last != null && last.ordType() != null)
            {
                final boolean priced = last.ordType() == OrdType.LIMIT || last.ordType() == OrdType.STOP_LIMIT;
                engine.replace(session, new OrderRequest(last.clOrdId() + "r", last.clOrdId(), "AAPL", last.side(),
                    last.ordType(), last.timeInForce(), FixedPoint.qty(replace.qty()),
                    priced ? ticks(replace.priceTicks()) : FixedPoint.NONE, last.stopPrice(), VenueOrder.NO_TIME, null,
                    false, null, 0));
            }
        }
        else if (action instanceof Bust bust)
        {
            final List<SimExecution> fills = out.executions.stream().filter(SimExecution::isTrade).toList();
            if (!fills.isEmpty())
            {
                try
                {
                    engine.bust(fills.get(bust.fill() % fills.size()).execId());
                }
                catch (final IllegalArgumentException alreadyBusted)
                {
                    // a fill can be busted once
                }
            }
        }
        else if (action instanceof Correct correct)
        {
            final List<SimExecution> fills = out.executions.stream().filter(SimExecution::isTrade).toList();
            if (!fills.isEmpty())
            {
                try
                {
                    engine.correct(fills.get(correct.fill() % fills.size()).execId(), FixedPoint.qty(correct.qty()),
                        FixedPoint.price(99.0));
                }
                catch (final IllegalArgumentException refused)
                {
                    // busted already, or the correction would overfill
                }
            }
        }
        else if (action instanceof EndOfDay)
        {
            engine.endOfDay();
        }
    }

    private static void check(final List<SimExecution> executions)
    {
        final Map<String, Long> liveFills = new HashMap<>();
        final Map<String, SimExecution> fillByExecId = new HashMap<>();
        final Map<String, OrdStatus> lastStatus = new HashMap<>();
        for (final SimExecution report : executions)
        {
            if (MatchingEngine.NO_ORDER.equals(report.orderId()))
            {
                continue;
            }
            final String order = report.orderId();
            final OrdStatus before = lastStatus.get(order);
            if (report.execType() == ExecType.TRADE)
            {
                assertThat(before).as("no trade after the order is done: " + report)
                    .isNotIn(OrdStatus.FILLED, OrdStatus.CANCELED, OrdStatus.EXPIRED, OrdStatus.REJECTED);
                assertThat(report.lastQty()).isPositive();
                liveFills.merge(order, report.lastQty(), Long::sum);
                fillByExecId.put(report.execId(), report);
            }
            else if (report.execType() == ExecType.TRADE_CANCEL)
            {
                liveFills.merge(order, -fillByExecId.remove(report.execRefId()).lastQty(), Long::sum);
            }
            else if (report.execType() == ExecType.TRADE_CORRECT)
            {
                final SimExecution original = fillByExecId.get(report.execRefId());
                liveFills.merge(order, report.lastQty() - original.lastQty(), Long::sum);
                fillByExecId.put(report.execRefId(), report);
            }
            assertThat(report.cumQty()).as("CumQty is the sum of live fills: " + report)
                .isEqualTo(liveFills.getOrDefault(order, 0L));
            assertThat(report.cumQty()).isBetween(0L, report.orderQty());
            final boolean done = switch (report.ordStatus())
            {
                case FILLED, CANCELED, EXPIRED, REJECTED, DONE_FOR_DAY -> true;
                default -> false;
            };
            if (done)
            {
                assertThat(report.leavesQty()).as("LeavesQty 0 once done: " + report).isZero();
            }
            else
            {
                assertThat(report.cumQty() + report.leavesQty()).as("Cum + Leaves = OrderQty: " + report)
                    .isEqualTo(report.orderQty());
            }
            lastStatus.put(order, report.ordStatus());
        }
    }

    private static String currentClOrdId(final RecordingOutput out, final String firstClOrdId)
    {
        final SimExecution last = lastFor(out, firstClOrdId);
        return last == null ? firstClOrdId : last.clOrdId();
    }

    /** The latest report of the order first entered as {@code firstClOrdId}. */
    private static SimExecution lastFor(final RecordingOutput out, final String firstClOrdId)
    {
        String orderId = null;
        SimExecution last = null;
        for (final SimExecution report : out.executions)
        {
            if (orderId == null && report.clOrdId().equals(firstClOrdId) && report.execType() != ExecType.REJECTED)
            {
                orderId = report.orderId();
            }
            if (orderId != null && orderId.equals(report.orderId()))
            {
                last = report;
            }
        }
        return last;
    }

    private static long ticks(final int ticks)
    {
        return FixedPoint.price(100.0) + ticks * FixedPoint.price(0.01);
    }

    @Provide
    Arbitrary<List<Action>> actions()
    {
        final Arbitrary<Action> enter = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 3), Arbitraries.of(true, false),
                Arbitraries.integers().between(1, 500),
                Arbitraries.integers().between(-30, 30), Arbitraries.integers().between(-30, 30))
            .as(Enter::new);
        final Arbitrary<Action> step = Combinators.combine(Arbitraries.integers().between(-40, 40),
            Arbitraries.integers().between(0, 400)).as(Step::new);
        final Arbitrary<Action> cancel = Arbitraries.integers().between(0, 50).map(Cancel::new);
        final Arbitrary<Action> replace = Combinators.combine(Arbitraries.integers().between(0, 50),
            Arbitraries.integers().between(1, 600), Arbitraries.integers().between(-30, 30)).as(Replace::new);
        final Arbitrary<Action> bust = Arbitraries.integers().between(0, 50).map(Bust::new);
        final Arbitrary<Action> correct = Combinators.combine(Arbitraries.integers().between(0, 50),
            Arbitraries.integers().between(1, 300)).as(Correct::new);
        final Arbitrary<Action> endOfDay = Arbitraries.just(new EndOfDay());
        return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, enter), net.jqwik.api.Tuple.of(6, step), net.jqwik.api.Tuple.of(2, cancel),
            net.jqwik.api.Tuple.of(2, replace), net.jqwik.api.Tuple.of(1, bust), net.jqwik.api.Tuple.of(1, correct),
            net.jqwik.api.Tuple.of(1, endOfDay)).list();
    }
}

package dev.bastion.oms.order;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.api.TimeInForce;
import dev.bastion.oms.venue.VenueExecution;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random interleavings of client requests and venue reports against one order: whatever arrives,
 * the quantities stay consistent and no state is left for one it cannot reach.
 */
class OrderStateMachinePropertyTest
{
    private static final Set<OrdStatus> TERMINAL =
        EnumSet.of(OrdStatus.CANCELED, OrdStatus.REJECTED, OrdStatus.EXPIRED, OrdStatus.DONE_FOR_DAY);

    enum Step
    {
        VENUE_ACK, FILL, OVERFILL, CANCEL, REPLACE, VENUE_CANCELED, VENUE_REPLACED, VENUE_CANCEL_REJECT,
        VENUE_REJECT, UNSOLICITED_CANCEL, RESEND_LAST_FILL, BUST_LAST_FILL, DONE_FOR_DAY, CORRECT_LAST_FILL,
        STATUS_ANSWER, REPLACE_TO_STOP_LIMIT, CANCEL_REJECT_OF_NOTHING
    }

    /** Where each OrdStatus may go on one event (FIX 4.4 Vol. 4 order state change matrices, plus busts). */
    private static final Map<OrdStatus, Set<OrdStatus>> LEGAL = Map.of(
        OrdStatus.PENDING_NEW, EnumSet.complementOf(EnumSet.of(OrdStatus.REPLACED)),
        OrdStatus.NEW, EnumSet.complementOf(EnumSet.of(OrdStatus.PENDING_NEW, OrdStatus.REPLACED)),
        OrdStatus.PARTIALLY_FILLED, EnumSet.complementOf(EnumSet.of(OrdStatus.PENDING_NEW, OrdStatus.REPLACED)),
        OrdStatus.PENDING_CANCEL, EnumSet.complementOf(EnumSet.of(OrdStatus.REPLACED, OrdStatus.PENDING_REPLACE)),
        OrdStatus.PENDING_REPLACE, EnumSet.complementOf(EnumSet.of(OrdStatus.REPLACED, OrdStatus.PENDING_CANCEL)),
        // a bust or correction reopens a filled order
        OrdStatus.FILLED, EnumSet.of(OrdStatus.FILLED, OrdStatus.PARTIALLY_FILLED, OrdStatus.NEW,
            OrdStatus.PENDING_CANCEL, OrdStatus.PENDING_REPLACE));

    record Event(Step step, int amount)
    {
    }

    @Property(tries = 500)
    void quantitiesStayConsistentAndTransitionsLegal(@ForAll("events") final List<Event> events)
    {
        final RecordedActions actions = new RecordedActions();
        final AtomicLong clock = new AtomicLong();
        final OrderStateMachine machine =
            new OrderStateMachine(new OrderBook(), actions, new OrderIdGenerator(clock::incrementAndGet));
        final Order order = machine.newOrder(1, "C0", "ACC", "AAPL", Side.BUY, OrdType.LIMIT, TimeInForce.DAY,
            FixedPoint.qty(100), FixedPoint.price(10), FixedPoint.NONE, Long.MIN_VALUE);
        machine.route(order, "SIM");

        int requests = 0;
        int execs = 0;
        long minFillPx = Long.MAX_VALUE;
        long maxFillPx = Long.MIN_VALUE;
        String lastFillExecId = null;
        String lastFillVenueClOrdId = null;
        for (final Event event : events)
        {
            final OrdStatus before = order.status();
            final long qty = FixedPoint.qty(event.amount());
            switch (event.step())
            {
                case VENUE_ACK:
                    apply(machine, order.venueClOrdId(), ExecType.NEW, 0, "E" + ++execs, null);
                    break;
                case FILL:
                {
                    lastFillExecId = "E" + ++execs;
                    lastFillVenueClOrdId = order.venueClOrdId();
                    final long px = FixedPoint.price(10) + event.amount() * 1_234_567L;
                    if (applyAt(machine, order.venueClOrdId(), ExecType.TRADE, Math.min(qty, order.leavesQty()),
                        lastFillExecId, null, px) == VenueReportOutcome.APPLIED)
                    {
                        minFillPx = Math.min(minFillPx, px);
                        maxFillPx = Math.max(maxFillPx, px);
                    }
                    break;
                }
                case OVERFILL:
                    apply(machine, order.venueClOrdId(), ExecType.TRADE, order.leavesQty() + qty, "E" + ++execs, null);
                    break;
                case CANCEL:
                    machine.cancel(1, "C" + ++requests, order.clOrdId());
                    break;
                case REPLACE:
                    machine.replace(1, "C" + ++requests, order.clOrdId(), FixedPoint.qty(50 + event.amount()),
                        FixedPoint.price(11));
                    break;
                case VENUE_CANCELED:
                    if (order.pending() != null && order.pending().cancel())
                    {
                        apply(machine, order.pending().venueClOrdId(), ExecType.CANCELED, 0, "E" + ++execs, null);
                    }
                    break;
                case VENUE_REPLACED:
                    if (order.pending() != null && !order.pending().cancel())
                    {
                        apply(machine, order.pending().venueClOrdId(), ExecType.REPLACED, 0, "E" + ++execs, null);
                    }
                    break;
                case VENUE_CANCEL_REJECT:
                    if (order.pending() != null)
                    {
                        machine.onVenueCancelReject(order.pending().venueClOrdId(), 0, "too late");
                    }
                    break;
                case VENUE_REJECT:
                    apply(machine, order.venueClOrdId(), ExecType.REJECTED, 0, "E" + ++execs, null);
                    break;
                case UNSOLICITED_CANCEL:
                    // with or without a client request pending: the venue ends the order on its own
                    machine.onVenueExecution(new VenueExecution("SIM", order.venueClOrdId(), null, "V1",
                        "E" + ++execs, null, ExecType.CANCELED, OrdStatus.CANCELED, 0, 0, 0, 0, 0, "venue", -1,
                        Long.MIN_VALUE, true, false));
                    break;
                case RESEND_LAST_FILL:
                    if (lastFillExecId != null)
                    {
                        final long cumBefore = order.cumQty();
                        apply(machine, lastFillVenueClOrdId, ExecType.TRADE, FixedPoint.qty(1), lastFillExecId, null);
                        assertThat(order.cumQty()).as("a resent fill is not booked twice").isEqualTo(cumBefore);
                    }
                    break;
                case BUST_LAST_FILL:
                    if (lastFillExecId != null)
                    {
                        apply(machine, lastFillVenueClOrdId, ExecType.TRADE_CANCEL, 0, "E" + ++execs, lastFillExecId);
                        lastFillExecId = null;
                    }
                    break;
                case DONE_FOR_DAY:
                    apply(machine, order.venueClOrdId(), ExecType.DONE_FOR_DAY, 0, "E" + ++execs, null);
                    break;
                case CORRECT_LAST_FILL:
                    if (lastFillExecId != null)
                    {
                        final long px = FixedPoint.price(10) + event.amount() * 7_654_321L;
                        if (applyAt(machine, lastFillVenueClOrdId, ExecType.TRADE_CORRECT, FixedPoint.qty(1),
                            "E" + ++execs, lastFillExecId, px) == VenueReportOutcome.APPLIED)
                        {
                            minFillPx = Math.min(minFillPx, px);
                            maxFillPx = Math.max(maxFillPx, px);
                        }
                    }
                    break;
                case STATUS_ANSWER:
                    machine.onVenueExecution(new VenueExecution("SIM", order.venueClOrdId(), null,
                        event.amount() % 2 == 0 ? "NONE" : "V1", "E" + ++execs, null, ExecType.ORDER_STATUS,
                        OrdStatus.values()[event.amount() % OrdStatus.values().length], 0, 0,
                        event.amount() % 3 == 0 ? order.cumQty() : qty, 0, 0, null, -1, Long.MIN_VALUE, false,
                        false));
                    break;
                case REPLACE_TO_STOP_LIMIT:
                {
                    final Order target = machine.changeTarget(1, "C" + ++requests, order.clOrdId(), true);
                    if (target != null)
                    {
                        final long newQty = FixedPoint.qty(50 + event.amount());
                        if (OrderStateMachine.replaceRefusal(target, "AAPL", Side.BUY, OrdType.STOP_LIMIT,
                            TimeInForce.GOOD_TILL_CANCEL, newQty, FixedPoint.price(12), FixedPoint.price(11),
                            Long.MIN_VALUE) == null)
                        {
                            machine.replace(target, "C" + requests, OrdType.STOP_LIMIT, TimeInForce.GOOD_TILL_CANCEL,
                                newQty, FixedPoint.price(12), FixedPoint.price(11), Long.MIN_VALUE);
                        }
                    }
                    break;
                }
                case CANCEL_REJECT_OF_NOTHING:
                    assertThat(machine.onVenueCancelReject("B-NOTHING-" + event.amount(), 1, "unknown"))
                        .isEqualTo(VenueReportOutcome.UNKNOWN_ORDER);
                    break;
                default:
                    throw new IllegalStateException();
            }

            assertThat(order.cumQty()).isBetween(0L, order.orderQty());
            if (order.cumQty() > 0)
            {
                assertThat(order.avgPx()).as("AvgPx within the fill prices").isBetween(minFillPx, maxFillPx);
            }
            else
            {
                assertThat(order.avgPx()).isZero();
            }
            if (order.status() != before)
            {
                assertThat(LEGAL.getOrDefault(before, EnumSet.noneOf(OrdStatus.class)))
                    .as(before + " -> " + order.status() + " on " + event).contains(order.status());
            }
            if (order.isDone())
            {
                assertThat(order.leavesQty()).as("done orders have nothing left").isZero();
            }
            else
            {
                assertThat(order.cumQty() + order.leavesQty()).as("cum + leaves = qty").isEqualTo(order.orderQty());
            }
            if (TERMINAL.contains(before))
            {
                assertThat(order.status()).as("no way out of " + before).isEqualTo(before);
            }
            if (order.status() == OrdStatus.PENDING_NEW)
            {
                assertThat(order.cumQty()).isZero();
            }
        }
    }

    private static void apply(
        final OrderStateMachine machine, final String venueClOrdId, final ExecType execType, final long lastQty,
        final String execId, final String execRefId)
    {
        applyAt(machine, venueClOrdId, execType, lastQty, execId, execRefId, FixedPoint.price(10));
    }

    private static VenueReportOutcome applyAt(
        final OrderStateMachine machine, final String venueClOrdId, final ExecType execType, final long lastQty,
        final String execId, final String execRefId, final long lastPx)
    {
        return machine.onVenueExecution(new VenueExecution("SIM", venueClOrdId, null, "V1", execId,
            execRefId, execType, OrdStatus.NEW, lastQty, lastPx, 0, 0, 0, null, -1, Long.MIN_VALUE,
            false, false));
    }

    @Provide
    Arbitrary<List<Event>> events()
    {
        final Arbitrary<Event> event = Combinators.combine(
            Arbitraries.of(Step.class), Arbitraries.integers().between(1, 60)).as(Event::new);
        return event.list().ofMinSize(1).ofMaxSize(40);
    }
}

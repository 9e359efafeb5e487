package dev.bastion.oms.order;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.api.TimeInForce;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.EnumSet;
import java.util.List;
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
        VENUE_REJECT, UNSOLICITED_CANCEL, RESEND_LAST_FILL, BUST_LAST_FILL, DONE_FOR_DAY
    }

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
                    lastFillExecId = "E" + ++execs;
                    lastFillVenueClOrdId = order.venueClOrdId();
                    apply(machine, order.venueClOrdId(), ExecType.TRADE, Math.min(qty, order.leavesQty()),
                        lastFillExecId, null);
                    break;
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
                    if (order.pending() == null)
                    {
                        apply(machine, order.venueClOrdId(), ExecType.CANCELED, 0, "E" + ++execs, null);
                    }
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
                default:
                    throw new IllegalStateException();
            }

            assertThat(order.cumQty()).isBetween(0L, order.orderQty());
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
        machine.onVenueExecution(new dev.bastion.oms.venue.VenueExecution("SIM", venueClOrdId, null, "V1", execId,
            execRefId, execType, OrdStatus.NEW, lastQty, FixedPoint.price(10), 0, 0, 0, null, -1, Long.MIN_VALUE,
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

package dev.bastion.oms.recon;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.api.TimeInForce;
import dev.bastion.oms.order.Order;
import dev.bastion.oms.order.OrderActions;
import dev.bastion.oms.order.OrderBook;
import dev.bastion.oms.order.OrderIdGenerator;
import dev.bastion.oms.order.OrderStateMachine;
import dev.bastion.oms.order.PendingChange;
import dev.bastion.oms.order.VenueReportOutcome;
import dev.bastion.oms.venue.VenueExecution;
import dev.bastion.oms.venue.VenueOrder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Each venue report against its order, through the real state machine, as the business thread runs them. */
class FillReconcilerTest
{
    private static final long SECOND = 1_000_000_000L;

    private final OrderStateMachine machine = new OrderStateMachine(new OrderBook(), new NoActions(),
        new OrderIdGenerator(new AtomicLong(1_000)::incrementAndGet));
    private final FindingRing ring = new FindingRing(64);
    private final FillReconciler reconciler = new FillReconciler(new ReconciliationConfiguration()
        .priceDeviationPercent(2).lateFillAfterCancel(Duration.ofSeconds(5)).conclude(), ring,
        symbol -> FixedPoint.price(100));
    private int execIds;

    @Test
    void shouldFindAFillThroughTheLimitPriceAndOneFarFromTheReferenceForAMarketOrder()
    {
        final Order limit = acked(OrdType.LIMIT, 100, 50.00);
        apply(limit, trade(limit, 10, 10, 50.10), 0);
        assertThat(ring.count(FindingKind.PRICE_DEVIATION)).isEqualTo(1);

        final Order market = acked(OrdType.MARKET, 100, 0);
        apply(market, trade(market, 10, 10, 101.00), 0);
        assertThat(ring.count(FindingKind.PRICE_DEVIATION)).as("1 % from the reference is within 2 %").isEqualTo(1);
        apply(market, trade(market, 10, 20, 103.00), 0);
        assertThat(ring.count(FindingKind.PRICE_DEVIATION)).isEqualTo(2);
        final Finding finding = drainLast();
        assertThat(finding.expected()).isEqualTo(FixedPoint.price(100));
        assertThat(finding.actual()).isEqualTo(FixedPoint.price(103));
        assertThat(finding.level()).isEqualTo(FindingLevel.WARNING);
    }

    @Test
    void shouldFindALastQtyThatDisagreesWithTheVenuesCumQtyAndStillBookIt()
    {
        final Order order = acked(OrdType.LIMIT, 100, 50);
        final VenueReportOutcome outcome = apply(order, trade(order, 10, 25, 50), 0);
        assertThat(outcome).isEqualTo(VenueReportOutcome.APPLIED);
        assertThat(ring.count(FindingKind.QUANTITY_MISMATCH)).isEqualTo(1);
        assertThat(order.cumQty()).isEqualTo(FixedPoint.qty(10));
    }

    @Test
    void shouldRefuseAnOverfillAsCriticalAndNeverApplyIt()
    {
        final Order order = acked(OrdType.LIMIT, 100, 50);
        apply(order, trade(order, 60, 60, 50), 0);
        final VenueReportOutcome outcome = apply(order, trade(order, 60, 120, 50), 0);
        assertThat(outcome).isEqualTo(VenueReportOutcome.OUT_OF_PLACE);
        assertThat(order.cumQty()).isEqualTo(FixedPoint.qty(60));
        assertThat(ring.count(FindingKind.OVERFILL)).isEqualTo(1);
        assertThat(drainLast().level()).isEqualTo(FindingLevel.CRITICAL);
    }

    @Test
    void shouldIgnoreAndCountADuplicateExecId()
    {
        final Order order = acked(OrdType.LIMIT, 100, 50);
        final VenueExecution fill = trade(order, 10, 10, 50);
        apply(order, fill, 0);
        assertThat(apply(order, fill, 0)).isEqualTo(VenueReportOutcome.DUPLICATE);
        assertThat(order.cumQty()).isEqualTo(FixedPoint.qty(10));
        assertThat(ring.count(FindingKind.DUPLICATE_EXECUTION)).isEqualTo(1);
        assertThat(ring.count(FindingKind.QUANTITY_MISMATCH)).as("a duplicate is not judged again").isZero();
    }

    @Test
    void shouldFindAFillBeforeTheVenuesAcknowledgement()
    {
        final Order order = routed(OrdType.LIMIT, 100, 50);
        apply(order, trade(order, 10, 10, 50), 0);
        assertThat(ring.count(FindingKind.FILL_BEFORE_ACK)).isEqualTo(1);
    }

    @Test
    void shouldTellAFillThatCrossedACancelFromOneLongAfterIt()
    {
        final Order crossed = acked(OrdType.LIMIT, 100, 50);
        apply(crossed, canceled(crossed), 10 * SECOND);
        apply(crossed, trade(crossed, 10, 10, 50), 11 * SECOND);
        assertThat(ring.count(FindingKind.FILL_AFTER_CANCEL)).isEqualTo(1);
        assertThat(crossed.cumQty()).as("not booked: the order had ended").isZero();

        final Order late = acked(OrdType.LIMIT, 100, 50);
        apply(late, canceled(late), 10 * SECOND);
        apply(late, trade(late, 10, 10, 50), 20 * SECOND);
        assertThat(ring.count(FindingKind.LATE_FILL_AFTER_CANCEL)).isEqualTo(1);
        assertThat(drainLast().level()).isEqualTo(FindingLevel.CRITICAL);
    }

    @Test
    void shouldListFindingsInTheReportWithCountsPerKindAndLevel()
    {
        final Order order = acked(OrdType.LIMIT, 100, 50);
        final VenueExecution fill = trade(order, 10, 10, 50);
        apply(order, fill, 0);
        apply(order, fill, 0);
        apply(order, trade(order, 200, 210, 50), 0);
        final ReconciliationReport report = new ReconciliationReport(10);
        report.drain(ring);
        assertThat(ring.isEmpty()).isTrue();
        assertThat(report.count(FindingKind.DUPLICATE_EXECUTION)).isEqualTo(1);
        assertThat(report.count(FindingLevel.CRITICAL)).isEqualTo(1);
        assertThat(report.findings()).extracting(Finding::kind)
            .containsExactly(FindingKind.DUPLICATE_EXECUTION, FindingKind.OVERFILL);
        assertThat(report.toString()).contains("OVERFILL", "CRITICAL", "DUPLICATE_EXECUTION", "INFO",
            "totals: 1 critical, 0 warning, 1 info");
    }

    @Test
    void shouldKeepCountingWhenTheRingOverrunsBeforeADrain()
    {
        final FindingRing small = new FindingRing(2);
        for (int i = 0; i < 5; i++)
        {
            small.record(FindingKind.OVERFILL, i, i, "SIM", null, 0, 0, null);
        }
        assertThat(small.count(FindingKind.OVERFILL)).isEqualTo(5);
        assertThat(small.lost()).isEqualTo(3);
        assertThat(small.poll().orderId()).isEqualTo(3);
    }

    private Order routed(final OrdType ordType, final double qty, final double price)
    {
        final Order order = machine.newOrder(1, "C" + ++execIds, "ACC", "AAPL", Side.BUY, ordType, TimeInForce.DAY,
            FixedPoint.qty(qty), price == 0 ? FixedPoint.NONE : FixedPoint.price(price), FixedPoint.NONE,
            Long.MIN_VALUE);
        machine.route(order, "SIM");
        return order;
    }

    private Order acked(final OrdType ordType, final double qty, final double price)
    {
        final Order order = routed(ordType, qty, price);
        apply(order, report(order, ExecType.NEW, OrdStatus.NEW, 0, 0, 0), 0);
        return order;
    }

    private VenueReportOutcome apply(final Order order, final VenueExecution execution, final long now)
    {
        final OrdStatus before = order.status();
        reconciler.beforeExecution(order, execution, now);
        final VenueReportOutcome outcome = machine.onVenueExecution(execution);
        reconciler.afterExecution(order, before, execution, outcome, now);
        return outcome;
    }

    private VenueExecution trade(final Order order, final double lastQty, final double cumQty, final double px)
    {
        return report(order, ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, FixedPoint.qty(lastQty),
            FixedPoint.qty(cumQty), FixedPoint.price(px));
    }

    private VenueExecution canceled(final Order order)
    {
        return new VenueExecution("SIM", order.venueClOrdId(), null, "V-" + order.orderId(), "X" + ++execIds, null,
            ExecType.CANCELED, OrdStatus.CANCELED, 0, 0, order.cumQty(), 0, 0, null, -1, VenueOrder.NO_TIME, true,
            false);
    }

    private VenueExecution report(
        final Order order, final ExecType execType, final OrdStatus status, final long lastQty, final long cumQty,
        final long px)
    {
        return new VenueExecution("SIM", order.venueClOrdId(), null, "V-" + order.orderId(), "X" + ++execIds, null,
            execType, status, lastQty, px, cumQty, 0, px, null, -1, VenueOrder.NO_TIME, false, false);
    }

    private Finding drainLast()
    {
        Finding last = null;
        Finding next;
        while ((next = ring.poll()) != null)
        {
            last = next;
        }
        return last;
    }

    private static final class NoActions implements OrderActions
    {
        @Override
        public void report(final Order order, final ExecType execType, final String clOrdId, final String origClOrdId,
            final long lastQty, final long lastPx, final String text, final int ordRejReason)
        {
        }

        @Override
        public void unknownOrder(final long sessionId, final String clOrdId, final String symbol, final char side,
            final String text)
        {
        }

        @Override
        public void cancelReject(final long sessionId, final String clOrdId, final String origClOrdId,
            final Order order, final boolean forReplace, final int cxlRejReason, final String text)
        {
        }

        @Override
        public void sendToVenue(final Order order)
        {
        }

        @Override
        public void cancelAtVenue(final Order order, final PendingChange cancel)
        {
        }

        @Override
        public void replaceAtVenue(final Order order, final PendingChange replace)
        {
        }
    }
}

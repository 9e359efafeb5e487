package dev.bastion.oms.pipeline;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.order.Order;
import dev.bastion.oms.order.OrderStateMachine;
import dev.bastion.oms.order.VenueReportOutcome;
import dev.bastion.oms.recon.FindingKind;
import dev.bastion.oms.recon.FindingRing;
import dev.bastion.oms.recovery.Books;
import dev.bastion.oms.venue.VenueExecution;
import org.agrona.collections.Long2ObjectHashMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The restart's last step, on the business thread: each open order restored from the order store
 * waits for its venue's answer to the status request sent when the venue logs on. The answer is
 * applied by the state machine (missed fills, cancels); an order the venue does not know is ended as
 * rejected and reported critical — it was written before it was sent, so the process died before
 * the venue got it. When every restored order is answered, recovery is complete and logged once.
 */
final class RecoveryProgress
{
    private static final Logger LOG = LogManager.getLogger(RecoveryProgress.class);

    private final Long2ObjectHashMap<Order> awaiting = new Long2ObjectHashMap<>();
    private final long startedNanos;
    private final long timeoutNanos;
    private final FindingRing findings;
    private final CountDownLatch complete = new CountDownLatch(1);
    private final Books.Recovered recovered;
    private long firstConnectNanos = Long.MIN_VALUE;
    private int missedFills;
    private int notAtVenue;
    private volatile long recoveredMillis = -1;

    RecoveryProgress(
        final Books.Recovered recovered, final long startedNanos, final long timeoutNanos, final FindingRing findings)
    {
        this.recovered = recovered;
        this.startedNanos = startedNanos;
        this.timeoutNanos = timeoutNanos;
        this.findings = findings;
        for (final Order order : recovered.orders())
        {
            if (!order.isDone() && order.venueClOrdId() != null)
            {
                awaiting.put(order.orderId(), order);
            }
        }
    }

    /** No restore (nothing on disk): complete at once. */
    static RecoveryProgress none()
    {
        final RecoveryProgress progress = new RecoveryProgress(
            new Books.Recovered(List.of(), 0, 0, false), System.nanoTime(), 1, null);
        progress.recoveredMillis = 0;
        progress.complete.countDown();
        return progress;
    }

    void checkComplete()
    {
        if (awaiting.isEmpty() && complete.getCount() > 0)
        {
            recoveredMillis = (System.nanoTime() - startedNanos) / 1_000_000;
            complete.countDown();
            LOG.info("Recovery complete: {} orders restored ({} open), {} journalled fills booked again, {} missed "
                + "fills applied from venue status, {} orders not at their venue; {} ms after start{}",
                recovered.orders().size(), recovered.openOrders(), recovered.rebooked(), missedFills, notAtVenue,
                recoveredMillis, recovered.afterCrash() ? " (the last run had died)" : "");
        }
    }

    void onVenueConnected()
    {
        if (firstConnectNanos == Long.MIN_VALUE)
        {
            firstConnectNanos = System.nanoTime();
        }
    }

    /** After the state machine applied a venue report: an order status answer ends an order's wait. */
    void afterExecution(
        final Order order, final VenueExecution execution, final VenueReportOutcome outcome,
        final OrderStateMachine machine, final long nowNanos)
    {
        if (order == null || execution.execType() != ExecType.ORDER_STATUS || awaiting.remove(order.orderId()) == null)
        {
            return;
        }
        if (outcome == VenueReportOutcome.MISSED_FILL_APPLIED)
        {
            missedFills++;
        }
        final String venueOrderId = execution.venueOrderId();
        final boolean unknownAtVenue = venueOrderId == null || venueOrderId.isEmpty() || "NONE".equals(venueOrderId);
        if (outcome == VenueReportOutcome.DISCREPANCY && unknownAtVenue && !order.isDone())
        {
            notAtVenue++;
            findings.record(FindingKind.ORDER_NOT_AT_VENUE, nowNanos, order.orderId(), order.venue(),
                order.venueClOrdId(), order.leavesQty(), FixedPoint.NONE, "ended as rejected");
            machine.reject(order, OrderStateMachine.REJECT_BROKER_OPTION,
                "The venue does not know the order after a restart of the OMS: it was never received there");
        }
        checkComplete();
    }

    /** At each tick: orders a connected venue has not answered for within the timeout are reported and let go. */
    void onTimer(final long nowNanos)
    {
        if (awaiting.isEmpty() || firstConnectNanos == Long.MIN_VALUE ||
            System.nanoTime() - firstConnectNanos < timeoutNanos)
        {
            return;
        }
        awaiting.values().forEach(order -> findings.record(FindingKind.STATUS_NOT_ANSWERED, nowNanos,
            order.orderId(), order.venue(), order.venueClOrdId(), FixedPoint.NONE, FixedPoint.NONE,
            "still open in the books"));
        awaiting.clear();
        checkComplete();
    }

    /** Milliseconds from the pipeline's construction to the last status answer, or -1 while recovering. */
    long recoveredMillis()
    {
        return recoveredMillis;
    }

    boolean awaitComplete(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        return complete.await(timeout, unit);
    }

    Books.Recovered recovered()
    {
        return recovered;
    }
}

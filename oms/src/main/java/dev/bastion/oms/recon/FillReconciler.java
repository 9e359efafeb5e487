package dev.bastion.oms.recon;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.order.Order;
import dev.bastion.oms.order.VenueReportOutcome;
import dev.bastion.oms.venue.VenueExecution;
import org.agrona.collections.Long2LongHashMap;

import java.util.function.ToLongFunction;

/**
 * Checks each venue report against the order it is for, on the business thread, around the order
 * state machine: {@link #beforeExecution} looks at a fill the order has not seen (price, quantity,
 * timing) before it is applied; {@link #afterExecution} turns what the state machine did with a
 * report (a duplicate, an overfill, a fill after the end, a missed fill applied from a status
 * answer) into findings. A fill the state machine refuses is never booked; the state machine is the
 * one place that decides, reconciliation says why and counts. Findings go to a {@link FindingRing}:
 * no allocation and no logging here.
 */
public final class FillReconciler
{
    private static final int CANCEL_TIMES_KEPT = 4096;

    private final FindingRing ring;
    private final ToLongFunction<String> referencePrices;
    private final double maxDeviation;
    private final long lateFillNanos;
    /** When the venue confirmed each recent cancel, by OrderID; bounded by a ring of the OrderIDs. */
    private final Long2LongHashMap canceledAt = new Long2LongHashMap(CANCEL_TIMES_KEPT * 2, 0.65f, Long.MIN_VALUE);
    private final long[] canceledOrder = new long[CANCEL_TIMES_KEPT];
    private int canceledNext;

    /**
     * @param referencePrices a symbol's reference price (scale 1e8), or {@link FixedPoint#NONE}: market
     *                        orders' fills are compared with it.
     */
    public FillReconciler(
        final ReconciliationConfiguration configuration, final FindingRing ring,
        final ToLongFunction<String> referencePrices)
    {
        this.ring = ring;
        this.referencePrices = referencePrices;
        this.maxDeviation = configuration.priceDeviationPercent() / 100.0;
        this.lateFillNanos = configuration.lateFillAfterCancel().toNanos();
    }

    public FindingRing ring()
    {
        return ring;
    }

    /** Before the state machine applies a report to a known order. */
    public void beforeExecution(final Order order, final VenueExecution execution, final long nowNanos)
    {
        if (execution.execType() != ExecType.TRADE || order.isDone() || order.hasExecution(execution.execId()))
        {
            return;
        }
        final long lastQty = execution.lastQty();
        final long venueCum = execution.cumQty();
        if (order.countedByCumQty(venueCum, execution.possibleDuplicate()))
        {
            return; // already counted: afterExecution reports the duplicate
        }
        if (venueCum > 0 && venueCum - order.cumQty() != lastQty)
        {
            ring.record(FindingKind.QUANTITY_MISMATCH, nowNanos, order.orderId(), order.venue(), execution.execId(),
                venueCum - order.cumQty(), lastQty, "LastQty is not the venue's CumQty less the order's");
        }
        if (order.status() == OrdStatus.PENDING_NEW)
        {
            ring.record(FindingKind.FILL_BEFORE_ACK, nowNanos, order.orderId(), order.venue(), execution.execId(),
                FixedPoint.NONE, lastQty, null);
        }
        checkPrice(order, execution, nowNanos);
    }

    private void checkPrice(final Order order, final VenueExecution execution, final long nowNanos)
    {
        final boolean limited = order.ordType() == OrdType.LIMIT || order.ordType() == OrdType.STOP_LIMIT;
        final long reference = limited ? order.price() : referencePrices.applyAsLong(order.symbol());
        final long px = execution.lastPx();
        if (reference == FixedPoint.NONE || reference <= 0 || px <= 0)
        {
            return;
        }
        final boolean buy = order.side() == Side.BUY || order.side() == Side.BUY_MINUS;
        final boolean throughLimit = limited && (buy ? px > reference : px < reference);
        final double deviation = Math.abs((double)px - reference) / reference;
        if (throughLimit || deviation > maxDeviation)
        {
            ring.record(FindingKind.PRICE_DEVIATION, nowNanos, order.orderId(), order.venue(), execution.execId(),
                reference, px, throughLimit ? "through the limit price" : limited ? "away from the limit price" :
                "away from the reference price");
        }
    }

    /**
     * After the state machine: what it did with the report, as findings.
     *
     * @param order the order the report named (looked up before), or null when none.
     * @param statusBefore the order's status before the report, or null.
     */
    public void afterExecution(
        final Order order, final OrdStatus statusBefore, final VenueExecution execution,
        final VenueReportOutcome outcome, final long nowNanos)
    {
        final ExecType execType = execution.execType();
        switch (outcome)
        {
            case APPLIED:
                if (order != null && (execType == ExecType.CANCELED || execType == ExecType.EXPIRED ||
                    execType == ExecType.ORDER_STATUS) && order.isDone() && statusBefore != null &&
                    !isDone(statusBefore))
                {
                    rememberEnd(order.orderId(), nowNanos);
                    if (execType == ExecType.ORDER_STATUS)
                    {
                        ring.record(FindingKind.MISSED_END_APPLIED, nowNanos, order.orderId(), order.venue(),
                            execution.venueClOrdId(), FixedPoint.NONE, FixedPoint.NONE, null);
                    }
                }
                break;
            case DUPLICATE:
                ring.record(FindingKind.DUPLICATE_EXECUTION, nowNanos, order == null ? 0 : order.orderId(),
                    execution.venue(), execution.execId(), FixedPoint.NONE, execution.lastQty(), null);
                break;
            case MISSED_FILL_APPLIED:
                ring.record(FindingKind.MISSED_FILL_APPLIED, nowNanos, order.orderId(), order.venue(),
                    execution.venueClOrdId(), FixedPoint.NONE, execution.cumQty(), "venue CumQty now reached");
                if (order.isDone() && statusBefore != null && !isDone(statusBefore))
                {
                    rememberEnd(order.orderId(), nowNanos);
                }
                break;
            case UNKNOWN_ORDER:
                if (execution.affectsFills())
                {
                    ring.record(execution.possibleDuplicate() ? FindingKind.RESENT_FOR_FORGOTTEN_ORDER :
                        FindingKind.UNKNOWN_ORDER, nowNanos, 0, execution.venue(), execution.venueClOrdId(),
                        FixedPoint.NONE, execution.lastQty(), execution.execId());
                }
                break;
            case DISCREPANCY:
                if (order != null && order.restored() && order.isDone() && statusBefore != null &&
                    !isDone(statusBefore) && !isVenueOrderId(execution.venueOrderId()))
                {
                    break; // a restored order the venue never got, ended by the restart (ORDER_NOT_AT_VENUE)
                }
                ring.record(FindingKind.STATUS_MISMATCH, nowNanos, order == null ? 0 : order.orderId(),
                    execution.venue(), execution.venueClOrdId(), order == null ? FixedPoint.NONE : order.cumQty(),
                    execution.cumQty(), "venue OrdStatus " + execution.ordStatus());
                break;
            case OUT_OF_PLACE:
                outOfPlace(order, statusBefore, execution, nowNanos);
                break;
            default:
                break;
        }
    }

    private void outOfPlace(
        final Order order, final OrdStatus statusBefore, final VenueExecution execution, final long nowNanos)
    {
        switch (execution.execType())
        {
            case TRADE:
            {
                if (statusBefore == OrdStatus.CANCELED || statusBefore == OrdStatus.EXPIRED)
                {
                    final long endedAt = canceledAt.get(order.orderId());
                    final boolean late = endedAt == Long.MIN_VALUE || nowNanos - endedAt > lateFillNanos;
                    ring.record(late ? FindingKind.LATE_FILL_AFTER_CANCEL : FindingKind.FILL_AFTER_CANCEL, nowNanos,
                        order.orderId(), order.venue(), execution.execId(),
                        endedAt == Long.MIN_VALUE ? FixedPoint.NONE : 0, execution.lastQty(),
                        endedAt == Long.MIN_VALUE ? "cancel confirmed before a restart" :
                        "ms after the cancel: " + (nowNanos - endedAt) / 1_000_000);
                }
                else if (statusBefore != null && isDone(statusBefore) && statusBefore != OrdStatus.FILLED)
                {
                    ring.record(FindingKind.FILL_AFTER_END, nowNanos, order.orderId(), order.venue(),
                        execution.execId(), FixedPoint.NONE, execution.lastQty(), "order was " + statusBefore);
                }
                else
                {
                    ring.record(FindingKind.OVERFILL, nowNanos, order.orderId(), order.venue(), execution.execId(),
                        order.leavesQty(), execution.lastQty(), "not booked");
                }
                break;
            }
            case TRADE_CANCEL:
            case TRADE_CORRECT:
                ring.record(FindingKind.FILL_CHANGE_NOT_APPLIED, nowNanos, order.orderId(), order.venue(),
                    execution.execRefId(), FixedPoint.NONE, execution.lastQty(), "fill unknown or forgotten");
                break;
            default:
                break;
        }
    }

    private void rememberEnd(final long orderId, final long nowNanos)
    {
        final long evicted = canceledOrder[canceledNext];
        if (evicted != 0)
        {
            canceledAt.remove(evicted);
        }
        canceledOrder[canceledNext] = orderId;
        canceledNext = (canceledNext + 1) % CANCEL_TIMES_KEPT;
        canceledAt.put(orderId, nowNanos);
    }

    private static boolean isVenueOrderId(final String venueOrderId)
    {
        return venueOrderId != null && !venueOrderId.isEmpty() && !"NONE".equals(venueOrderId);
    }

    private static boolean isDone(final OrdStatus status)
    {
        switch (status)
        {
            case FILLED:
            case CANCELED:
            case REJECTED:
            case EXPIRED:
            case DONE_FOR_DAY:
                return true;
            default:
                return false;
        }
    }
}

package dev.bastion.oms.order;

import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.api.TimeInForce;
import dev.bastion.risk.FixedPointMath;

import java.util.ArrayList;
import java.util.List;

/**
 * One client order as the OMS keeps it: its terms, where it stands (OrdStatus, CumQty, LeavesQty,
 * AvgPx) and its ids on each side — the client's ClOrdID chain, Bastion's OrderID, the venue's
 * ClOrdID. Owned by the business thread; only {@link OrderStateMachine} changes it.
 */
public final class Order
{
    final long orderId;
    final long sessionId;
    final String account;
    final String symbol;
    final Side side;
    OrdType ordType;
    TimeInForce timeInForce;
    long expireTimeNanos;

    /** The ClOrdID the client knows the order by now (changes on a replace). */
    String clOrdId;
    /** The ClOrdID before the last replace or cancel, for OrigClOrdID (41). */
    String origClOrdId;
    long orderQty;
    long price;
    long stopPrice;

    OrdStatus status = OrdStatus.PENDING_NEW;
    long cumQty;
    long leavesQty;
    /**
     * The exact sum of LastQty x LastPx over the fills, as a signed 128-bit value (scale 1e12): a
     * double loses cents on large orders, and a long overflows at about 92,000 shares at 100.
     */
    long notionalHigh;
    long notionalLow;

    String venue;
    String venueClOrdId;
    String venueOrderId;
    /** The cancel or replace request waiting for the venue's answer, or null. */
    PendingChange pending;

    /** Venue ExecIDs applied to this order, to ignore resends; null until the first report. */
    List<String> appliedExecIds;
    /** The fills, for busts and corrections that name one by ExecID; null until the first fill. */
    List<Fill> fills;
    /** True once the order has been done and its execution history has been forgotten. */
    boolean executionsForgotten;
    /** Put back from the order store at start-up: the ExecIDs it saw before are not known. */
    boolean restored;

    Order(
        final long orderId,
        final long sessionId,
        final String clOrdId,
        final String account,
        final String symbol,
        final Side side,
        final OrdType ordType,
        final TimeInForce timeInForce,
        final long orderQty,
        final long price,
        final long stopPrice,
        final long expireTimeNanos)
    {
        this.orderId = orderId;
        this.sessionId = sessionId;
        this.clOrdId = clOrdId;
        this.account = account;
        this.symbol = symbol;
        this.side = side;
        this.ordType = ordType;
        this.timeInForce = timeInForce;
        this.orderQty = orderQty;
        this.price = price;
        this.stopPrice = stopPrice;
        this.expireTimeNanos = expireTimeNanos;
        this.leavesQty = orderQty;
    }

    /** Filled, canceled, rejected, expired or done for the day: no more fills. */
    public boolean isDone()
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

    /** AvgPx (6), fixed-point, rounded half away from zero; 0 before the first fill. */
    public long avgPx()
    {
        return cumQty == 0 ? 0 : FixedPointMath.divideRounded(notionalHigh, notionalLow, cumQty);
    }

    void addNotional(final long qty, final long px)
    {
        final long high = Math.multiplyHigh(qty, px);
        final long low = qty * px;
        final long sum = notionalLow + low;
        final long carry = Long.compareUnsigned(sum, notionalLow) < 0 ? 1 : 0;
        notionalLow = sum;
        notionalHigh += high + carry;
    }

    void subtractNotional(final long qty, final long px)
    {
        final long high = Math.multiplyHigh(qty, px);
        final long low = qty * px;
        final long borrow = Long.compareUnsigned(notionalLow, low) < 0 ? 1 : 0;
        notionalLow -= low;
        notionalHigh -= high + borrow;
    }

    boolean executionApplied(final String execId)
    {
        return appliedExecIds != null && appliedExecIds.contains(execId);
    }

    void recordExecution(final String execId)
    {
        if (appliedExecIds == null)
        {
            appliedExecIds = new ArrayList<>(4);
        }
        appliedExecIds.add(execId);
    }

    Fill fill(final String execId)
    {
        if (fills != null)
        {
            for (final Fill fill : fills)
            {
                if (fill.execId.equals(execId))
                {
                    return fill;
                }
            }
        }
        return null;
    }

    void addFill(final Fill fill)
    {
        if (fills == null)
        {
            fills = new ArrayList<>(2);
        }
        fills.add(fill);
    }

    /** Frees the execution history of a done order; later busts of its fills are refused as unknown. */
    void forgetExecutions()
    {
        appliedExecIds = null;
        fills = null;
        executionsForgotten = true;
    }

    public long orderId()
    {
        return orderId;
    }

    public long sessionId()
    {
        return sessionId;
    }

    public String clOrdId()
    {
        return clOrdId;
    }

    public String origClOrdId()
    {
        return origClOrdId;
    }

    /** Account (1) as the client sent it, or null. */
    public String account()
    {
        return account;
    }

    public String symbol()
    {
        return symbol;
    }

    public Side side()
    {
        return side;
    }

    public OrdType ordType()
    {
        return ordType;
    }

    public TimeInForce timeInForce()
    {
        return timeInForce;
    }

    public long expireTimeNanos()
    {
        return expireTimeNanos;
    }

    public long orderQty()
    {
        return orderQty;
    }

    public long price()
    {
        return price;
    }

    public long stopPrice()
    {
        return stopPrice;
    }

    public OrdStatus status()
    {
        return status;
    }

    public long cumQty()
    {
        return cumQty;
    }

    public long leavesQty()
    {
        return leavesQty;
    }

    public String venue()
    {
        return venue;
    }

    public String venueClOrdId()
    {
        return venueClOrdId;
    }

    public String venueOrderId()
    {
        return venueOrderId;
    }

    public PendingChange pending()
    {
        return pending;
    }

    /** The exact notional of the fills (see {@link #avgPx()}), high 64 bits of the 128-bit sum at scale 1e12. */
    public long notionalHigh()
    {
        return notionalHigh;
    }

    public long notionalLow()
    {
        return notionalLow;
    }

    /**
     * The quantity of the fill with this venue ExecID as booked (after any correction), or
     * {@link FixedPoint#NONE} when the order does not remember it: reconciliation and the portfolio
     * read it before a bust or correction changes it.
     */
    public long fillQty(final String execId)
    {
        final Fill fill = execId == null ? null : fill(execId);
        return fill == null ? FixedPoint.NONE : fill.qty;
    }

    /** The price of the fill with this venue ExecID, or {@link FixedPoint#NONE}; see {@link #fillQty}. */
    public long fillPx(final String execId)
    {
        final Fill fill = execId == null ? null : fill(execId);
        return fill == null ? FixedPoint.NONE : fill.px;
    }

    /** Put back from the order store at a restart (its earlier ExecIDs are not known). */
    public boolean restored()
    {
        return restored;
    }

    /**
     * True when a fill report is one the order has counted already by the venue's CumQty: a resend
     * (PossDup) or a report for a restored order whose CumQty the order has reached. Other reports
     * are not judged by CumQty: a venue that gets CumQty wrong must not lose fills.
     */
    public boolean countedByCumQty(final long venueCumQty, final boolean possibleDuplicate)
    {
        return (possibleDuplicate || restored) && venueCumQty > 0 && venueCumQty <= cumQty;
    }

    /** True when the venue report with this ExecID has been applied to the order already. */
    public boolean hasExecution(final String execId)
    {
        return execId != null && executionApplied(execId);
    }

    /** How many venue ExecIDs the order remembers (0 once done and forgotten). */
    public int rememberedExecutions()
    {
        return (appliedExecIds == null ? 0 : appliedExecIds.size()) + (fills == null ? 0 : fills.size());
    }

    @Override
    public String toString()
    {
        return "Order{" + orderId + " " + clOrdId + " " + side + " " + FixedPoint.qtyToDouble(orderQty) + " " + symbol +
            " " + status + " cum=" + FixedPoint.qtyToDouble(cumQty) + " leaves=" + FixedPoint.qtyToDouble(leavesQty) +
            "}";
    }

    /** One fill as the venue reported it (a correction changes it in place). */
    static final class Fill
    {
        final String execId;
        long qty;
        long px;

        Fill(final String execId, final long qty, final long px)
        {
            this.execId = execId;
            this.qty = qty;
            this.px = px;
        }
    }
}

package dev.bastion.oms.order;

import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.api.TimeInForce;

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
    final OrdType ordType;
    final TimeInForce timeInForce;
    final long expireTimeNanos;

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
    /** Sum of LastQty x LastPx in units, for AvgPx; a double is exact enough for reporting. */
    double cumNotional;

    String venue;
    String venueClOrdId;
    String venueOrderId;
    /** The cancel or replace request waiting for the venue's answer, or null. */
    PendingChange pending;

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

    /** Filled, canceled, rejected, expired, replaced away or done for the day: no more fills. */
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

    /** AvgPx (6), fixed-point, or 0 before the first fill. */
    public long avgPx()
    {
        if (cumQty == 0)
        {
            return 0;
        }
        return Math.round(cumNotional / FixedPoint.qtyToDouble(cumQty) * FixedPoint.PRICE_SCALE);
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

    @Override
    public String toString()
    {
        return "Order{" + orderId + " " + clOrdId + " " + side + " " + FixedPoint.qtyToDouble(orderQty) + " " + symbol +
            " " + status + " cum=" + FixedPoint.qtyToDouble(cumQty) + " leaves=" + FixedPoint.qtyToDouble(leavesQty) +
            "}";
    }
}

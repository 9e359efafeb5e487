package dev.bastion.oms.venue.sim;

import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.api.TimeInForce;

import java.math.BigInteger;

/** One order at the simulated venue; owned by the simulator's engine thread. */
final class SimOrder
{
    final String session;
    final String orderId;
    final String symbol;
    final Side side;
    final String account;

    String clOrdId;
    String origClOrdId;
    OrdType ordType;
    TimeInForce timeInForce;
    long qty;
    long price;
    long stopPrice;
    long expireTimeNanos;

    OrdStatus status = OrdStatus.NEW;
    long cumQty;
    long leavesQty;
    /** Sum of fixed-point qty x fixed-point price; a BigInteger because the product overflows a long. */
    BigInteger notional = BigInteger.ZERO;
    /** Time priority: a replace takes a new one. */
    long sequence;
    /** The price step at which the order (last) entered; it rests from the next step on. */
    long enteredStep;
    boolean triggered;
    boolean onBook;

    SimOrder(final String session, final String orderId, final OrderRequest request)
    {
        this.session = session;
        this.orderId = orderId;
        this.symbol = request.symbol();
        this.side = request.side();
        this.account = request.account();
        amend(request);
    }

    void amend(final OrderRequest request)
    {
        clOrdId = request.clOrdId();
        ordType = request.ordType();
        timeInForce = request.timeInForce();
        qty = request.qty();
        price = request.price();
        stopPrice = request.stopPrice();
        expireTimeNanos = request.expireTimeNanos();
        leavesQty = qty - cumQty;
    }

    boolean isBuy()
    {
        return side == Side.BUY || side == Side.BUY_MINUS;
    }

    boolean isStop()
    {
        return ordType == OrdType.STOP || ordType == OrdType.STOP_LIMIT;
    }

    /** Waiting for its stop price: not yet in the market. */
    boolean isDormantStop()
    {
        return isStop() && !triggered;
    }

    /** Fills at whatever the market trades (a market order, or a stop once triggered). */
    boolean isMarketLike()
    {
        return ordType == OrdType.MARKET || ordType == OrdType.STOP;
    }

    boolean isImmediate()
    {
        return timeInForce == TimeInForce.IMMEDIATE_OR_CANCEL || timeInForce == TimeInForce.FILL_OR_KILL;
    }

    /** @return true when the order would trade at {@code marketPrice}. */
    boolean crosses(final long marketPrice)
    {
        if (isMarketLike())
        {
            return true;
        }
        return isBuy() ? price >= marketPrice : price <= marketPrice;
    }

    /** A buy stop triggers at or above its stop price, a sell stop at or below. */
    boolean stopTouched(final long marketPrice)
    {
        return isBuy() ? marketPrice >= stopPrice : marketPrice <= stopPrice;
    }

    boolean isDone()
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

    long avgPx()
    {
        if (cumQty == 0)
        {
            return 0;
        }
        final BigInteger[] quotient = notional.divideAndRemainder(BigInteger.valueOf(cumQty));
        final boolean roundUp = quotient[1].shiftLeft(1).compareTo(BigInteger.valueOf(cumQty)) >= 0;
        return quotient[0].longValueExact() + (roundUp ? 1 : 0);
    }

    void addFill(final long fillQty, final long fillPx)
    {
        notional = notional.add(BigInteger.valueOf(fillQty).multiply(BigInteger.valueOf(fillPx)));
    }

    void removeFill(final long fillQty, final long fillPx)
    {
        notional = notional.subtract(BigInteger.valueOf(fillQty).multiply(BigInteger.valueOf(fillPx)));
    }

    @Override
    public String toString()
    {
        return orderId + " " + clOrdId + " " + side + " " + FixedPoint.qtyToDouble(qty) + " " + symbol + " " +
            ordType + " " + timeInForce + " " + status + " cum=" + FixedPoint.qtyToDouble(cumQty);
    }
}

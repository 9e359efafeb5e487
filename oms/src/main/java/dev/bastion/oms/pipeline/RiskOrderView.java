package dev.bastion.oms.pipeline;

import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.order.Order;
import dev.bastion.risk.pretrade.OrderTerms;

/**
 * The risk engine's view of an OMS order: one reused instance pointed at the order being checked,
 * so a check allocates nothing. For a replace it shows the order with the requested terms.
 */
final class RiskOrderView implements OrderTerms
{
    private Order order;
    private CharSequence account;
    private CharSequence clOrdId;
    private char ordType;
    private long quantity;
    private long price;
    private long stopPrice;

    RiskOrderView of(final Order order, final CharSequence account)
    {
        return terms(order, account, order.clOrdId(), order.ordType(), order.orderQty(), order.price(),
            order.stopPrice());
    }

    RiskOrderView terms(
        final Order order, final CharSequence account, final CharSequence clOrdId, final OrdType ordType,
        final long quantity, final long price, final long stopPrice)
    {
        this.order = order;
        this.account = account;
        this.clOrdId = clOrdId;
        this.ordType = ordType.fixValue();
        this.quantity = quantity;
        final boolean priced = ordType == OrdType.LIMIT || ordType == OrdType.STOP_LIMIT;
        final boolean stopped = ordType == OrdType.STOP || ordType == OrdType.STOP_LIMIT;
        this.price = priced ? price : dev.bastion.risk.FixedPointMath.NONE;
        this.stopPrice = stopped ? stopPrice : dev.bastion.risk.FixedPointMath.NONE;
        return this;
    }

    @Override
    public long orderId()
    {
        return order.orderId();
    }

    @Override
    public CharSequence account()
    {
        return account;
    }

    @Override
    public CharSequence symbol()
    {
        return order.symbol();
    }

    @Override
    public CharSequence clOrdId()
    {
        return clOrdId;
    }

    @Override
    public char side()
    {
        return order.side().fixValue();
    }

    @Override
    public char ordType()
    {
        return ordType;
    }

    @Override
    public long quantity()
    {
        return quantity;
    }

    @Override
    public long price()
    {
        return price;
    }

    @Override
    public long stopPrice()
    {
        return stopPrice;
    }
}

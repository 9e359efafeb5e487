package dev.bastion.risk.pretrade;

import dev.bastion.risk.FixedPointMath;

/** A mutable order for tests, in the units a person writes (shares, dollars). */
final class TestOrder implements OrderTerms
{
    private static long nextOrderId = 1;

    long orderId = nextOrderId++;
    String account = "ACC";
    String symbol = "AAPL";
    String clOrdId = "C" + orderId;
    char side = '1';
    char ordType = '2';
    long quantity = FixedPointMath.toQty(10);
    long price = FixedPointMath.toPrice(100);
    long stopPrice = FixedPointMath.NONE;

    static TestOrder buy(final double qty, final String symbol, final double price)
    {
        final TestOrder order = new TestOrder();
        order.symbol = symbol;
        order.quantity = FixedPointMath.toQty(qty);
        order.price = FixedPointMath.toPrice(price);
        return order;
    }

    static TestOrder sell(final double qty, final String symbol, final double price)
    {
        final TestOrder order = buy(qty, symbol, price);
        order.side = '2';
        return order;
    }

    static TestOrder market(final char side, final double qty, final String symbol)
    {
        final TestOrder order = buy(qty, symbol, 0);
        order.side = side;
        order.ordType = '1';
        order.price = FixedPointMath.NONE;
        return order;
    }

    static TestOrder stop(final char side, final double qty, final String symbol, final double stopPrice)
    {
        final TestOrder order = market(side, qty, symbol);
        order.ordType = '3';
        order.stopPrice = FixedPointMath.toPrice(stopPrice);
        return order;
    }

    TestOrder account(final String account)
    {
        this.account = account;
        return this;
    }

    TestOrder clOrdId(final String clOrdId)
    {
        this.clOrdId = clOrdId;
        return this;
    }

    /** The same terms under a new order id and ClOrdID. */
    TestOrder again()
    {
        final TestOrder copy = new TestOrder();
        copy.account = account;
        copy.symbol = symbol;
        copy.side = side;
        copy.ordType = ordType;
        copy.quantity = quantity;
        copy.price = price;
        copy.stopPrice = stopPrice;
        return copy;
    }

    @Override
    public long orderId()
    {
        return orderId;
    }

    @Override
    public CharSequence account()
    {
        return account;
    }

    @Override
    public CharSequence symbol()
    {
        return symbol;
    }

    @Override
    public CharSequence clOrdId()
    {
        return clOrdId;
    }

    @Override
    public char side()
    {
        return side;
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

    @Override
    public String toString()
    {
        return "order " + orderId + " " + account + " " + clOrdId + " " + side + " " + ordType + " " + symbol + " " +
            FixedPointMath.qtyToDouble(quantity) + " @ " + price + " stop " + stopPrice;
    }
}

package dev.bastion.oms.api;

/**
 * The order terms shared by NewOrderSingle (D) and OrderCancelReplaceRequest (G): a replace
 * restates the whole order.
 */
public abstract class OrderFields extends ClientRequest
{
    public static final long NO_TIME = Long.MIN_VALUE;

    private final StringBuilder clOrdId = new StringBuilder(32);
    private final StringBuilder account = new StringBuilder(16);
    private final StringBuilder symbol = new StringBuilder(16);
    private final StringBuilder exDestination = new StringBuilder(8);
    private final StringBuilder text = new StringBuilder(32);
    private char side;
    private char ordType;
    private char timeInForce;
    private char handlInst;
    private long price;
    private long stopPrice;
    private long orderQty;
    private long maxFloor;
    private long minQty;
    private long expireTimeNanos;
    private long transactTimeNanos;
    private boolean hasSizing;
    private double winProbability;
    private double winLossRatio;
    private double sizingConfidence;
    private char algoStrategy;
    private long algoStartTimeNanos;
    private long algoEndTimeNanos;
    private int algoSliceCount;

    /** Clears every order field to absent; the gateway then sets what the message carries. */
    public void resetOrderFields()
    {
        clOrdId.setLength(0);
        account.setLength(0);
        symbol.setLength(0);
        exDestination.setLength(0);
        text.setLength(0);
        side = 0;
        ordType = 0;
        timeInForce = TimeInForce.DAY.fixValue();
        handlInst = 0;
        price = FixedPoint.NONE;
        stopPrice = FixedPoint.NONE;
        orderQty = FixedPoint.NONE;
        maxFloor = FixedPoint.NONE;
        minQty = FixedPoint.NONE;
        expireTimeNanos = NO_TIME;
        transactTimeNanos = NO_TIME;
        hasSizing = false;
        winProbability = Double.NaN;
        winLossRatio = Double.NaN;
        sizingConfidence = Double.NaN;
        algoStrategy = 0;
        algoStartTimeNanos = NO_TIME;
        algoEndTimeNanos = NO_TIME;
        algoSliceCount = 0;
    }

    public CharSequence clOrdId()
    {
        return clOrdId;
    }

    public void clOrdId(final char[] chars, final int length)
    {
        copy(clOrdId, chars, length);
    }

    public void clOrdId(final CharSequence value)
    {
        copy(clOrdId, value);
    }

    public CharSequence account()
    {
        return account;
    }

    public void account(final char[] chars, final int length)
    {
        copy(account, chars, length);
    }

    public CharSequence symbol()
    {
        return symbol;
    }

    public void symbol(final char[] chars, final int length)
    {
        copy(symbol, chars, length);
    }

    public void symbol(final CharSequence value)
    {
        copy(symbol, value);
    }

    public CharSequence exDestination()
    {
        return exDestination;
    }

    public void exDestination(final char[] chars, final int length)
    {
        copy(exDestination, chars, length);
    }

    public CharSequence text()
    {
        return text;
    }

    public void text(final char[] chars, final int length)
    {
        copy(text, chars, length);
    }

    /** Side (54) as its FIX code; {@link Side#fromFix} maps the supported ones. */
    public char side()
    {
        return side;
    }

    public void side(final char side)
    {
        this.side = side;
    }

    /** OrdType (40) as its FIX code; {@link OrdType#fromFix} maps the supported ones. */
    public char ordType()
    {
        return ordType;
    }

    public void ordType(final char ordType)
    {
        this.ordType = ordType;
    }

    /** TimeInForce (59) as its FIX code; Day ('0') when the client sent none. */
    public char timeInForce()
    {
        return timeInForce;
    }

    public void timeInForce(final char timeInForce)
    {
        this.timeInForce = timeInForce;
    }

    public char handlInst()
    {
        return handlInst;
    }

    public void handlInst(final char handlInst)
    {
        this.handlInst = handlInst;
    }

    /** Price (44), fixed-point, or {@link FixedPoint#NONE}. */
    public long price()
    {
        return price;
    }

    public void price(final long price)
    {
        this.price = price;
    }

    /** StopPx (99), fixed-point, or {@link FixedPoint#NONE}. */
    public long stopPrice()
    {
        return stopPrice;
    }

    public void stopPrice(final long stopPrice)
    {
        this.stopPrice = stopPrice;
    }

    /** OrderQty (38), fixed-point, or {@link FixedPoint#NONE}. */
    public long orderQty()
    {
        return orderQty;
    }

    public void orderQty(final long orderQty)
    {
        this.orderQty = orderQty;
    }

    /** MaxFloor (111): the displayed quantity of an iceberg, or {@link FixedPoint#NONE}. */
    public long maxFloor()
    {
        return maxFloor;
    }

    public void maxFloor(final long maxFloor)
    {
        this.maxFloor = maxFloor;
    }

    public long minQty()
    {
        return minQty;
    }

    public void minQty(final long minQty)
    {
        this.minQty = minQty;
    }

    /** ExpireTime (126) for GTD orders, epoch nanoseconds, or {@link #NO_TIME}. */
    public long expireTimeNanos()
    {
        return expireTimeNanos;
    }

    public void expireTimeNanos(final long expireTimeNanos)
    {
        this.expireTimeNanos = expireTimeNanos;
    }

    public long transactTimeNanos()
    {
        return transactTimeNanos;
    }

    public void transactTimeNanos(final long transactTimeNanos)
    {
        this.transactTimeNanos = transactTimeNanos;
    }

    /** True when the order carries all three Kelly sizing tags (20001-20003). */
    public boolean hasSizing()
    {
        return hasSizing;
    }

    public double winProbability()
    {
        return winProbability;
    }

    public double winLossRatio()
    {
        return winLossRatio;
    }

    public double sizingConfidence()
    {
        return sizingConfidence;
    }

    public void sizing(final double winProbability, final double winLossRatio, final double sizingConfidence)
    {
        this.hasSizing = true;
        this.winProbability = winProbability;
        this.winLossRatio = winLossRatio;
        this.sizingConfidence = sizingConfidence;
    }

    /** AlgoStrategy (20010): 'T' TWAP, 'V' VWAP, 'I' iceberg, or 0 for none. */
    public char algoStrategy()
    {
        return algoStrategy;
    }

    public long algoStartTimeNanos()
    {
        return algoStartTimeNanos;
    }

    public long algoEndTimeNanos()
    {
        return algoEndTimeNanos;
    }

    public int algoSliceCount()
    {
        return algoSliceCount;
    }

    public void algo(final char strategy, final long startTimeNanos, final long endTimeNanos, final int sliceCount)
    {
        this.algoStrategy = strategy;
        this.algoStartTimeNanos = startTimeNanos;
        this.algoEndTimeNanos = endTimeNanos;
        this.algoSliceCount = sliceCount;
    }
}

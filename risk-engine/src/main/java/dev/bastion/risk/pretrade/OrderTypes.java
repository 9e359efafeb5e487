package dev.bastion.risk.pretrade;

/** How the checks read an order's FIX Side (54) and OrdType (40), and which price values it. */
final class OrderTypes
{
    static final char MARKET = '1';
    static final char LIMIT = '2';
    static final char STOP = '3';
    static final char STOP_LIMIT = '4';

    static final int BUY = 1;
    static final int SELL = -1;

    private OrderTypes()
    {
    }

    /** +1 for Buy and Buy minus, -1 for the sell sides (short ones included), 0 for a side the checks refuse. */
    static int sideSign(final char side)
    {
        switch (side)
        {
            case '1':
            case '3':
                return BUY;
            case '2':
            case '4':
            case '5':
            case '6':
                return SELL;
            default:
                return 0;
        }
    }

    static boolean isKnownType(final char ordType)
    {
        return ordType >= MARKET && ordType <= STOP_LIMIT;
    }

    static boolean hasLimitPrice(final char ordType)
    {
        return ordType == LIMIT || ordType == STOP_LIMIT;
    }

    static boolean hasStopPrice(final char ordType)
    {
        return ordType == STOP || ordType == STOP_LIMIT;
    }

    /**
     * The price an order is valued at: the limit price of a limit or stop-limit order, the stop price of a
     * stop order, the reference price of a market order ({@link dev.bastion.risk.FixedPointMath#NONE} if none).
     */
    static long orderPrice(final char ordType, final long limitPrice, final long stopPrice, final long reference)
    {
        switch (ordType)
        {
            case LIMIT:
            case STOP_LIMIT:
                return limitPrice;
            case STOP:
                return stopPrice;
            default:
                return reference;
        }
    }
}

package dev.bastion.oms.api;

/**
 * ExecType (150) in FIX 4.4 terms. The gateway writes FIX 4.2's codes for a FIX 4.2 client
 * (a trade is PARTIAL_FILL '1' or FILL '2' there, with ExecTransType 20).
 */
public enum ExecType
{
    NEW('0'),
    TRADE('F'),
    DONE_FOR_DAY('3'),
    CANCELED('4'),
    REPLACED('5'),
    PENDING_CANCEL('6'),
    REJECTED('8'),
    PENDING_NEW('A'),
    EXPIRED('C'),
    RESTATED('D'),
    PENDING_REPLACE('E'),
    TRADE_CORRECT('G'),
    TRADE_CANCEL('H'),
    ORDER_STATUS('I');

    private final char fixValue;

    ExecType(final char fixValue)
    {
        this.fixValue = fixValue;
    }

    public char fixValue()
    {
        return fixValue;
    }
}

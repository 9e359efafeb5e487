package dev.bastion.oms.api;

/** OrdStatus (39): the state of an order after the event an ExecutionReport reports. */
public enum OrdStatus
{
    NEW('0'),
    PARTIALLY_FILLED('1'),
    FILLED('2'),
    DONE_FOR_DAY('3'),
    CANCELED('4'),
    REPLACED('5'),
    PENDING_CANCEL('6'),
    REJECTED('8'),
    PENDING_NEW('A'),
    EXPIRED('C'),
    PENDING_REPLACE('E');

    private final char fixValue;

    OrdStatus(final char fixValue)
    {
        this.fixValue = fixValue;
    }

    public char fixValue()
    {
        return fixValue;
    }
}

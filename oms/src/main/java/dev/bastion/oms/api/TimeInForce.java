package dev.bastion.oms.api;

/** The TimeInForce (59) values the OMS supports; other codes are refused by the OMS with a reason. */
public enum TimeInForce
{
    DAY('0'),
    GOOD_TILL_CANCEL('1'),
    AT_THE_OPENING('2'),
    IMMEDIATE_OR_CANCEL('3'),
    FILL_OR_KILL('4'),
    GOOD_TILL_DATE('6');

    private static final TimeInForce[] BY_CODE = new TimeInForce[128];

    static
    {
        for (final TimeInForce value : values())
        {
            BY_CODE[value.fixValue] = value;
        }
    }

    private final char fixValue;

    TimeInForce(final char fixValue)
    {
        this.fixValue = fixValue;
    }

    public char fixValue()
    {
        return fixValue;
    }

    /** @return the value for a FIX code, or null when the OMS does not support it. */
    public static TimeInForce fromFix(final char code)
    {
        return code < BY_CODE.length ? BY_CODE[code] : null;
    }
}

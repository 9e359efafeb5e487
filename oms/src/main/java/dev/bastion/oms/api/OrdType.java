package dev.bastion.oms.api;

/** The OrdType (40) values the OMS supports; other codes are refused by the OMS with a reason. */
public enum OrdType
{
    MARKET('1'),
    LIMIT('2'),
    STOP('3'),
    STOP_LIMIT('4');

    private static final OrdType[] BY_CODE = new OrdType[128];

    static
    {
        for (final OrdType value : values())
        {
            BY_CODE[value.fixValue] = value;
        }
    }

    private final char fixValue;

    OrdType(final char fixValue)
    {
        this.fixValue = fixValue;
    }

    public char fixValue()
    {
        return fixValue;
    }

    /** @return the value for a FIX code, or null when the OMS does not support it. */
    public static OrdType fromFix(final char code)
    {
        return code < BY_CODE.length ? BY_CODE[code] : null;
    }
}

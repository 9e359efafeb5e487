package dev.bastion.oms.api;

/** The Side (54) values the OMS supports; other codes are refused by the OMS with a reason. */
public enum Side
{
    BUY('1'),
    SELL('2'),
    BUY_MINUS('3'),
    SELL_PLUS('4'),
    SELL_SHORT('5'),
    SELL_SHORT_EXEMPT('6');

    private static final Side[] BY_CODE = new Side[128];

    static
    {
        for (final Side value : values())
        {
            BY_CODE[value.fixValue] = value;
        }
    }

    private final char fixValue;

    Side(final char fixValue)
    {
        this.fixValue = fixValue;
    }

    public char fixValue()
    {
        return fixValue;
    }

    /** @return the value for a FIX code, or null when the OMS does not support it. */
    public static Side fromFix(final char code)
    {
        return code < BY_CODE.length ? BY_CODE[code] : null;
    }
}

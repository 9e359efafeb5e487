package dev.bastion.risk.pretrade;

/**
 * Why a pre-trade check refused an order, or which limit an accepted order came close to. The numbers are
 * stable: the OMS sends them to clients in RiskRejectCode (20020), and a warning is the bit
 * {@code 1L << code} of {@link CheckResult#warnings()}. New codes take new numbers; numbers are never reused.
 * <p>
 * The checks run in the order of the numbers below (2 to 22); an order is refused for the first one it
 * fails.
 */
public enum RiskRejectCode
{
    /** Not a reject: the order passed. */
    NONE(0, "none"),
    /** Side, OrdType, quantity, price or stop price missing or not usable. */
    INVALID_ORDER(1, "invalid order terms"),
    /** The account is not configured and the configuration does not admit unknown accounts. */
    UNKNOWN_ACCOUNT(2, "unknown account"),
    /** The firm-wide kill switch: only cancels pass. */
    FIRM_HALTED(3, "firm-wide trading halted"),
    /** The account's kill switch: only cancels pass. */
    ACCOUNT_HALTED(4, "account trading halted"),
    /** The day's loss reached the account's limit; the check halts the account. */
    DAILY_LOSS_LIMIT(5, "daily loss limit"),
    /** REDUCING state: only an order that reduces a position passes. */
    REDUCE_ONLY(6, "reduce-only: order would not reduce a position"),
    /** The symbol is restricted firm-wide or for the account. */
    RESTRICTED_SYMBOL(7, "restricted symbol"),
    /** Too many messages from the account in the window. */
    MESSAGE_RATE(8, "message rate"),
    /** Too many orders from the account in the window. */
    ORDER_RATE(9, "order rate"),
    /** The ClOrdID was seen before for the account. */
    DUPLICATE_CL_ORD_ID(10, "duplicate ClOrdID"),
    /** The same symbol, side, type, quantity and prices within the duplicate window. */
    DUPLICATE_ORDER(11, "duplicate order"),
    /** OrderQty above the account's maximum. */
    MAX_ORDER_QUANTITY(12, "max order quantity"),
    /** A market order with no reference price, when the configuration refuses those. */
    NO_REFERENCE_PRICE(13, "no reference price"),
    /** Limit price outside the collar around the reference price. */
    PRICE_COLLAR(14, "price collar"),
    /** A stop price the market has already passed: the stop would trigger at once. */
    STOP_THROUGH_MARKET(15, "stop price through the market"),
    /** Order notional above the account's maximum. */
    MAX_ORDER_NOTIONAL(16, "max order notional"),
    /** Gross exposure (positions and open orders) above the credit limit. */
    CREDIT_GROSS(17, "gross credit limit"),
    /** Net exposure (positions and open orders) above the credit limit. */
    CREDIT_NET(18, "net credit limit"),
    /** Exposure in one symbol above the position limit. */
    POSITION_LIMIT(19, "position limit"),
    /** A new position beyond the maximum number of positions. */
    MAX_POSITIONS(20, "max number of positions"),
    /** Exposure in the symbol's sector above its share of the portfolio value. */
    SECTOR_EXPOSURE(21, "sector exposure"),
    /** Gross exposure above the maximum leverage of the portfolio value. */
    LEVERAGE(22, "max leverage");

    private static final RiskRejectCode[] BY_CODE = new RiskRejectCode[64];

    static
    {
        for (final RiskRejectCode value : values())
        {
            if (BY_CODE[value.code] != null)
            {
                throw new IllegalStateException("two reject codes numbered " + value.code);
            }
            BY_CODE[value.code] = value;
        }
    }

    private final int code;
    private final String description;

    RiskRejectCode(final int code, final String description)
    {
        this.code = code;
        this.description = description;
    }

    /** The stable number (RiskRejectCode (20020)). */
    public int code()
    {
        return code;
    }

    /** This code's bit in a warning mask. */
    public long bit()
    {
        return 1L << code;
    }

    public String description()
    {
        return description;
    }

    /** @return the value for a number, or null when no code has it. */
    public static RiskRejectCode fromCode(final int code)
    {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}

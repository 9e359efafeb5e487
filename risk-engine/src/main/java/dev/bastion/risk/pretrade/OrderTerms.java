package dev.bastion.risk.pretrade;

/**
 * The read-only view of an order the pre-trade checks need. The OMS's order (or a small adapter over it)
 * implements it; nothing here is copied, so a check allocates nothing.
 * <p>
 * Prices and quantities are fixed-point on the OMS's scales ({@link dev.bastion.risk.FixedPointMath}), with
 * {@link dev.bastion.risk.FixedPointMath#NONE} for a field the order does not carry.
 */
public interface OrderTerms
{
    /** The OMS's id for the order; a check of an id already open is a cancel/replace of that order. */
    long orderId();

    CharSequence account();

    CharSequence symbol();

    CharSequence clOrdId();

    /** Side (54) as its FIX code: '1' buy, '3' buy minus; '2' sell, '4' sell plus, '5' and '6' sell short. */
    char side();

    /** OrdType (40) as its FIX code: '1' market, '2' limit, '3' stop, '4' stop limit. */
    char ordType();

    /** OrderQty (38). */
    long quantity();

    /** Price (44) of a limit or stop-limit order. */
    long price();

    /** StopPx (99) of a stop or stop-limit order. */
    long stopPrice();
}

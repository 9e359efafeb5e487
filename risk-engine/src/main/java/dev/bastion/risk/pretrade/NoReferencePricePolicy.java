package dev.bastion.risk.pretrade;

/** What to do with a market order when the symbol has no reference price, so its notional is unknown. */
public enum NoReferencePricePolicy
{
    /** Refuse it with {@link RiskRejectCode#NO_REFERENCE_PRICE} (the default: SEC 15c3-5 wants a notional). */
    REJECT,
    /**
     * Let it through with the {@link RiskRejectCode#NO_REFERENCE_PRICE} warning; its notional counts as zero in
     * the exposure checks, its quantity still meets the quantity limit.
     */
    ALLOW
}

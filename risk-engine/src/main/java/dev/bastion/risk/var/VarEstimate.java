package dev.bastion.risk.var;

/**
 * Value at risk and expected shortfall (CVaR) of a portfolio, as losses: positive numbers in the currency of
 * the positions. A negative VaR means the portfolio still makes money at that quantile.
 *
 * @param method            how it was estimated.
 * @param confidence        e.g. 0.99.
 * @param horizonDays       the holding period in trading days.
 * @param valueAtRisk       the loss not exceeded with probability {@code confidence}.
 * @param expectedShortfall the average loss in the {@code 1 - confidence} tail beyond it.
 */
public record VarEstimate(
    VarMethod method, double confidence, int horizonDays, double valueAtRisk, double expectedShortfall)
{
    static void validate(final double confidence, final int horizonDays)
    {
        if (!(confidence > 0.5 && confidence < 1))
        {
            throw new IllegalArgumentException("confidence must be above 0.5 and below 1, was " + confidence);
        }
        if (horizonDays < 1)
        {
            throw new IllegalArgumentException("horizon must be at least 1 day, was " + horizonDays);
        }
    }
}

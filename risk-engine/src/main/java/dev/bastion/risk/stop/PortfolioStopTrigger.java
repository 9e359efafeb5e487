package dev.bastion.risk.stop;

/**
 * The unrealized loss of all watched positions reached the portfolio limit.
 *
 * @param unrealizedLoss the loss, fixed-point notional, positive.
 * @param limit          the configured limit.
 */
public record PortfolioStopTrigger(long unrealizedLoss, long limit, long epochNanos)
{
}

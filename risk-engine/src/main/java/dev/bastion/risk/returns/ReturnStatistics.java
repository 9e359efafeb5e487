package dev.bastion.risk.returns;

/**
 * Performance figures of a series of periodic returns (fractions: 0.01 is 1%).
 *
 * @param observations     the returns used (NaN dropped).
 * @param totalReturn      compounded: Π(1 + r) − 1.
 * @param annualReturn     compound annual growth rate: (1 + total)^(periods per year / n) − 1.
 * @param annualVolatility sample standard deviation (n − 1) x √(periods per year).
 * @param sharpe           annualised mean excess return over its sample standard deviation.
 * @param sortino          annualised mean excess return over the annualised downside deviation.
 * @param maxDrawdown      the largest fall of compounded wealth from a peak, as a negative fraction (−0.10).
 * @param winRate          winning periods over periods that won or lost (flat periods are neither).
 * @param averageWin       mean of the positive returns (NaN without any).
 * @param averageLoss      mean of the negative returns, negative (NaN without any).
 * @param profitFactor     sum of gains over the absolute sum of losses (infinite without losses).
 */
public record ReturnStatistics(
    int observations,
    double totalReturn,
    double annualReturn,
    double annualVolatility,
    double sharpe,
    double sortino,
    double maxDrawdown,
    double winRate,
    double averageWin,
    double averageLoss,
    double profitFactor)
{
}

package dev.bastion.oms.portfolio;

import java.time.LocalDate;

/**
 * P&amp;L of an account over the current day, week or month.
 *
 * @param start         first UTC day of the period.
 * @param startEquity   equity at the close of the day before {@code start} (money, scale 1e8), or the
 *                      account's first sample when it is younger than the period.
 * @param equity        equity now: cash plus market value of every position.
 * @param pnl           {@code equity - startEquity}.
 * @param returnPercent {@code 100 * pnl / startEquity}; NaN when the start equity is not positive.
 */
public record PeriodPnl(PnlPeriod period, LocalDate start, long startEquity, long equity, long pnl, double returnPercent)
{
}

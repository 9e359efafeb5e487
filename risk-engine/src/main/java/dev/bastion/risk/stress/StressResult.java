package dev.bastion.risk.stress;

import java.util.List;

/**
 * The P&amp;L of a portfolio under one scenario.
 *
 * @param scenario  its name.
 * @param pnl       the total, in currency (negative is a loss).
 * @param positions each position's shock and P&amp;L, worst first.
 */
public record StressResult(String scenario, double pnl, List<PositionPnl> positions)
{
    /** One position under the scenario. */
    public record PositionPnl(String symbol, double value, double shockPercent, double pnl)
    {
    }
}

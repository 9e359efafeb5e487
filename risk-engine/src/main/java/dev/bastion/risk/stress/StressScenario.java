package dev.bastion.risk.stress;

import java.util.Map;

/**
 * A named set of price shocks in percent (-20 is a 20% fall). A symbol's own shock wins over its sector's,
 * which wins over the scenario's shock for everything else.
 */
public record StressScenario(
    String name, Map<String, Double> symbolShocks, Map<String, Double> sectorShocks, double otherShock)
{
    public StressScenario
    {
        if (name == null || name.isBlank())
        {
            throw new IllegalArgumentException("a stress scenario needs a name");
        }
        symbolShocks = Map.copyOf(symbolShocks);
        sectorShocks = Map.copyOf(sectorShocks);
        validate(name, "other", otherShock);
        symbolShocks.forEach((symbol, shock) -> validate(name, symbol, shock));
        sectorShocks.forEach((sector, shock) -> validate(name, "sector " + sector, shock));
    }

    /** The same shock for every position. */
    public static StressScenario uniform(final String name, final double shockPercent)
    {
        return new StressScenario(name, Map.of(), Map.of(), shockPercent);
    }

    /** The shock, in percent, of a position in this symbol and sector. */
    public double shockFor(final String symbol, final String sector)
    {
        final Double own = symbolShocks.get(symbol);
        if (own != null)
        {
            return own;
        }
        final Double ofSector = sector == null ? null : sectorShocks.get(sector);
        return ofSector != null ? ofSector : otherShock;
    }

    private static void validate(final String scenario, final String what, final double shock)
    {
        if (!(shock >= -100) || !Double.isFinite(shock))
        {
            throw new IllegalArgumentException("scenario " + scenario + ": the shock of " + what +
                " must be a percentage of at least -100, was " + shock);
        }
    }
}

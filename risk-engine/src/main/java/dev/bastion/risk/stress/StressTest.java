package dev.bastion.risk.stress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies named shocks to positions and reports the P&amp;L: a linear revaluation (value x shock), which is
 * exact for cash equities and futures and a first-order figure for anything with convexity.
 */
public final class StressTest
{
    private StressTest()
    {
    }

    public static StressResult run(final List<StressPosition> positions, final StressScenario scenario)
    {
        final List<StressResult.PositionPnl> results = new ArrayList<>(positions.size());
        double total = 0;
        for (final StressPosition position : positions)
        {
            final double shock = scenario.shockFor(position.symbol(), position.sector());
            final double pnl = position.value() * shock / 100.0;
            total += pnl;
            results.add(new StressResult.PositionPnl(position.symbol(), position.value(), shock, pnl));
        }
        results.sort(Comparator.comparingDouble(StressResult.PositionPnl::pnl));
        return new StressResult(scenario.name(), total, List.copyOf(results));
    }

    /** Every scenario, worst total first. */
    public static List<StressResult> run(final List<StressPosition> positions, final List<StressScenario> scenarios)
    {
        final List<StressResult> results = new ArrayList<>(scenarios.size());
        for (final StressScenario scenario : scenarios)
        {
            results.add(run(positions, scenario));
        }
        results.sort(Comparator.comparingDouble(StressResult::pnl));
        return results;
    }
}

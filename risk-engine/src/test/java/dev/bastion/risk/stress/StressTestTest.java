package dev.bastion.risk.stress;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StressTestTest
{
    private final List<StressPosition> book = List.of(
        new StressPosition("AAPL", "TECH", 50_000),
        new StressPosition("MSFT", "TECH", 30_000),
        new StressPosition("XOM", "ENERGY", 20_000),
        new StressPosition("SPY-PUT", null, -10_000));

    @Test
    void shouldApplySymbolThenSectorThenDefaultShocks()
    {
        final StressScenario techSell = new StressScenario("tech sell-off", Map.of("AAPL", -25.0),
            Map.of("TECH", -15.0), -5.0);

        final StressResult result = StressTest.run(book, techSell);

        // -12,500 - 4,500 - 1,000 + 500
        assertThat(result.pnl()).isCloseTo(-17_500, within(1e-9));
        assertThat(result.positions()).extracting(StressResult.PositionPnl::symbol)
            .containsExactly("AAPL", "MSFT", "XOM", "SPY-PUT");
        assertThat(result.positions().get(3).pnl()).isCloseTo(500, within(1e-9));
    }

    @Test
    void shouldOrderScenariosWorstFirst()
    {
        final List<StressResult> results = StressTest.run(book, List.of(
            StressScenario.uniform("rally", 10),
            StressScenario.uniform("crash", -20),
            new StressScenario("oil shock", Map.of(), Map.of("ENERGY", 30.0), -3)));

        assertThat(results).extracting(StressResult::scenario).containsExactly("crash", "oil shock", "rally");
        assertThat(results.get(0).pnl()).isCloseTo(-18_000, within(1e-9));
    }

    @Test
    void shouldRefuseAShockBeyondATotalLoss()
    {
        assertThatThrownBy(() -> new StressScenario("bad", Map.of("X", -150.0), Map.of(), 0))
            .hasMessage("scenario bad: the shock of X must be a percentage of at least -100, was -150.0");
    }
}

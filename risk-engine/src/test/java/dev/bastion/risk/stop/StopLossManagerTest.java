package dev.bastion.risk.stop;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.bastion.risk.FixedPointMath.toNotional;
import static dev.bastion.risk.FixedPointMath.toPrice;
import static dev.bastion.risk.FixedPointMath.toQty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StopLossManagerTest
{
    private final List<StopTrigger> stops = new ArrayList<>();
    private final List<PortfolioStopTrigger> portfolioStops = new ArrayList<>();
    private final StopLossListener listener = new StopLossListener()
    {
        @Override
        public void onStop(final StopTrigger trigger)
        {
            stops.add(trigger);
        }

        @Override
        public void onPortfolioStop(final PortfolioStopTrigger trigger)
        {
            portfolioStops.add(trigger);
        }
    };
    private final StopLossManager manager = new StopLossManager(() -> 42L, listener, 0);

    @Test
    void shouldTriggerAFixedStopWhenThePriceReachesIt()
    {
        manager.addFixed("P1", "AAPL", toQty(100), toPrice(100), toPrice(97.5));

        manager.onPrice("AAPL", toPrice(97.51));
        assertThat(stops).isEmpty();
        manager.onPrice("AAPL", toPrice(97.5));

        assertThat(stops).singleElement().satisfies(stop ->
        {
            assertThat(stop.positionId()).isEqualTo("P1");
            assertThat(stop.type()).isEqualTo(StopType.FIXED);
            assertThat(stop.triggerPrice()).isEqualTo(toPrice(97.5));
            assertThat(stop.epochNanos()).isEqualTo(42L);
        });
        manager.onPrice("AAPL", toPrice(90));
        assertThat(stops).hasSize(1);
        assertThat(manager.size()).isZero();
    }

    @Test
    void shouldPlaceAPercentageStopFivePercentFromTheEntryByDefault()
    {
        manager.addPercentage("LONG", "AAPL", toQty(10), toPrice(200));
        manager.addPercentage("SHORT", "MSFT", toQty(-10), toPrice(200));

        assertThat(manager.stopPrice("LONG")).isEqualTo(toPrice(190));
        assertThat(manager.stopPrice("SHORT")).isEqualTo(toPrice(210));
        manager.onPrice("MSFT", toPrice(209.99));
        manager.onPrice("MSFT", toPrice(210));
        assertThat(stops).extracting(StopTrigger::positionId).containsExactly("SHORT");
    }

    @Test
    void shouldTrailTheBestPriceOfALongAndNeverMoveBack()
    {
        manager.addTrailing("T", "AAPL", toQty(10), toPrice(100));
        assertThat(manager.stopPrice("T")).isEqualTo(toPrice(97));

        manager.onPrice("AAPL", toPrice(110));
        assertThat(manager.stopPrice("T")).isEqualTo(toPrice(106.7));
        manager.onPrice("AAPL", toPrice(107));
        assertThat(manager.stopPrice("T")).isEqualTo(toPrice(106.7));
        assertThat(stops).isEmpty();

        manager.onPrice("AAPL", toPrice(106.7));
        assertThat(stops).singleElement().satisfies(stop -> assertThat(stop.stopPrice()).isEqualTo(toPrice(106.7)));
    }

    @Test
    void shouldTrailTheLowestPriceOfAShort()
    {
        manager.addTrailing("S", "TSLA", toQty(-5), toPrice(200), 0.10);

        manager.onPrice("TSLA", toPrice(150));
        assertThat(manager.stopPrice("S")).isEqualTo(toPrice(165));
        manager.onPrice("TSLA", toPrice(160));
        manager.onPrice("TSLA", toPrice(165.01));
        assertThat(stops).extracting(StopTrigger::positionId).containsExactly("S");
    }

    @Test
    void shouldRoundTheStopAwayFromThePosition()
    {
        // 5% of 33.33333333 is 1.6666666665: a long's stop rounds down, a short's up
        manager.addPercentage("L", "X", toQty(1), 3_333_333_333L);
        manager.addPercentage("S", "Y", toQty(-1), 3_333_333_333L);

        assertThat(manager.stopPrice("L")).isEqualTo(3_166_666_666L);
        assertThat(manager.stopPrice("S")).isEqualTo(3_500_000_000L);
    }

    @Test
    void shouldFireThePortfolioStopOnceWhenTheUnrealizedLossReachesTheLimit()
    {
        final StopLossManager book = new StopLossManager(() -> 7L, listener, 1_000);
        book.addFixed("A", "AAPL", toQty(100), toPrice(100), toPrice(50));
        book.addFixed("B", "MSFT", toQty(-50), toPrice(200), toPrice(300));

        book.onPrice("AAPL", toPrice(95));
        book.onPrice("MSFT", toPrice(209.98));
        assertThat(portfolioStops).isEmpty();
        book.onPrice("MSFT", toPrice(210));

        assertThat(portfolioStops).singleElement().satisfies(stop ->
        {
            assertThat(stop.unrealizedLoss()).isEqualTo(toNotional(1_000));
            assertThat(stop.limit()).isEqualTo(toNotional(1_000));
        });
        book.onPrice("MSFT", toPrice(220));
        assertThat(portfolioStops).hasSize(1);
        book.rearmPortfolioStop();
        book.onPrice("MSFT", toPrice(221));
        assertThat(portfolioStops).hasSize(2);
    }

    @Test
    void shouldRefuseAStopItCannotWatch()
    {
        assertThatThrownBy(() -> manager.addPercentage("Z", "X", 0, toPrice(1)))
            .hasMessage("quantity must not be zero (positive long, negative short)");
        assertThatThrownBy(() -> manager.addTrailing("Z", "X", toQty(1), toPrice(1), 1.5))
            .hasMessage("stop distance must be above 0 and below 1, was 1.5");
        manager.addTrailing("Z", "X", toQty(1), toPrice(1));
        assertThatThrownBy(() -> manager.addTrailing("Z", "X", toQty(1), toPrice(1)))
            .hasMessage("position Z already has a stop");
    }
}

package dev.bastion.risk.pretrade;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static dev.bastion.risk.FixedPointMath.NONE;
import static dev.bastion.risk.FixedPointMath.toNotional;
import static dev.bastion.risk.FixedPointMath.toPrice;
import static dev.bastion.risk.FixedPointMath.toQty;
import static dev.bastion.risk.pretrade.CheckResult.Outcome.ACCEPT;
import static dev.bastion.risk.pretrade.CheckResult.Outcome.ACCEPT_WITH_WARNINGS;
import static dev.bastion.risk.pretrade.CheckResult.Outcome.REJECT;
import static dev.bastion.risk.pretrade.TestOrder.buy;
import static dev.bastion.risk.pretrade.TestOrder.market;
import static dev.bastion.risk.pretrade.TestOrder.sell;
import static dev.bastion.risk.pretrade.TestOrder.stop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each pre-trade check on its own: an order that passes, one that passes with a warning above 80% of the
 * limit, one refused with the check's code. Prices: AAPL 100, MSFT 200 (sector TECH), XOM 50 (ENERGY),
 * PENNY 0.5, AAA and BBB 100 (no sector).
 */
class PreTradeCheckerTest
{
    private final ManualClock clock = new ManualClock();
    private final CheckResult result = new CheckResult();
    private final List<TradingStateChange> transitions = new ArrayList<>();
    private PreTradeChecker checker;

    @BeforeEach
    void defaults()
    {
        start(configuration -> { });
    }

    private void start(final Consumer<PreTradeConfiguration> settings)
    {
        final PreTradeConfiguration configuration = new PreTradeConfiguration()
            .clock(clock)
            .stateListener(transitions::add)
            .sector("AAPL", "TECH")
            .sector("MSFT", "TECH")
            .sector("XOM", "ENERGY");
        settings.accept(configuration);
        checker = new PreTradeChecker(configuration.conclude());
        price("AAPL", 100);
        price("MSFT", 200);
        price("XOM", 50);
        price("PENNY", 0.5);
        price("AAA", 100);
        price("BBB", 100);
    }

    private void price(final String symbol, final double price)
    {
        checker.onMarketPrice(symbol, toPrice(price));
    }

    private CheckResult check(final TestOrder order)
    {
        checker.check(order, result);
        return result;
    }

    /** Checks and, when accepted, opens the order, as the OMS does. */
    private CheckResult place(final TestOrder order)
    {
        check(order);
        if (result.isAccepted())
        {
            checker.onOrderOpen(order);
        }
        return result;
    }

    private void hold(final String symbol, final double qty, final double price)
    {
        checker.loadPosition("ACC", symbol, toQty(qty), toPrice(price));
    }

    @Test
    void shouldAcceptOrderWellWithinEveryLimit()
    {
        assertThat(check(buy(10, "AAPL", 100)).outcome()).isEqualTo(ACCEPT);
        assertThat(result.warnings()).isZero();
        assertThat(result.rejectCode()).isEqualTo(RiskRejectCode.NONE);
        assertThat(result.rejectText()).isEmpty();
    }

    @Nested
    class Terms
    {
        @Test
        void shouldRejectUnusableTermsAsInvalid()
        {
            final TestOrder noQuantity = buy(0, "AAPL", 100);
            final TestOrder badSide = buy(1, "AAPL", 100);
            badSide.side = '9';
            final TestOrder peg = buy(1, "AAPL", 100);
            peg.ordType = 'P';
            final TestOrder limitWithoutPrice = buy(1, "AAPL", 100);
            limitWithoutPrice.price = NONE;
            final TestOrder stopWithoutStop = stop('1', 1, "AAPL", 101);
            stopWithoutStop.stopPrice = NONE;

            assertThat(check(noQuantity).rejectText()).hasToString("invalid order terms: quantity must be positive");
            assertThat(check(badSide).rejectText()).hasToString("invalid order terms: unsupported side '9'");
            assertThat(check(peg).rejectText()).hasToString("invalid order terms: unsupported order type 'P'");
            assertThat(check(limitWithoutPrice).rejectText()).contains("limit price must be positive");
            assertThat(check(stopWithoutStop).rejectCode()).isEqualTo(RiskRejectCode.INVALID_ORDER);
        }

        @Test
        void shouldRejectOrderAboveMaxQuantityAndWarnAbove80Percent()
        {
            assertThat(check(buy(10_001, "PENNY", 0.5)).rejectCode()).isEqualTo(RiskRejectCode.MAX_ORDER_QUANTITY);
            assertThat(result.rejectText()).hasToString("max order quantity: quantity 10001 above the limit 10000");

            assertThat(check(buy(8_001, "PENNY", 0.5)).outcome()).isEqualTo(ACCEPT_WITH_WARNINGS);
            assertThat(result.warnings()).isEqualTo(RiskRejectCode.MAX_ORDER_QUANTITY.bit());
            assertThat(check(buy(8_000, "PENNY", 0.5)).outcome()).isEqualTo(ACCEPT);
        }

        @Test
        void shouldRejectOrderAboveMaxNotionalAndWarnAbove80Percent()
        {
            assertThat(check(buy(101, "AAPL", 100)).rejectCode()).isEqualTo(RiskRejectCode.MAX_ORDER_NOTIONAL);
            assertThat(result.rejectText()).hasToString("max order notional: notional 10100 above the limit 10000");

            check(buy(81, "AAPL", 100));
            assertThat(result.outcome()).isEqualTo(ACCEPT_WITH_WARNINGS);
            assertThat(result.hasWarning(RiskRejectCode.MAX_ORDER_NOTIONAL)).isTrue();
            assertThat(result.hasWarning(RiskRejectCode.POSITION_LIMIT)).isTrue();
            assertThat(check(buy(100, "AAPL", 100)).isAccepted()).isTrue();
        }

        @Test
        void shouldRejectLimitPriceOutsideThePercentCollar()
        {
            assertThat(check(buy(10, "AAPL", 105.01)).rejectCode()).isEqualTo(RiskRejectCode.PRICE_COLLAR);
            assertThat(result.rejectText())
                .hasToString("price collar: limit price 105.01 is more than 5 from the reference price 100");
            assertThat(check(sell(10, "AAPL", 94.99)).rejectCode()).isEqualTo(RiskRejectCode.PRICE_COLLAR);

            assertThat(check(buy(10, "AAPL", 95)).warnings()).isEqualTo(RiskRejectCode.PRICE_COLLAR.bit());
            assertThat(check(buy(10, "AAPL", 104)).outcome()).isEqualTo(ACCEPT);
        }

        @Test
        void shouldRejectLimitPriceOutsideTheCollarInTicks()
        {
            start(configuration -> configuration.priceCollarTicks(10).tickSize("AAPL", 0.01));

            assertThat(check(buy(10, "AAPL", 100.11)).rejectCode()).isEqualTo(RiskRejectCode.PRICE_COLLAR);
            assertThat(check(buy(10, "AAPL", 100.10)).isAccepted()).isTrue();
            assertThat(result.hasWarning(RiskRejectCode.PRICE_COLLAR)).isTrue();
        }

        @Test
        void shouldUseTheMidAsReferenceWhenConfigured()
        {
            start(configuration -> configuration.referencePriceSource(ReferencePriceSource.MID));
            checker.onQuote("AAPL", toPrice(109), toPrice(111));

            assertThat(check(buy(10, "AAPL", 114)).isAccepted()).isTrue();
            assertThat(check(buy(10, "AAPL", 104)).rejectCode()).isEqualTo(RiskRejectCode.PRICE_COLLAR);
        }

        @Test
        void shouldRejectMarketOrderWithoutReferencePriceByDefault()
        {
            assertThat(check(market('1', 10, "NOREF")).rejectCode()).isEqualTo(RiskRejectCode.NO_REFERENCE_PRICE);
            assertThat(check(market('1', 10, "AAPL")).outcome()).isEqualTo(ACCEPT);
        }

        @Test
        void shouldAllowMarketOrderWithoutReferencePriceWithAWarningWhenConfigured()
        {
            start(configuration -> configuration.noReferencePricePolicy(NoReferencePricePolicy.ALLOW));

            assertThat(check(market('1', 10, "NOREF")).outcome()).isEqualTo(ACCEPT_WITH_WARNINGS);
            assertThat(result.warnings()).isEqualTo(RiskRejectCode.NO_REFERENCE_PRICE.bit());
            assertThat(check(market('1', 10_001, "NOREF")).rejectCode()).isEqualTo(RiskRejectCode.MAX_ORDER_QUANTITY);
        }

        @Test
        void shouldRejectStopOrdersTheMarketHasAlreadyPassed()
        {
            assertThat(check(stop('1', 10, "AAPL", 99)).rejectCode()).isEqualTo(RiskRejectCode.STOP_THROUGH_MARKET);
            assertThat(result.rejectText()).hasToString(
                "stop price through the market: buy stop 99 at or below the reference price 100");
            assertThat(check(stop('2', 10, "AAPL", 101)).rejectCode()).isEqualTo(RiskRejectCode.STOP_THROUGH_MARKET);

            assertThat(check(stop('1', 10, "AAPL", 101)).outcome()).isEqualTo(ACCEPT);
            assertThat(check(stop('2', 10, "AAPL", 99)).outcome()).isEqualTo(ACCEPT);
        }

        @Test
        void shouldValueAStopOrderAtItsStopPrice()
        {
            assertThat(check(stop('1', 99, "AAPL", 101.1)).rejectCode()).isEqualTo(RiskRejectCode.MAX_ORDER_NOTIONAL);
            assertThat(check(stop('1', 99, "AAPL", 101)).isAccepted()).isTrue();
        }
    }

    @Nested
    class Exposure
    {
        @Test
        void shouldCountOpenOrdersInTheGrossCreditLimit()
        {
            start(configuration -> configuration.limits().creditLimitGross(20_000));
            assertThat(place(buy(90, "AAPL", 100)).isAccepted()).isTrue();
            assertThat(place(buy(40, "MSFT", 200)).isAccepted()).isTrue();

            assertThat(check(buy(70, "XOM", 50)).rejectCode()).isEqualTo(RiskRejectCode.CREDIT_GROSS);
            assertThat(result.rejectText()).hasToString(
                "gross credit limit: 20500 after the order, limit 20000, before 17000");
            assertThat(check(buy(40, "XOM", 50)).warnings()).isEqualTo(RiskRejectCode.CREDIT_GROSS.bit());
        }

        @Test
        void shouldReleaseExposureWhenAnOrderIsDone()
        {
            start(configuration -> configuration.limits().creditLimitGross(20_000));
            final TestOrder first = buy(90, "AAPL", 100);
            place(first);
            place(buy(40, "MSFT", 200));
            checker.onOrderDone(first.orderId);

            assertThat(check(buy(70, "XOM", 50)).outcome()).isEqualTo(ACCEPT);
            assertThat(checker.openOrderCount()).isEqualTo(1);
        }

        @Test
        void shouldRejectOrderRaisingNetExposureAboveTheNetCreditLimit()
        {
            start(configuration -> configuration.limits().creditLimitNet(5_000));
            place(buy(40, "AAPL", 100));

            assertThat(check(buy(20, "MSFT", 200)).rejectCode()).isEqualTo(RiskRejectCode.CREDIT_NET);
            assertThat(check(sell(20, "MSFT", 200)).outcome()).isEqualTo(ACCEPT);
        }

        @Test
        void shouldRejectOrderTakingASymbolAboveThePositionLimit()
        {
            hold("AAPL", 60, 100);
            place(buy(20, "AAPL", 100));

            assertThat(check(buy(30, "AAPL", 100)).rejectCode()).isEqualTo(RiskRejectCode.POSITION_LIMIT);
            assertThat(check(buy(19, "AAPL", 100)).warnings()).isEqualTo(RiskRejectCode.POSITION_LIMIT.bit());
        }

        @Test
        void shouldLetAnOrderThatReducesRiskThroughWhenAMarketMoveBreachedTheLimit()
        {
            hold("AAPL", 100, 100);
            price("AAPL", 120);

            assertThat(check(sell(10, "AAPL", 120)).outcome()).isEqualTo(ACCEPT_WITH_WARNINGS);
            assertThat(result.hasWarning(RiskRejectCode.POSITION_LIMIT)).isTrue();
            assertThat(check(buy(1, "AAPL", 120)).rejectCode()).isEqualTo(RiskRejectCode.POSITION_LIMIT);
        }

        @Test
        void shouldRejectANewSymbolBeyondTheMaximumNumberOfPositions()
        {
            start(configuration -> configuration.account("ACC", limits -> limits.maxPositions(3)));
            hold("AAPL", 10, 100);
            hold("MSFT", 10, 200);

            assertThat(place(buy(10, "XOM", 50)).warnings()).isEqualTo(RiskRejectCode.MAX_POSITIONS.bit());
            assertThat(check(buy(10, "AAA", 100)).rejectCode()).isEqualTo(RiskRejectCode.MAX_POSITIONS);
            assertThat(result.rejectText()).hasToString(
                "max number of positions: 3 symbols with positions or open orders, limit 3");
            assertThat(check(buy(10, "AAPL", 100)).isAccepted()).isTrue();
        }

        @Test
        void shouldFreeAPositionSlotWhenThePositionIsClosed()
        {
            start(configuration -> configuration.account("ACC", limits -> limits.maxPositions(1)));
            hold("AAPL", 10, 100);
            checker.onPositionFill("ACC", "AAPL", '2', toQty(10), toPrice(100));

            assertThat(checker.activeSymbols("ACC")).isZero();
            assertThat(check(buy(10, "MSFT", 200)).isAccepted()).isTrue();
        }

        @Test
        void shouldRejectOrderTakingTheSectorAboveItsShareOfThePortfolio()
        {
            start(configuration -> configuration.limits().positionLimit(50_000).maxOrderNotional(50_000));
            hold("AAPL", 200, 100);

            assertThat(check(buy(60, "MSFT", 200)).rejectCode()).isEqualTo(RiskRejectCode.SECTOR_EXPOSURE);
            assertThat(result.rejectText()).hasToString(
                "sector exposure: 32000 after the order, limit 30000, before 20000 (sector TECH)");
            assertThat(check(buy(200, "XOM", 50)).isAccepted()).isTrue();
            assertThat(check(buy(21, "MSFT", 200)).warnings()).isEqualTo(RiskRejectCode.SECTOR_EXPOSURE.bit());
        }

        @Test
        void shouldRejectOrderTakingGrossExposureAboveTheMaximumLeverage()
        {
            start(configuration -> configuration.account("ACC", limits -> limits.capital(10_000)
                .positionLimit(50_000)));
            hold("AAA", 80, 100);

            assertThat(check(buy(30, "BBB", 100)).rejectCode()).isEqualTo(RiskRejectCode.LEVERAGE);
            assertThat(check(buy(10, "BBB", 100)).warnings()).isEqualTo(RiskRejectCode.LEVERAGE.bit());
        }

        @Test
        void shouldCheckAReplaceAgainstTheExposureWithoutTheOrderItReplaces()
        {
            final TestOrder original = buy(90, "AAPL", 100);
            place(original);
            final TestOrder replace = buy(95, "AAPL", 100).clOrdId("C-replace");
            replace.orderId = original.orderId;

            assertThat(check(replace).isAccepted()).isTrue();
            checker.onOrderReplaced(replace, replace.quantity);
            assertThat(checker.grossExposure("ACC")).isEqualTo(toNotional(9_500));
            assertThat(checker.openOrderCount()).isEqualTo(1);
        }
    }

    @Nested
    class ProfitAndLoss
    {
        @Test
        void shouldRealizeProfitAtAverageCostAndMarkTheRest()
        {
            final TestOrder order = buy(100, "AAA", 100);
            place(order);
            checker.onFill(order.orderId, toQty(60), toPrice(99));
            checker.onFill(order.orderId, toQty(40), toPrice(101.5));
            checker.onPositionFill("ACC", "AAA", '2', toQty(40), toPrice(102));

            assertThat(checker.openOrderCount()).isZero();
            assertThat(checker.position("ACC", "AAA")).isEqualTo(toQty(60));
            // average cost 100.0: 40 x (102 - 100)
            assertThat(checker.realizedPnl("ACC")).isEqualTo(toNotional(80));
            // 60 at the mark 100 against a cost of 60 x 100
            assertThat(checker.dailyPnl("ACC")).isEqualTo(toNotional(80));
            price("AAA", 103);
            assertThat(checker.dailyPnl("ACC")).isEqualTo(toNotional(80 + 180));
        }

        @Test
        void shouldFlipFromLongToShortAtTheFillPrice()
        {
            hold("AAA", 10, 100);
            checker.onPositionFill("ACC", "AAA", '2', toQty(25), toPrice(110));

            assertThat(checker.position("ACC", "AAA")).isEqualTo(toQty(-15));
            assertThat(checker.realizedPnl("ACC")).isEqualTo(toNotional(100));
            price("AAA", 112);
            assertThat(checker.dailyPnl("ACC")).isEqualTo(toNotional(100 - 30));
        }

        @Test
        void shouldHaltTheAccountWhenTheDailyLossReachesTheLimit()
        {
            hold("AAPL", 100, 100);
            price("AAPL", 91);
            assertThat(check(sell(10, "AAPL", 91)).hasWarning(RiskRejectCode.DAILY_LOSS_LIMIT)).isTrue();

            price("AAPL", 90);
            assertThat(check(sell(10, "AAPL", 90)).rejectCode()).isEqualTo(RiskRejectCode.DAILY_LOSS_LIMIT);
            assertThat(result.rejectText()).hasToString("daily loss limit: loss 1000 reached the limit 1000");
            assertThat(checker.accountState("ACC")).isEqualTo(TradingState.HALTED);
            assertThat(checker.accountStateReason("ACC"))
                .isEqualTo("daily loss limit: loss 1000 reached the limit 1000");

            assertThat(check(sell(10, "AAPL", 90)).rejectCode()).isEqualTo(RiskRejectCode.ACCOUNT_HALTED);
            assertThat(result.rejectText()).hasToString(
                "account trading halted: daily loss limit: loss 1000 reached the limit 1000");
        }

        @Test
        void shouldHaltTheAccountOnTheFillThatRealizesTheLoss()
        {
            hold("AAA", 100, 100);
            checker.onPositionFill("ACC", "AAA", '2', toQty(100), toPrice(89));

            assertThat(checker.accountState("ACC")).isEqualTo(TradingState.HALTED);
            assertThat(transitions).singleElement().satisfies(change ->
            {
                assertThat(change.scope()).isEqualTo("ACC");
                assertThat(change.to()).isEqualTo(TradingState.HALTED);
                assertThat(change.reason()).isEqualTo("daily loss limit: loss 1100 reached the limit 1000");
            });
        }

        @Test
        void shouldStartANewDayFromTheMark()
        {
            hold("AAPL", 100, 100);
            price("AAPL", 95);
            assertThat(check(sell(10, "AAPL", 95).clOrdId("DAY-1")).isAccepted()).isTrue();
            checker.startTradingDay();

            assertThat(checker.dailyPnl("ACC")).isZero();
            assertThat(check(sell(11, "AAPL", 95).clOrdId("DAY-1")).isAccepted()).isTrue();
        }
    }

    @Nested
    class Restrictions
    {
        @Test
        void shouldRejectSymbolsOnTheFirmsAndTheAccountsRestrictedLists()
        {
            start(configuration -> configuration.restrictSymbol("GME")
                .account("ACC", limits -> limits.restrictSymbol("TSLA")));
            price("GME", 20);
            price("TSLA", 200);

            assertThat(check(buy(1, "GME", 20)).rejectText()).hasToString(
                "restricted symbol: GME is on the firm's restricted list");
            assertThat(check(buy(1, "TSLA", 200)).rejectText()).hasToString(
                "restricted symbol: TSLA is restricted for account ACC");
            assertThat(check(buy(1, "TSLA", 200).account("OTHER")).isAccepted()).isTrue();
            assertThat(check(buy(1, "GME", 20).account("OTHER")).rejectCode())
                .isEqualTo(RiskRejectCode.RESTRICTED_SYMBOL);
        }

        @Test
        void shouldRejectAReusedClOrdIdOfTheSameAccount()
        {
            assertThat(check(buy(1, "AAPL", 100).clOrdId("X1")).isAccepted()).isTrue();

            assertThat(check(buy(2, "AAPL", 100).clOrdId("X1")).rejectCode())
                .isEqualTo(RiskRejectCode.DUPLICATE_CL_ORD_ID);
            assertThat(check(buy(2, "AAPL", 100).clOrdId("X1").account("OTHER")).isAccepted()).isTrue();
        }

        @Test
        void shouldRejectAnIdenticalOrderWithinTheDuplicateWindow()
        {
            final TestOrder first = buy(10, "AAPL", 100);
            check(first);
            clock.advance(Duration.ofMillis(999));

            assertThat(check(first.again()).rejectCode()).isEqualTo(RiskRejectCode.DUPLICATE_ORDER);
            clock.advance(Duration.ofMillis(1));
            assertThat(check(first.again()).rejectCode()).isEqualTo(RiskRejectCode.DUPLICATE_ORDER);
            clock.advance(Duration.ofMillis(1_000));
            assertThat(check(first.again()).isAccepted()).isTrue();
            assertThat(check(buy(11, "AAPL", 100)).isAccepted()).isTrue();
        }

        @Test
        void shouldRejectOrdersBeyondTheOrderRateAndWarnAbove80Percent()
        {
            start(configuration -> configuration.limits().orderRate(3, Duration.ofSeconds(1)));

            assertThat(check(buy(1, "AAPL", 100)).outcome()).isEqualTo(ACCEPT);
            assertThat(check(buy(2, "AAPL", 100)).outcome()).isEqualTo(ACCEPT);
            assertThat(check(buy(3, "AAPL", 100)).warnings()).isEqualTo(RiskRejectCode.ORDER_RATE.bit());
            assertThat(check(buy(4, "AAPL", 100)).rejectCode()).isEqualTo(RiskRejectCode.ORDER_RATE);
            assertThat(result.rejectText()).hasToString("order rate: 3 orders in 1000 ms, limit 3");

            clock.advance(Duration.ofSeconds(1));
            assertThat(check(buy(5, "AAPL", 100)).isAccepted()).isTrue();
        }

        @Test
        void shouldCountCancelsAndOrdersInTheMessageRate()
        {
            start(configuration -> configuration.limits().messageRate(3, Duration.ofSeconds(1))
                .orderRate(3, Duration.ofSeconds(1)));

            assertThat(checker.onMessage("ACC")).isTrue();
            assertThat(checker.onMessage("ACC")).isTrue();
            assertThat(check(buy(1, "AAPL", 100)).isAccepted()).isTrue();
            assertThat(checker.onMessage("ACC")).isFalse();
            assertThat(check(buy(2, "AAPL", 100)).rejectCode()).isEqualTo(RiskRejectCode.MESSAGE_RATE);
        }

        @Test
        void shouldRejectAccountsThatAreNotConfiguredWhenUnknownAccountsAreRefused()
        {
            start(configuration -> configuration.allowUnknownAccounts(false).account("ACC", limits -> { }));

            assertThat(check(buy(1, "AAPL", 100).account("STRANGER")).rejectCode())
                .isEqualTo(RiskRejectCode.UNKNOWN_ACCOUNT);
            assertThat(check(buy(1, "AAPL", 100)).isAccepted()).isTrue();
        }
    }

    @Nested
    class Duplicates
    {
        @Test
        void shouldRejectAnIdenticalOrderWithinTheWindowWithItsCodeAndText()
        {
            final TestOrder first = buy(10, "AAPL", 100);
            assertThat(check(first).isAccepted()).isTrue();
            clock.advanceNanos(Duration.ofSeconds(1).toNanos() - 1);

            assertThat(check(first.again()).rejectCode()).isEqualTo(RiskRejectCode.DUPLICATE_ORDER);
            assertThat(result.rejectText())
                .hasToString("duplicate order: same terms as an order within the last 1000 ms");
        }

        @Test
        void shouldAcceptAnIdenticalOrderJustAfterTheWindow()
        {
            final TestOrder first = buy(10, "AAPL", 100);
            assertThat(check(first).isAccepted()).isTrue();
            clock.advance(Duration.ofSeconds(1));

            assertThat(check(first.again()).isAccepted()).isTrue();
        }

        @Test
        void shouldFindTheOneDuplicateAmongManyDistinctOrdersInTheWindow()
        {
            start(configuration -> configuration.limits().orderRate(20_000, Duration.ofSeconds(1))
                .messageRate(20_000, Duration.ofSeconds(1)));
            final List<TestOrder> sent = new ArrayList<>();
            for (int i = 0; i < 5_000; i++)
            {
                final TestOrder order = buy(10, "AAPL", 100 + i * 0.0001);
                sent.add(order);
                assertThat(check(order).outcome()).as("order %d", i).isEqualTo(ACCEPT);
                clock.advanceNanos(100_000);
            }

            assertThat(check(sent.get(1_234).again()).rejectCode()).isEqualTo(RiskRejectCode.DUPLICATE_ORDER);
            assertThat(check(buy(10, "AAPL", 100.5)).outcome()).isEqualTo(ACCEPT);
        }

        @Test
        void shouldNotTakeOrdersThatDifferInOneTermForDuplicates()
        {
            assertThat(check(buy(10, "AAPL", 100)).isAccepted()).isTrue();

            assertThat(check(sell(10, "AAPL", 100)).isAccepted()).isTrue();
            assertThat(check(buy(11, "AAPL", 100)).isAccepted()).isTrue();
            assertThat(check(buy(10, "AAPL", 100.01)).isAccepted()).isTrue();
            assertThat(check(buy(10, "MSFT", 200)).isAccepted()).isTrue();
            assertThat(check(buy(10, "MSFT", 200)).rejectCode()).isEqualTo(RiskRejectCode.DUPLICATE_ORDER);
            assertThat(check(buy(10, "AAPL", 100).account("OTHER")).isAccepted()).isTrue();
        }

        @Test
        void shouldNotTakeAReplaceWithTheSameTermsForADuplicate()
        {
            final TestOrder original = buy(10, "AAPL", 100);
            place(original);
            final TestOrder replace = original.again().clOrdId("C-replace");
            replace.orderId = original.orderId;

            assertThat(check(replace).isAccepted()).isTrue();
        }
    }

    @Nested
    class TradingStates
    {
        @Test
        void shouldRejectEveryOrderWhileTheFirmIsHaltedAndKeepTheReason()
        {
            clock.advance(Duration.ofSeconds(5));
            final long haltedAt = clock.nanoTime();
            assertThat(checker.transitionFirm(TradingState.HALTED, "kill switch: venue outage")).isEqualTo(
                TradingState.NORMAL);

            assertThat(check(buy(1, "AAPL", 100)).rejectCode()).isEqualTo(RiskRejectCode.FIRM_HALTED);
            assertThat(result.rejectText()).hasToString("firm-wide trading halted: kill switch: venue outage");
            assertThat(checker.firmStateSinceNanos()).isEqualTo(haltedAt);
            assertThat(checker.effectiveState("ACC")).isEqualTo(TradingState.HALTED);

            checker.transitionFirm(TradingState.NORMAL, "venue back");
            assertThat(check(buy(1, "AAPL", 100)).isAccepted()).isTrue();
            assertThat(checker.stateHistory()).extracting(TradingStateChange::reason)
                .containsExactly("kill switch: venue outage", "venue back");
            assertThat(transitions).isEqualTo(checker.stateHistory());
        }

        @Test
        void shouldOnlyLetOrdersThatReduceAPositionThroughWhenReducing()
        {
            hold("AAPL", 50, 100);
            checker.transition("ACC", TradingState.REDUCING, "desk: reduce before the close");

            assertThat(check(buy(1, "AAPL", 100)).rejectCode()).isEqualTo(RiskRejectCode.REDUCE_ONLY);
            assertThat(result.rejectText()).hasToString(
                "reduce-only: order would not reduce a position: position 50, desk: reduce before the close");
            assertThat(check(sell(60, "AAPL", 100)).rejectCode()).isEqualTo(RiskRejectCode.REDUCE_ONLY);
            assertThat(check(sell(10, "MSFT", 200)).rejectCode()).isEqualTo(RiskRejectCode.REDUCE_ONLY);
            assertThat(place(sell(30, "AAPL", 100)).isAccepted()).isTrue();
            assertThat(check(sell(21, "AAPL", 100)).rejectCode()).isEqualTo(RiskRejectCode.REDUCE_ONLY);
            assertThat(check(sell(20, "AAPL", 100)).isAccepted()).isTrue();
        }

        @Test
        void shouldScaleOrderSizeLimitsDownInSoftBrake()
        {
            checker.transition("ACC", TradingState.SOFT_BRAKE, "anomaly detector: spread blow-out");

            assertThat(checker.sizeFactor("ACC")).isEqualTo(0.5);
            assertThat(check(buy(60, "AAPL", 100)).rejectText()).hasToString(
                "max order notional: notional 6000 above the limit 5000 (soft brake)");
            assertThat(check(buy(41, "AAPL", 100)).warnings()).isEqualTo(RiskRejectCode.MAX_ORDER_NOTIONAL.bit());
            assertThat(checker.sizeFactor("OTHER")).isEqualTo(1.0);
        }

        @Test
        void shouldHaltOneAccountWithoutStoppingTheOthers()
        {
            checker.transition("ACC", TradingState.HALTED, "compliance review");

            assertThat(check(buy(1, "AAPL", 100)).rejectCode()).isEqualTo(RiskRejectCode.ACCOUNT_HALTED);
            assertThat(check(buy(1, "AAPL", 100).account("OTHER")).isAccepted()).isTrue();
            assertThat(checker.accountStateReason("ACC")).isEqualTo("compliance review");
        }

        @Test
        void shouldRefuseATransitionWithoutAReason()
        {
            assertThatThrownBy(() -> checker.transition("ACC", TradingState.HALTED, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a trading state transition needs a reason");
        }
    }

    @Nested
    class Configuration
    {
        @Test
        void shouldNameTheSettingThatIsWrong()
        {
            assertThatThrownBy(() -> configured(c -> c.limits().maxLeverage(-1)))
                .hasMessage("limits.maxLeverage must be above 0 and at most 1000.0, was -1.0");
            assertThatThrownBy(() -> configured(c -> c.account("ACC-9", limits -> limits.dailyLossLimit(0))))
                .hasMessage("account ACC-9: limits.dailyLossLimit must be positive and at most 1e14, was 0.0");
            assertThatThrownBy(() -> configured(c -> c.limits().duplicateOrderWindow(Duration.ofSeconds(2))))
                .hasMessageStartingWith("limits.duplicateOrderWindow (PT2S) may not be longer than orderRate.window");
            assertThatThrownBy(() -> configured(c -> c.limits()
                .orderRate(20_000_000, Duration.ofSeconds(1)).messageRate(20_000_000, Duration.ofSeconds(1))))
                .hasMessage("limits.orderRate.maxOrders must be at most 16777216, was 20000000");
            assertThatThrownBy(() -> configured(c -> c.priceCollarPercent(0)))
                .hasMessage("priceCollarPercent must be above 0 and at most 100, was 0.0");
            assertThatThrownBy(() -> configured(c -> c.warningThreshold(1.5)))
                .hasMessage("warningThreshold must be above 0 and at most 1, was 1.5");
            assertThatThrownBy(() -> new PreTradeChecker(new PreTradeConfiguration()))
                .hasMessage("conclude() the configuration before use");
        }

        private void configured(final Consumer<PreTradeConfiguration> settings)
        {
            final PreTradeConfiguration configuration = new PreTradeConfiguration();
            settings.accept(configuration);
            configuration.conclude();
        }

        @Test
        void shouldKeepEverySymbolsSettingsWhenThereAreMoreSymbolsThanExpected()
        {
            start(configuration ->
            {
                configuration.expectedSizes(4, 16, 16);
                for (int i = 0; i < 40; i++)
                {
                    configuration.restrictSymbol("R" + i).sector("S" + i, "SECTOR" + i);
                }
            });
            for (int i = 0; i < 40; i++)
            {
                price("N" + i, 10 + i);
            }

            assertThat(check(buy(1, "R39", 10)).rejectCode()).isEqualTo(RiskRejectCode.RESTRICTED_SYMBOL);
            assertThat(check(buy(1, "N39", 49)).outcome()).isEqualTo(ACCEPT);
            assertThat(check(buy(1, "N39", 60)).rejectCode()).isEqualTo(RiskRejectCode.PRICE_COLLAR);
        }

        @Test
        void shouldHaveTheDefaultsOfTheIssue()
        {
            final RiskLimits limits = new PreTradeConfiguration().limits();

            assertThat(limits.positionLimit()).isEqualTo(10_000);
            assertThat(limits.maxPositions()).isEqualTo(10);
            assertThat(limits.maxSectorExposure()).isEqualTo(0.30);
            assertThat(limits.maxLeverage()).isEqualTo(1.0);
            assertThat(limits.dailyLossLimit()).isEqualTo(1_000);
        }
    }
}

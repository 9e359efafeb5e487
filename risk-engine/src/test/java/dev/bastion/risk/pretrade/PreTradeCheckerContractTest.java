package dev.bastion.risk.pretrade;

import dev.bastion.risk.FixedPointMath;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast checker and the naive reference, fed the same random day (orders, replaces, fills, cancels, price
 * moves, state changes, time passing) on a small book with tight limits so every check fires, must give the
 * same verdict, reject code and warnings for every order, and agree on positions, P&amp;L and states after
 * every step.
 */
class PreTradeCheckerContractTest
{
    private static final String[] ACCOUNTS = {"A", "B", "C", "NEWCOMER"};
    private static final String[] SYMBOLS = {"S1", "S2", "S3", "S4", "BANNED"};
    private static final double[] BASE_PRICES = {30, 25, 40, 20, 10};
    private static final char[] SIDES = {'1', '2', '5', '3'};
    private static final char[] ORD_TYPES = {'1', '2', '2', '2', '3', '4'};
    private static final Set<RiskRejectCode> SEEN = EnumSet.noneOf(RiskRejectCode.class);
    private static final Set<Long> WARNED = new HashSet<>();

    sealed interface Action permits CheckOrder, Repeat, Fill, Done, Price, Quote, Advance, Transition, PositionFill,
        Message
    {
    }

    /** The last order checked, again under a new ClOrdID: a duplicate within the window. */
    record Repeat() implements Action
    {
    }

    record CheckOrder(int account, int symbol, int side, int ordType, int halfUnits, int limitBps, int stopBps,
        int clOrdId, int replace, boolean open) implements Action
    {
    }

    record Fill(int order, int halfUnits, int bps) implements Action
    {
    }

    record Done(int order) implements Action
    {
    }

    record Price(int symbol, int bps) implements Action
    {
    }

    record Quote(int symbol, int bps, int spreadCents) implements Action
    {
    }

    record Advance(int millis) implements Action
    {
    }

    record Transition(int account, TradingState state) implements Action
    {
    }

    record PositionFill(int account, int symbol, int side, int halfUnits, int bps) implements Action
    {
    }

    record Message(int account) implements Action
    {
    }

    record Setup(boolean mid, boolean allowNoReference, boolean collarInTicks)
    {
    }

    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
    void fastAndReferenceCheckersAgreeOnEveryVerdict(
        @ForAll("setups") final Setup setup,
        @ForAll("days") final List<Action> day)
    {
        final ManualClock clock = new ManualClock();
        final PreTradeConfiguration configuration = configuration(setup, clock);
        final PreTradeChecker fast = new PreTradeChecker(configuration);
        final ReferencePreTradeChecker reference = new ReferencePreTradeChecker(configuration, clock);
        final CheckResult result = new CheckResult();
        final Map<Long, Long> open = new LinkedHashMap<>();
        final List<TestOrder> orders = new ArrayList<>();
        final double[] prices = BASE_PRICES.clone();
        CheckOrder lastAction = null;
        TestOrder lastOrder = null;

        for (int step = 0; step < day.size(); step++)
        {
            final Action action = day.get(step);
            final String where = "step " + step + " " + action;
            if (action instanceof CheckOrder || action instanceof Repeat && lastOrder != null)
            {
                final CheckOrder c = action instanceof CheckOrder checkOrder ? checkOrder : lastAction;
                final TestOrder order;
                if (action instanceof Repeat)
                {
                    order = lastOrder.again();
                    order.clOrdId = "R" + step;
                }
                else
                {
                    order = order(c, prices, List.copyOf(open.keySet()), orders);
                }
                lastAction = c;
                lastOrder = order;
                fast.check(order, result);
                final ReferencePreTradeChecker.Verdict expected = reference.check(order);
                SEEN.add(result.rejectCode());
                WARNED.add(result.warnings());
                final ReferencePreTradeChecker.Verdict actual =
                    new ReferencePreTradeChecker.Verdict(result.outcome(), result.rejectCode(), result.warnings());
                assertThat(actual).as(where + " " + order + " text " + result.rejectText()).isEqualTo(expected);
                if (result.isAccepted() && c.open())
                {
                    final boolean replace = open.containsKey(order.orderId);
                    final long leaves = replace ? order.quantity - FixedPointMath.toQty(0.5) : order.quantity;
                    fast.onOrderReplaced(order, leaves);
                    reference.onOrderOpen(order, leaves);
                    open.remove(order.orderId);
                    if (leaves > 0)
                    {
                        open.put(order.orderId, leaves);
                    }
                    orders.add(order);
                }
            }
            else if (action instanceof Fill f && !open.isEmpty())
            {
                final long orderId = List.copyOf(open.keySet()).get(f.order() % open.size());
                final TestOrder order = orders.stream().filter(o -> o.orderId == orderId).reduce((a, b) -> b).get();
                final long price = FixedPointMath.toPrice(around(prices[symbolIndex(order.symbol)], f.bps()));
                final long qty = halfUnits(f.halfUnits());
                assertThat(fast.onFill(orderId, qty, price)).as(where).isTrue();
                reference.onFill(orderId, qty, price);
                final long leaves = open.get(orderId) - qty;
                if (leaves <= 0)
                {
                    open.remove(orderId);
                }
                else
                {
                    open.put(orderId, leaves);
                }
            }
            else if (action instanceof Done d && !open.isEmpty())
            {
                final long orderId = List.copyOf(open.keySet()).get(d.order() % open.size());
                open.remove(orderId);
                fast.onOrderDone(orderId);
                reference.onOrderDone(orderId);
            }
            else if (action instanceof Price p)
            {
                prices[p.symbol()] = around(prices[p.symbol()], p.bps());
                final long price = FixedPointMath.toPrice(prices[p.symbol()]);
                fast.onMarketPrice(SYMBOLS[p.symbol()], price);
                reference.onMarketPrice(SYMBOLS[p.symbol()], price);
            }
            else if (action instanceof Quote q)
            {
                final double bid = around(prices[q.symbol()], q.bps());
                final long bidPrice = FixedPointMath.toPrice(bid);
                final long askPrice = bidPrice + FixedPointMath.toPrice(q.spreadCents() / 100.0) + 1;
                fast.onQuote(SYMBOLS[q.symbol()], bidPrice, askPrice);
                reference.onQuote(SYMBOLS[q.symbol()], bidPrice, askPrice);
            }
            else if (action instanceof Advance a)
            {
                clock.advance(Duration.ofMillis(a.millis()));
            }
            else if (action instanceof Transition t)
            {
                if (t.account() < 0)
                {
                    fast.transitionFirm(t.state(), "property");
                    reference.transitionFirm(t.state());
                }
                else
                {
                    fast.transition(ACCOUNTS[t.account()], t.state(), "property");
                    reference.transition(ACCOUNTS[t.account()], t.state());
                }
            }
            else if (action instanceof PositionFill p)
            {
                final long price = FixedPointMath.toPrice(around(prices[p.symbol()], p.bps()));
                fast.onPositionFill(ACCOUNTS[p.account()], SYMBOLS[p.symbol()], SIDES[p.side()],
                    halfUnits(p.halfUnits()), price);
                reference.onPositionFill(ACCOUNTS[p.account()], SYMBOLS[p.symbol()], SIDES[p.side()],
                    halfUnits(p.halfUnits()), price);
            }
            else if (action instanceof Message m)
            {
                assertThat(fast.onMessage(ACCOUNTS[m.account()])).as(where)
                    .isEqualTo(reference.onMessage(ACCOUNTS[m.account()]));
            }

            for (final String account : ACCOUNTS)
            {
                assertThat(fast.accountState(account)).as(where + " state of " + account)
                    .isEqualTo(reference.accountState(account));
                assertThat(fast.dailyPnl(account)).as(where + " P&L of " + account)
                    .isEqualTo(reference.dailyPnl(account));
                for (final String symbol : SYMBOLS)
                {
                    assertThat(fast.position(account, symbol)).as(where + " position " + account + " " + symbol)
                        .isEqualTo(reference.position(account, symbol));
                }
            }
            assertThat(fast.openOrderCount()).as(where).isEqualTo(reference.openOrderCount());
        }
    }

    private static TestOrder order(
        final CheckOrder c, final double[] prices, final List<Long> open, final List<TestOrder> orders)
    {
        final TestOrder order = new TestOrder();
        if (c.replace() >= 0 && !open.isEmpty())
        {
            final long replaced = open.get(c.replace() % open.size());
            final TestOrder original = orders.stream().filter(o -> o.orderId == replaced).reduce((a, b) -> b).get();
            order.orderId = replaced;
            order.account = original.account;
            order.symbol = original.symbol;
        }
        else
        {
            order.account = ACCOUNTS[c.account()];
            order.symbol = SYMBOLS[c.symbol()];
        }
        order.clOrdId = "K" + c.clOrdId();
        order.side = SIDES[c.side()];
        order.ordType = ORD_TYPES[c.ordType()];
        order.quantity = halfUnits(c.halfUnits());
        final double base = prices[symbolIndex(order.symbol)];
        order.price = order.ordType == '2' || order.ordType == '4' ?
            FixedPointMath.toPrice(around(base, c.limitBps())) : FixedPointMath.NONE;
        order.stopPrice = order.ordType == '3' || order.ordType == '4' ?
            FixedPointMath.toPrice(around(base, c.stopBps())) : FixedPointMath.NONE;
        return order;
    }

    private static int symbolIndex(final String symbol)
    {
        return List.of(SYMBOLS).indexOf(symbol);
    }

    private static double around(final double price, final int bps)
    {
        return Math.max(0.01, Math.round(price * (10_000 + bps) / 100.0) / 100.0);
    }

    private static long halfUnits(final int halves)
    {
        return FixedPointMath.toQty(halves / 2.0);
    }

    private static PreTradeConfiguration configuration(final Setup setup, final ManualClock clock)
    {
        final PreTradeConfiguration configuration = new PreTradeConfiguration()
            .clock(clock)
            .referencePriceSource(setup.mid() ? ReferencePriceSource.MID : ReferencePriceSource.LAST)
            .noReferencePricePolicy(setup.allowNoReference() ? NoReferencePricePolicy.ALLOW :
                NoReferencePricePolicy.REJECT)
            .sector("S1", "TECH")
            .sector("S2", "TECH")
            .sector("S3", "ENERGY")
            .restrictSymbol("BANNED")
            .tickSize("S1", 0.05)
            .clOrdIdHistory(8)
            .warningThreshold(0.6)
            .account("B", limits -> limits.capital(8_000).maxPositions(2).restrictSymbol("S2").maxLeverage(0.8)
                .dailyLossLimit(400).orderRate(4, Duration.ofMillis(800)))
            .account("C", limits -> limits.capital(30_000).maxLeverage(0.25));
        if (setup.collarInTicks())
        {
            configuration.priceCollarTicks(20);
        }
        configuration.limits()
            .capital(20_000)
            .maxOrderQuantity(300)
            .maxOrderNotional(6_000)
            .creditLimitGross(14_000)
            .creditLimitNet(9_000)
            .positionLimit(5_000)
            .maxPositions(3)
            .maxSectorExposure(0.5)
            .maxLeverage(1.2)
            .dailyLossLimit(600)
            .orderRate(6, Duration.ofSeconds(1))
            .messageRate(9, Duration.ofSeconds(1))
            .duplicateOrderWindow(Duration.ofMillis(400));
        return configuration.conclude();
    }

    @Provide
    Arbitrary<Setup> setups()
    {
        final Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        return Combinators.combine(flag, flag, flag).as(Setup::new);
    }

    @Provide
    Arbitrary<List<Action>> days()
    {
        final Arbitrary<Integer> account = Arbitraries.integers().between(0, ACCOUNTS.length - 1);
        final Arbitrary<Integer> symbol = Arbitraries.integers().between(0, SYMBOLS.length - 1);
        final Arbitrary<Integer> bps = Arbitraries.oneOf(Arbitraries.integers().between(-900, 900),
            Arbitraries.of(-100, 0, 100));
        final Arbitrary<Integer> halfUnits = Arbitraries.oneOf(Arbitraries.integers().between(1, 700),
            Arbitraries.of(20, 100, 200));
        final Arbitrary<Action> check = Combinators.combine(
            Combinators.combine(account, symbol, Arbitraries.integers().between(0, SIDES.length - 1),
                Arbitraries.integers().between(0, ORD_TYPES.length - 1)).as(List::of),
            Arbitraries.frequencyOf(Tuple.of(30, halfUnits), Tuple.of(1, Arbitraries.just(0))), bps, bps,
            Arbitraries.integers().between(0, 30),
            Arbitraries.integers().between(-3, 5), Arbitraries.of(true, true, true, false))
            .as((head, half, limitBps, stopBps, clOrdId, replace, open) -> new CheckOrder(
                head.get(0), head.get(1), head.get(2), head.get(3), half, limitBps, stopBps, clOrdId, replace, open));
        final Arbitrary<Action> fill = Combinators.combine(Arbitraries.integers().between(0, 20), halfUnits, bps)
            .as(Fill::new);
        final Arbitrary<Action> done = Arbitraries.integers().between(0, 20).map(Done::new);
        final Arbitrary<Action> price = Combinators.combine(symbol, Arbitraries.oneOf(
            Arbitraries.integers().between(-2_000, 1_500), Arbitraries.integers().between(-300, 200))).as(Price::new);
        final Arbitrary<Action> quote = Combinators.combine(symbol, bps, Arbitraries.integers().between(0, 40))
            .as(Quote::new);
        final Arbitrary<Action> advance = Arbitraries.integers().between(0, 900).map(Advance::new);
        final Arbitrary<Action> transition = Combinators.combine(Arbitraries.integers().between(-1, 1),
            Arbitraries.of(TradingState.NORMAL, TradingState.NORMAL, TradingState.SOFT_BRAKE, TradingState.REDUCING,
                TradingState.REDUCING, TradingState.HALTED)).as(Transition::new);
        final Arbitrary<Action> positionFill = Combinators.combine(account, symbol,
            Arbitraries.integers().between(0, SIDES.length - 1), halfUnits, bps).as(PositionFill::new);
        final Arbitrary<Action> message = account.map(Message::new);
        return Arbitraries.frequencyOf(
            Tuple.of(12, check),
            Tuple.of(4, fill),
            Tuple.of(2, done),
            Tuple.of(4, price),
            Tuple.of(1, quote),
            Tuple.of(4, advance),
            Tuple.of(2, transition),
            Tuple.of(2, positionFill),
            Tuple.of(3, message),
            Tuple.of(3, Arbitraries.just(new Repeat()))).list().ofMinSize(60).ofMaxSize(160);
    }

    /** The property only proves something if the random days reach every check: they must, across the tries. */
    @AfterContainer
    static void everyCheckWasExercised()
    {
        final Set<RiskRejectCode> expected = EnumSet.allOf(RiskRejectCode.class);
        expected.remove(RiskRejectCode.UNKNOWN_ACCOUNT);
        assertThat(SEEN).as("reject codes reached").containsAll(expected);
        long warnings = 0;
        for (final long mask : WARNED)
        {
            warnings |= mask;
        }
        assertThat(CheckResult.warningNames(warnings)).as("warnings reached").isEqualTo(CheckResult.warningNames(
            everyWarning()));
    }

    private static long everyWarning()
    {
        long mask = 0;
        for (final RiskRejectCode code : List.of(RiskRejectCode.DAILY_LOSS_LIMIT, RiskRejectCode.MESSAGE_RATE,
            RiskRejectCode.ORDER_RATE, RiskRejectCode.MAX_ORDER_QUANTITY, RiskRejectCode.NO_REFERENCE_PRICE,
            RiskRejectCode.PRICE_COLLAR, RiskRejectCode.MAX_ORDER_NOTIONAL, RiskRejectCode.CREDIT_GROSS,
            RiskRejectCode.CREDIT_NET, RiskRejectCode.POSITION_LIMIT, RiskRejectCode.MAX_POSITIONS,
            RiskRejectCode.SECTOR_EXPOSURE, RiskRejectCode.LEVERAGE))
        {
            mask |= code.bit();
        }
        return mask;
    }
}

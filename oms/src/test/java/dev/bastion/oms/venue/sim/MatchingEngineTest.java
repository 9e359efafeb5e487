package dev.bastion.oms.venue.sim;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.api.TimeInForce;
import dev.bastion.oms.venue.VenueOrder;
import dev.bastion.oms.venue.fix.FixDecimals;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import static dev.bastion.oms.api.FixedPoint.price;
import static dev.bastion.oms.api.FixedPoint.qty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulated market stepped by hand: every price and volume is chosen, so every outcome is exact. */
class MatchingEngineTest
{
    private static final String S1 = "FIX.4.4:SIM->BASTION";
    private static final String S2 = "FIX.4.2:SIM->BASTION";
    private static final Instant START = Instant.parse("2026-03-02T14:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final RecordingOutput out = new RecordingOutput();
    private MatchingEngine engine = engine(null);

    private MatchingEngine engine(final LocalTime endOfDay)
    {
        return new MatchingEngine(new VenueSimulatorConfiguration()
            .instrument(SimulatedInstrument.of("AAPL", 100.0, 0.001, 0.01, 1000))
            .instrument(SimulatedInstrument.of("MSFT", 400.0, 0.001, 0.01, 1000))
            .clock(clock)
            .endOfDay(endOfDay)
            .idPrefix("T-")
            .conclude(), out);
    }

    @Test
    void shouldFillACrossingLimitOrderAtOnceAtTheCurrentPrice()
    {
        engine.newOrder(S1, limit("A", Side.BUY, 100, 101.0, TimeInForce.DAY));

        assertThat(brief(out.take()))
            .containsExactly("NEW A NEW cum=0 leaves=100", "TRADE A FILLED 100@100 cum=100 leaves=0");
    }

    @Test
    void shouldRestALimitOrderAndFillItAtItsOwnLimitWhenAStepCrossesIt()
    {
        engine.newOrder(S1, limit("A", Side.BUY, 100, 99.5, TimeInForce.DAY));
        out.take();

        engine.step("AAPL", price(99.8), qty(1000));
        assertThat(out.take()).isEmpty();
        engine.step("AAPL", price(99.0), qty(1000));

        assertThat(brief(out.take())).containsExactly("TRADE A FILLED 100@99.5 cum=100 leaves=0");
    }

    @Test
    void shouldFillPartiallyUpToTheStepVolumeAndCompleteOnLaterSteps()
    {
        engine.step("AAPL", price(100.0), qty(100));
        engine.newOrder(S1, limit("A", Side.SELL, 250, 100.0, TimeInForce.GOOD_TILL_CANCEL));
        engine.step("AAPL", price(100.0), qty(100));
        engine.step("AAPL", price(100.5), qty(100));

        assertThat(brief(out.take())).containsExactly(
            "NEW A NEW cum=0 leaves=250",
            "TRADE A PARTIALLY_FILLED 100@100 cum=100 leaves=150",
            "TRADE A PARTIALLY_FILLED 100@100 cum=200 leaves=50",
            "TRADE A FILLED 50@100 cum=250 leaves=0");
    }

    @Test
    void shouldShareAStepsVolumeByBestPriceThenTime()
    {
        engine.newOrder(S1, limit("A", Side.BUY, 100, 99.5, TimeInForce.DAY));
        engine.newOrder(S1, limit("B", Side.BUY, 100, 99.7, TimeInForce.DAY));
        engine.newOrder(S1, limit("C", Side.BUY, 100, 99.7, TimeInForce.DAY));
        out.take();

        engine.step("AAPL", price(99.0), qty(150));

        assertThat(brief(out.take())).containsExactly(
            "TRADE B FILLED 100@99.7 cum=100 leaves=0",
            "TRADE C PARTIALLY_FILLED 50@99.7 cum=50 leaves=50");
    }

    @Test
    void shouldFillAMarketOrderAtOnceAndTheDayRemainderWhenVolumeReturns()
    {
        engine.newOrder(S1, market("M", Side.BUY, 1500, TimeInForce.DAY));
        engine.step("AAPL", price(100.5), qty(1000));

        assertThat(brief(out.take())).containsExactly(
            "NEW M NEW cum=0 leaves=1500",
            "TRADE M PARTIALLY_FILLED 1000@100 cum=1000 leaves=500",
            "TRADE M FILLED 500@100.5 cum=1500 leaves=0");
    }

    @Test
    void shouldCancelTheUnfilledRemainderOfAnIocOrder()
    {
        engine.newOrder(S1, limit("I", Side.BUY, 1500, 100.0, TimeInForce.IMMEDIATE_OR_CANCEL));

        final List<SimExecution> reports = out.take();
        assertThat(brief(reports)).containsExactly(
            "NEW I NEW cum=0 leaves=1500",
            "TRADE I PARTIALLY_FILLED 1000@100 cum=1000 leaves=500",
            "CANCELED I CANCELED cum=1000 leaves=0");
        assertThat(reports.get(2).unsolicited()).isTrue();
    }

    @Test
    void shouldCancelAnIocOrderThatDoesNotCross()
    {
        engine.newOrder(S1, limit("I", Side.BUY, 100, 99.0, TimeInForce.IMMEDIATE_OR_CANCEL));

        assertThat(brief(out.take()))
            .containsExactly("NEW I NEW cum=0 leaves=100", "CANCELED I CANCELED cum=0 leaves=0");
    }

    @Test
    void shouldKillAFokOrderThatCannotFillInFullAndFillOneThatCan()
    {
        engine.newOrder(S1, limit("K", Side.SELL, 1001, 100.0, TimeInForce.FILL_OR_KILL));
        engine.newOrder(S1, limit("F", Side.SELL, 1000, 100.0, TimeInForce.FILL_OR_KILL));

        assertThat(brief(out.take())).containsExactly(
            "NEW K NEW cum=0 leaves=1001",
            "CANCELED K CANCELED cum=0 leaves=0",
            "NEW F NEW cum=0 leaves=1000",
            "TRADE F FILLED 1000@100 cum=1000 leaves=0");
    }

    @Test
    void shouldTriggerABuyStopWhenThePathReachesItAndFillAtTheStepPrice()
    {
        engine.newOrder(S1, stop("S", Side.BUY, 100, 101.0, Double.NaN));
        engine.step("AAPL", price(100.9), qty(1000));
        assertThat(brief(out.take())).containsExactly("NEW S NEW cum=0 leaves=100");

        engine.step("AAPL", price(101.2), qty(1000));

        assertThat(brief(out.take())).containsExactly("TRADE S FILLED 100@101.2 cum=100 leaves=0");
    }

    @Test
    void shouldTriggerASellStopLimitThenRestAtItsLimitUntilThePriceComesBack()
    {
        engine.newOrder(S1, stop("S", Side.SELL, 100, 99.0, 98.5));
        engine.step("AAPL", price(98.0), qty(1000));
        assertThat(brief(out.take())).containsExactly("NEW S NEW cum=0 leaves=100");

        engine.step("AAPL", price(98.7), qty(1000));

        assertThat(brief(out.take())).containsExactly("TRADE S FILLED 100@98.5 cum=100 leaves=0");
    }

    @Test
    void shouldTriggerAStopAtOnceWhenThePriceIsAlreadyThroughIt()
    {
        engine.newOrder(S1, stop("S", Side.BUY, 100, 99.0, Double.NaN));

        assertThat(brief(out.take()))
            .containsExactly("NEW S NEW cum=0 leaves=100", "TRADE S FILLED 100@100 cum=100 leaves=0");
    }

    @Test
    void shouldExpireAGtdOrderOnTheFirstStepAfterItsExpireTime()
    {
        engine.newOrder(S1, gtd("G", 99.0, START.plus(Duration.ofMinutes(5))));
        clock.advance(Duration.ofMinutes(4));
        engine.step();
        assertThat(brief(out.take())).containsExactly("NEW G NEW cum=0 leaves=100");

        clock.advance(Duration.ofMinutes(1));
        engine.step();

        final List<SimExecution> reports = out.take();
        assertThat(brief(reports)).containsExactly("EXPIRED G EXPIRED cum=0 leaves=0");
        assertThat(reports.get(0).text()).isEqualTo("GTD order expired");
    }

    @Test
    void shouldRejectAGtdOrderWhoseExpireTimeHasPassed()
    {
        engine.newOrder(S1, gtd("G", 99.0, START.minusSeconds(1)));

        final SimExecution reject = out.take().get(0);
        assertThat(reject.execType()).isEqualTo(ExecType.REJECTED);
        assertThat(reject.text()).isEqualTo("ExpireTime has already passed");
    }

    @Test
    void shouldExpireDayOrdersAtTheEndOfDayAndKeepGtcOrders()
    {
        engine.newOrder(S1, limit("D", Side.BUY, 100, 99.0, TimeInForce.DAY));
        engine.newOrder(S1, limit("G", Side.BUY, 100, 99.0, TimeInForce.GOOD_TILL_CANCEL));
        out.take();

        engine.endOfDay();

        assertThat(brief(out.take())).containsExactly("EXPIRED D EXPIRED cum=0 leaves=0");
        engine.step("AAPL", price(98.0), qty(1000));
        assertThat(brief(out.take())).containsExactly("TRADE G FILLED 100@99 cum=100 leaves=0");
    }

    @Test
    void shouldExpireDayOrdersOnceWhenAStepPassesTheConfiguredEndOfDay()
    {
        engine = engine(LocalTime.of(21, 0));
        engine.newOrder(S1, limit("D1", Side.BUY, 100, 99.0, TimeInForce.DAY));
        out.take();
        clock.set(Instant.parse("2026-03-02T20:59:59Z"));
        engine.step();
        assertThat(out.take()).isEmpty();

        clock.set(Instant.parse("2026-03-02T21:00:00Z"));
        engine.step();
        assertThat(brief(out.take())).containsExactly("EXPIRED D1 EXPIRED cum=0 leaves=0");

        engine.newOrder(S1, limit("D2", Side.BUY, 100, 90.0, TimeInForce.DAY));
        clock.set(Instant.parse("2026-03-02T22:00:00Z"));
        engine.step();
        assertThat(brief(out.take())).containsExactly("NEW D2 NEW cum=0 leaves=100");
    }

    @Test
    void shouldCancelAnOpenOrderUnderTheCancelRequestsClOrdId()
    {
        engine.newOrder(S1, limit("A", Side.BUY, 100, 99.0, TimeInForce.DAY));
        out.take();

        engine.cancel(S1, "A-C", "A", false);

        final SimExecution canceled = out.take().get(0);
        assertThat(brief(List.of(canceled))).containsExactly("CANCELED A-C CANCELED cum=0 leaves=0");
        assertThat(canceled.origClOrdId()).isEqualTo("A");
        assertThat(canceled.unsolicited()).isFalse();
        engine.step("AAPL", price(98.0), qty(1000));
        assertThat(out.take()).isEmpty();
    }

    @Test
    void shouldRefuseCancelsTooLateUnknownOrWithADuplicateClOrdId()
    {
        engine.newOrder(S1, limit("A", Side.BUY, 100, 101.0, TimeInForce.DAY));

        engine.cancel(S1, "A-C", "A", false);
        engine.cancel(S1, "X-C", "X", false);
        engine.cancel(S1, "A", "A", false);

        assertThat(out.cancelRejects).extracting(SimCancelReject::cxlRejReason).containsExactly(
            MatchingEngine.CXL_TOO_LATE, MatchingEngine.CXL_UNKNOWN_ORDER, MatchingEngine.CXL_DUPLICATE_CLORDID);
        assertThat(out.cancelRejects.get(0).ordStatus()).isEqualTo(OrdStatus.FILLED);
        assertThat(out.cancelRejects.get(0).text()).isEqualTo("Too late to cancel: order is FILLED");
        assertThat(out.cancelRejects.get(1).orderId()).isEqualTo(MatchingEngine.NO_ORDER);
    }

    @Test
    void shouldReplaceQuantityAndPriceAndFillAtOnceWhenTheNewPriceCrosses()
    {
        engine.step("AAPL", price(100.0), qty(60));
        engine.newOrder(S1, limit("A", Side.BUY, 100, 100.0, TimeInForce.DAY));
        out.take();

        engine.replace(S1, limit("A2", Side.BUY, 200, 100.5, TimeInForce.DAY).replacing("A"));
        engine.step("AAPL", price(100.2), qty(1000));

        final List<SimExecution> reports = out.take();
        assertThat(brief(reports)).containsExactly(
            "REPLACED A2 PARTIALLY_FILLED cum=60 leaves=140",
            "TRADE A2 FILLED 140@100.5 cum=200 leaves=0");
        assertThat(reports.get(0).origClOrdId()).isEqualTo("A");
        assertThat(reports.get(0).orderQty()).isEqualTo(qty(200));
        assertThat(reports.get(1).avgPx()).isEqualTo(price(100.35));
    }

    @Test
    void shouldRefuseAReplaceToAQuantityNotAboveWhatIsFilled()
    {
        engine.step("AAPL", price(100.0), qty(60));
        engine.newOrder(S1, limit("A", Side.BUY, 100, 100.0, TimeInForce.DAY));

        engine.replace(S1, limit("A2", Side.BUY, 60, 100.0, TimeInForce.DAY).replacing("A"));

        assertThat(out.cancelRejects).singleElement().satisfies(reject ->
        {
            assertThat(reject.forReplace()).isTrue();
            assertThat(reject.cxlRejReason()).isEqualTo(MatchingEngine.CXL_OTHER);
            assertThat(reject.text()).isEqualTo("OrderQty 60.0 is not above CumQty 60.0");
        });
    }

    @Test
    void shouldRejectAnUnknownSymbolAndADuplicateClOrdIdButIgnoreAPossDupResend()
    {
        engine.newOrder(S1, limit("A", Side.BUY, 100, 99.0, TimeInForce.DAY));
        engine.newOrder(S1, new OrderRequest("B", null, "NOPE", Side.BUY, OrdType.MARKET, TimeInForce.DAY, qty(1),
            FixedPoint.NONE, FixedPoint.NONE, VenueOrder.NO_TIME, null, false, null, 0));
        engine.newOrder(S1, limit("A", Side.BUY, 100, 99.0, TimeInForce.DAY));
        engine.newOrder(S1, limit("A", Side.BUY, 100, 99.0, TimeInForce.DAY).asPossibleDuplicate());
        engine.newOrder(S2, limit("A", Side.BUY, 100, 99.0, TimeInForce.DAY));

        final List<SimExecution> reports = out.take();
        assertThat(brief(reports)).containsExactly(
            "NEW A NEW cum=0 leaves=100",
            "REJECTED B REJECTED cum=0 leaves=0",
            "REJECTED A REJECTED cum=0 leaves=0",
            "NEW A NEW cum=0 leaves=100");
        assertThat(reports.get(1).ordRejReason()).isEqualTo(MatchingEngine.REJECT_UNKNOWN_SYMBOL);
        assertThat(reports.get(2).ordRejReason()).isEqualTo(MatchingEngine.REJECT_DUPLICATE_ORDER);
        assertThat(reports.get(3).session()).isEqualTo(S2);
        assertThat(out.orders).extracting(VenueRecord.OrderEntry::accepted).containsExactly(true, false, false, true);
    }

    @Test
    void shouldRejectTheNextOrdersAndEveryOrderForASymbolAsTold()
    {
        engine.rejectNext(1, MatchingEngine.REJECT_OTHER, "venue says no");
        engine.rejectSymbol("MSFT", 2, "MSFT halted");
        engine.newOrder(S1, limit("A", Side.BUY, 100, 99.0, TimeInForce.DAY));
        engine.newOrder(S1, limit("B", Side.BUY, 100, 99.0, TimeInForce.DAY));
        engine.newOrder(S1, new OrderRequest("C", null, "MSFT", Side.BUY, OrdType.MARKET, TimeInForce.DAY, qty(1),
            FixedPoint.NONE, FixedPoint.NONE, VenueOrder.NO_TIME, null, false, null, 0));

        final List<SimExecution> reports = out.take();
        assertThat(reports).extracting(SimExecution::clOrdId, SimExecution::execType, SimExecution::ordRejReason,
            SimExecution::text).containsExactly(
            org.assertj.core.groups.Tuple.tuple("A", ExecType.REJECTED, 99, "venue says no"),
            org.assertj.core.groups.Tuple.tuple("B", ExecType.NEW, -1, null),
            org.assertj.core.groups.Tuple.tuple("C", ExecType.REJECTED, 2, "MSFT halted"));
    }

    @Test
    void shouldBustAFillAndReopenTheOrderItHadFilled()
    {
        engine.newOrder(S1, limit("A", Side.BUY, 100, 100.0, TimeInForce.DAY));
        final SimExecution fill = out.take().get(1);

        engine.bust(fill.execId());
        engine.step("AAPL", price(99.9), qty(1000));

        final List<SimExecution> reports = out.take();
        assertThat(brief(reports)).containsExactly(
            "TRADE_CANCEL A NEW cum=0 leaves=100",
            "TRADE A FILLED 100@100 cum=100 leaves=0");
        assertThat(reports.get(0).execRefId()).isEqualTo(fill.execId());
        assertThatThrownBy(() -> engine.bust(fill.execId())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldCorrectAFillsQuantityAndPrice()
    {
        engine.newOrder(S1, limit("A", Side.BUY, 100, 100.0, TimeInForce.DAY));
        final SimExecution fill = out.take().get(1);

        engine.correct(fill.execId(), qty(40), price(99.9));

        final SimExecution correction = out.take().get(0);
        assertThat(brief(List.of(correction)))
            .containsExactly("TRADE_CORRECT A PARTIALLY_FILLED 40@99.9 cum=40 leaves=60");
        assertThat(correction.execRefId()).isEqualTo(fill.execId());
        assertThat(correction.avgPx()).isEqualTo(price(99.9));
        assertThatThrownBy(() -> engine.correct(fill.execId(), qty(101), price(1)))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldFillPartiallyThenCancelTheRestWhenTold()
    {
        engine.partialFillThenCancel(1, 0.25);
        engine.newOrder(S1, limit("A", Side.BUY, 100, 99.0, TimeInForce.DAY));
        engine.newOrder(S1, limit("B", Side.BUY, 100, 99.0, TimeInForce.DAY));

        final List<SimExecution> reports = out.take();
        assertThat(brief(reports)).containsExactly(
            "NEW A NEW cum=0 leaves=100",
            "TRADE A PARTIALLY_FILLED 25@99 cum=25 leaves=75",
            "CANCELED A CANCELED cum=25 leaves=0",
            "NEW B NEW cum=0 leaves=100");
        assertThat(reports.get(2).unsolicited()).isTrue();
    }

    @Test
    void shouldFillEveryOrderInFullAtOnceInImmediateFillMode()
    {
        engine.immediateFill(true);
        engine.newOrder(S1, limit("A", Side.BUY, 5000, 90.0, TimeInForce.DAY));
        engine.newOrder(S1, market("B", Side.SELL, 5000, TimeInForce.DAY));

        assertThat(brief(out.take())).containsExactly(
            "NEW A NEW cum=0 leaves=5000",
            "TRADE A FILLED 5000@90 cum=5000 leaves=0",
            "NEW B NEW cum=0 leaves=5000",
            "TRADE B FILLED 5000@100 cum=5000 leaves=0");
    }

    @Test
    void shouldAnswerStatusRequestsForKnownAndUnknownOrders()
    {
        engine.newOrder(S1, limit("A", Side.BUY, 100, 99.0, TimeInForce.DAY));
        out.take();

        engine.status(S1, "A", "Q1", "AAPL", Side.BUY);
        engine.status(S1, "Z", "Q2", "AAPL", Side.SELL);

        final List<SimExecution> reports = out.take();
        assertThat(brief(reports)).containsExactly("ORDER_STATUS A NEW cum=0 leaves=100",
            "ORDER_STATUS Z REJECTED cum=0 leaves=0");
        assertThat(reports.get(0).statusRequestId()).isEqualTo("Q1");
        assertThat(reports.get(1).orderId()).isEqualTo(MatchingEngine.NO_ORDER);
        assertThat(reports.get(1).ordRejReason()).isEqualTo(MatchingEngine.REJECT_UNKNOWN_ORDER);
    }

    @Test
    void shouldReportEveryOpenOrderOfTheSessionOnMassStatus()
    {
        engine.newOrder(S1, limit("A", Side.BUY, 100, 99.0, TimeInForce.DAY));
        engine.newOrder(S1, limit("B", Side.BUY, 100, 101.0, TimeInForce.DAY));
        engine.newOrder(S1, limit("C", Side.SELL, 100, 101.0, TimeInForce.GOOD_TILL_CANCEL));
        engine.newOrder(S2, limit("D", Side.SELL, 100, 101.0, TimeInForce.DAY));
        out.take();

        engine.massStatus(S1, "M1", null);

        final List<SimExecution> reports = out.take();
        assertThat(reports).extracting(SimExecution::clOrdId).containsExactly("A", "C");
        assertThat(reports).allSatisfy(report ->
        {
            assertThat(report.execType()).isEqualTo(ExecType.ORDER_STATUS);
            assertThat(report.massStatusRequestId()).isEqualTo("M1");
            assertThat(report.totalReports()).isEqualTo(2);
        });
        assertThat(reports).extracting(SimExecution::lastReport).containsExactly(false, true);
    }

    @Test
    void shouldCancelAnOrderUnsolicitedOnCommand()
    {
        engine.newOrder(S1, limit("A", Side.BUY, 100, 99.0, TimeInForce.GOOD_TILL_CANCEL));
        out.take();

        engine.cancelUnsolicited("A", "Halted");

        final SimExecution canceled = out.take().get(0);
        assertThat(brief(List.of(canceled))).containsExactly("CANCELED A CANCELED cum=0 leaves=0");
        assertThat(canceled.origClOrdId()).isNull();
        assertThat(canceled.unsolicited()).isTrue();
        assertThat(canceled.text()).isEqualTo("Halted");
    }

    @Test
    void shouldEndAnOrderDoneForTheDayOnCommandAndThenRefuseItsCancel()
    {
        engine.newOrder(S1, limit("A", Side.SELL, 100, 101.0, TimeInForce.GOOD_TILL_CANCEL));
        out.take();

        engine.doneForDay("A", "Closing");

        final SimExecution done = out.take().get(0);
        assertThat(brief(List.of(done))).containsExactly("DONE_FOR_DAY A DONE_FOR_DAY cum=0 leaves=0");
        assertThat(done.text()).isEqualTo("Closing");
        engine.cancel(S1, "B", "A", false);
        assertThat(out.cancelRejects).last().extracting(SimCancelReject::cxlRejReason).isEqualTo(0);
    }

    static OrderRequest limit(
        final String clOrdId, final Side side, final double qty, final double price, final TimeInForce timeInForce)
    {
        return new OrderRequest(clOrdId, null, "AAPL", side, OrdType.LIMIT, timeInForce, qty(qty), price(price),
            FixedPoint.NONE, VenueOrder.NO_TIME, null, false, null, 0);
    }

    static OrderRequest market(final String clOrdId, final Side side, final double qty, final TimeInForce timeInForce)
    {
        return new OrderRequest(clOrdId, null, "AAPL", side, OrdType.MARKET, timeInForce, qty(qty), FixedPoint.NONE,
            FixedPoint.NONE, VenueOrder.NO_TIME, null, false, null, 0);
    }

    private static OrderRequest stop(
        final String clOrdId, final Side side, final double qty, final double stopPrice, final double limitPrice)
    {
        final boolean limited = !Double.isNaN(limitPrice);
        return new OrderRequest(clOrdId, null, "AAPL", side, limited ? OrdType.STOP_LIMIT : OrdType.STOP,
            TimeInForce.DAY, qty(qty), limited ? price(limitPrice) : FixedPoint.NONE, price(stopPrice),
            VenueOrder.NO_TIME, null, false, null, 0);
    }

    private static OrderRequest gtd(final String clOrdId, final double price, final Instant expireTime)
    {
        return new OrderRequest(clOrdId, null, "AAPL", Side.BUY, OrdType.LIMIT, TimeInForce.GOOD_TILL_DATE, qty(100),
            price(price), FixedPoint.NONE, FixDecimals.epochNanos(expireTime), null, false, null, 0);
    }

    /** "TRADE A FILLED 100@99.5 cum=100 leaves=0": one report in a line a failing test shows plainly. */
    static List<String> brief(final List<SimExecution> reports)
    {
        return reports.stream().map(report -> report.execType() + " " + report.clOrdId() + " " + report.ordStatus() +
            (report.lastQty() > 0 ? " " + FixDecimals.qty(report.lastQty()).toPlainString() + "@" +
                FixDecimals.price(report.lastPx()).toPlainString() : "") +
            " cum=" + FixDecimals.qty(report.cumQty()).toPlainString() +
            " leaves=" + FixDecimals.qty(report.leavesQty()).toPlainString()).toList();
    }
}

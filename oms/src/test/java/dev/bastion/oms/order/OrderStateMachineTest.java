package dev.bastion.oms.order;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.api.OrderCancelReject;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.api.TimeInForce;
import dev.bastion.oms.venue.VenueExecution;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class OrderStateMachineTest
{
    private static final long SESSION = 7;
    private static final String VENUE = "SIM";

    private final RecordedActions actions = new RecordedActions();
    private final AtomicLong clock = new AtomicLong(1_000);
    private final OrderStateMachine machine =
        new OrderStateMachine(new OrderBook(), actions, new OrderIdGenerator(clock::incrementAndGet));
    private int execIds;

    @Test
    void aRoutedOrderIsPendingNewUntilTheVenueAcknowledgesIt()
    {
        final Order order = routedLimit("C1", 100);

        assertThat(order.status()).isEqualTo(OrdStatus.PENDING_NEW);
        assertThat(actions.venueRequests).containsExactly("new " + order.venueClOrdId());
        assertThat(actions.last().execType()).isEqualTo(ExecType.PENDING_NEW);
        assertThat(actions.last().ordStatus()).isEqualTo(OrdStatus.PENDING_NEW);
        assertThat(actions.last().leavesQty()).isEqualTo(qty(100));

        venue(order.venueClOrdId(), ExecType.NEW, 0, 0);

        assertThat(actions.last().execType()).isEqualTo(ExecType.NEW);
        assertThat(actions.last().ordStatus()).isEqualTo(OrdStatus.NEW);
        assertThat(actions.last().leavesQty()).isEqualTo(qty(100));
    }

    @Test
    void partialThenFullFillsKeepCumAndLeavesConsistentAndAveragePrice()
    {
        final Order order = acknowledged("C1", 100);

        venue(order.venueClOrdId(), ExecType.TRADE, 40, 10.0);
        assertThat(actions.last().ordStatus()).isEqualTo(OrdStatus.PARTIALLY_FILLED);
        assertThat(actions.last().cumQty()).isEqualTo(qty(40));
        assertThat(actions.last().leavesQty()).isEqualTo(qty(60));

        venue(order.venueClOrdId(), ExecType.TRADE, 60, 11.0);
        assertThat(actions.last().ordStatus()).isEqualTo(OrdStatus.FILLED);
        assertThat(actions.last().leavesQty()).isZero();
        assertThat(order.avgPx()).isEqualTo(FixedPoint.price(10.6));
    }

    @Test
    void theSameClOrdIdTwiceFromOneSessionIsRejectedAsDuplicate()
    {
        acknowledged("C1", 100);

        final Order second = machine.newOrder(SESSION, "C1", "ACC", "AAPL", Side.BUY, OrdType.LIMIT, TimeInForce.DAY,
            qty(5), FixedPoint.price(10), FixedPoint.NONE, Long.MIN_VALUE);

        assertThat(second).isNull();
        assertThat(actions.last().execType()).isEqualTo(ExecType.REJECTED);
        assertThat(actions.last().ordRejReason()).isEqualTo(OrderStateMachine.REJECT_DUPLICATE_ORDER);
        assertThat(machine.book().byClOrdId(SESSION, "C1").orderQty()).isEqualTo(qty(100));
    }

    @Test
    void theSameClOrdIdFromAnotherSessionIsAnotherOrder()
    {
        acknowledged("C1", 100);

        final Order other = machine.newOrder(SESSION + 1, "C1", "ACC", "AAPL", Side.BUY, OrdType.LIMIT,
            TimeInForce.DAY, qty(5), FixedPoint.price(10), FixedPoint.NONE, Long.MIN_VALUE);

        assertThat(other).isNotNull();
    }

    @Test
    void cancelGoesPendingCancelThenCanceledWithTheClOrdIdChain()
    {
        final Order order = acknowledged("C1", 100);

        machine.cancel(SESSION, "C2", "C1");
        assertThat(actions.last().execType()).isEqualTo(ExecType.PENDING_CANCEL);
        assertThat(actions.last().clOrdId()).isEqualTo("C2");
        assertThat(actions.last().origClOrdId()).isEqualTo("C1");

        venue(order.pending().venueClOrdId(), ExecType.CANCELED, 0, 0);
        assertThat(actions.last().execType()).isEqualTo(ExecType.CANCELED);
        assertThat(actions.last().ordStatus()).isEqualTo(OrdStatus.CANCELED);
        assertThat(actions.last().clOrdId()).isEqualTo("C2");
        assertThat(actions.last().origClOrdId()).isEqualTo("C1");
        assertThat(actions.last().leavesQty()).isZero();
        assertThat(machine.book().byClOrdId(SESSION, "C2")).isSameAs(order);
    }

    @Test
    void aFillDuringPendingCancelStaysOnTheOriginalOrder()
    {
        final Order order = acknowledged("C1", 100);
        machine.cancel(SESSION, "C2", "C1");

        venue(order.venueClOrdId(), ExecType.TRADE, 30, 10);

        assertThat(actions.last().execType()).isEqualTo(ExecType.TRADE);
        assertThat(actions.last().clOrdId()).isEqualTo("C1");
        assertThat(actions.last().ordStatus()).isEqualTo(OrdStatus.PENDING_CANCEL);
        assertThat(actions.last().cumQty()).isEqualTo(qty(30));

        venue(order.pending().venueClOrdId(), ExecType.CANCELED, 0, 0);
        assertThat(actions.last().ordStatus()).isEqualTo(OrdStatus.CANCELED);
        assertThat(actions.last().cumQty()).isEqualTo(qty(30));
    }

    @Test
    void cancelOfAFilledOrderIsRefusedTooLateToCancel()
    {
        final Order order = acknowledged("C1", 100);
        venue(order.venueClOrdId(), ExecType.TRADE, 100, 10);

        machine.cancel(SESSION, "C2", "C1");

        assertThat(actions.cancelRejects).last().satisfies(reject ->
        {
            assertThat(reject.reason()).isEqualTo(OrderCancelReject.TOO_LATE_TO_CANCEL);
            assertThat(reject.clOrdId()).isEqualTo("C2");
            assertThat(reject.origClOrdId()).isEqualTo("C1");
        });
    }

    @Test
    void cancelOfAnUnknownOrderIsRefusedUnknownOrder()
    {
        machine.cancel(SESSION, "C2", "NOPE");

        assertThat(actions.cancelRejects).last()
            .extracting(RecordedActions.CancelReject::reason).isEqualTo(OrderCancelReject.UNKNOWN_ORDER);
    }

    @Test
    void aSecondCancelWhileOneIsPendingIsRefusedAlreadyPending()
    {
        acknowledged("C1", 100);
        machine.cancel(SESSION, "C2", "C1");

        machine.cancel(SESSION, "C3", "C1");

        assertThat(actions.cancelRejects).last()
            .extracting(RecordedActions.CancelReject::reason).isEqualTo(OrderCancelReject.ALREADY_PENDING);
    }

    @Test
    void theVenueRefusingACancelPutsTheOrderBackAndTellsTheClient()
    {
        final Order order = acknowledged("C1", 100);
        machine.cancel(SESSION, "C2", "C1");

        machine.onVenueCancelReject(order.pending().venueClOrdId(), 0, "too late");

        assertThat(order.status()).isEqualTo(OrdStatus.NEW);
        assertThat(order.pending()).isNull();
        assertThat(actions.cancelRejects).last().satisfies(reject ->
        {
            assertThat(reject.clOrdId()).isEqualTo("C2");
            assertThat(reject.reason()).isEqualTo(OrderCancelReject.TOO_LATE_TO_CANCEL);
        });
    }

    @Test
    void replaceChangesQuantityAndPriceAndKeepsWhatWasFilled()
    {
        final Order order = acknowledged("C1", 100);
        venue(order.venueClOrdId(), ExecType.TRADE, 30, 10);

        machine.replace(SESSION, "C2", "C1", qty(150), FixedPoint.price(10.5));
        assertThat(actions.last().execType()).isEqualTo(ExecType.PENDING_REPLACE);
        assertThat(order.status()).isEqualTo(OrdStatus.PENDING_REPLACE);

        venue(order.pending().venueClOrdId(), ExecType.REPLACED, 0, 0);
        assertThat(actions.last().execType()).isEqualTo(ExecType.REPLACED);
        assertThat(actions.last().ordStatus()).isEqualTo(OrdStatus.PARTIALLY_FILLED);
        assertThat(actions.last().clOrdId()).isEqualTo("C2");
        assertThat(actions.last().origClOrdId()).isEqualTo("C1");
        assertThat(order.orderQty()).isEqualTo(qty(150));
        assertThat(order.price()).isEqualTo(FixedPoint.price(10.5));
        assertThat(order.leavesQty()).isEqualTo(qty(120));
    }

    @Test
    void replaceToAQuantityNotAboveTheFilledOneIsRefused()
    {
        final Order order = acknowledged("C1", 100);
        venue(order.venueClOrdId(), ExecType.TRADE, 60, 10);

        machine.replace(SESSION, "C2", "C1", qty(60), FixedPoint.price(10));

        assertThat(order.pending()).isNull();
        assertThat(actions.cancelRejects).last().extracting(RecordedActions.CancelReject::forReplace).isEqualTo(true);
    }

    @Test
    void aVenueRejectEndsThePendingOrderWithTheVenuesText()
    {
        final Order order = routedLimit("C1", 100);

        venue(order.venueClOrdId(), ExecType.REJECTED, 0, 0);

        assertThat(actions.last().ordStatus()).isEqualTo(OrdStatus.REJECTED);
        assertThat(actions.last().leavesQty()).isZero();
    }

    @Test
    void anUnsolicitedCancelFromTheVenueEndsTheOrder()
    {
        final Order order = acknowledged("C1", 100);

        venue(order.venueClOrdId(), ExecType.CANCELED, 0, 0);

        assertThat(actions.last().ordStatus()).isEqualTo(OrdStatus.CANCELED);
        assertThat(actions.last().text()).isNotBlank();
    }

    @Test
    void aResentVenueReportWithTheSameExecIdIsAppliedOnce()
    {
        final Order order = acknowledged("C1", 100);
        final VenueExecution fill = execution(order.venueClOrdId(), ExecType.TRADE, 10, 10, "X-1", null);

        assertThat(machine.onVenueExecution(fill)).isEqualTo(VenueReportOutcome.APPLIED);
        assertThat(machine.onVenueExecution(fill)).isEqualTo(VenueReportOutcome.DUPLICATE);

        assertThat(order.cumQty()).isEqualTo(qty(10));
        assertThat(machine.duplicateExecutions()).isEqualTo(1);
    }

    @Test
    void anOverfillIsNotBooked()
    {
        final Order order = acknowledged("C1", 100);

        assertThat(machine.onVenueExecution(execution(order.venueClOrdId(), ExecType.TRADE, 101, 10, "X-1", null)))
            .isEqualTo(VenueReportOutcome.OUT_OF_PLACE);
        assertThat(order.cumQty()).isZero();
    }

    @Test
    void aTradeBustTakesTheFillBackAndReopensTheOrder()
    {
        final Order order = acknowledged("C1", 100);
        machine.onVenueExecution(execution(order.venueClOrdId(), ExecType.TRADE, 100, 10, "X-1", null));
        assertThat(order.status()).isEqualTo(OrdStatus.FILLED);

        machine.onVenueExecution(execution(order.venueClOrdId(), ExecType.TRADE_CANCEL, 0, 0, "X-2", "X-1"));

        assertThat(actions.last().execType()).isEqualTo(ExecType.TRADE_CANCEL);
        assertThat(order.cumQty()).isZero();
        assertThat(order.leavesQty()).isEqualTo(qty(100));
        assertThat(order.status()).isEqualTo(OrdStatus.NEW);
    }

    @Test
    void aTradeCorrectionReplacesTheFillsQuantityAndPrice()
    {
        final Order order = acknowledged("C1", 100);
        machine.onVenueExecution(execution(order.venueClOrdId(), ExecType.TRADE, 50, 10, "X-1", null));

        machine.onVenueExecution(execution(order.venueClOrdId(), ExecType.TRADE_CORRECT, 40, 12, "X-2", "X-1"));

        assertThat(order.cumQty()).isEqualTo(qty(40));
        assertThat(order.leavesQty()).isEqualTo(qty(60));
        assertThat(order.avgPx()).isEqualTo(FixedPoint.price(12));
    }

    @Test
    void massCancelAsksEveryOpenOrderOfTheSessionToCancel()
    {
        acknowledged("C1", 100);
        acknowledged("C2", 100);
        final Order filled = acknowledged("C3", 100);
        venue(filled.venueClOrdId(), ExecType.TRADE, 100, 10);

        assertThat(machine.massCancel(SESSION, null)).isEqualTo(2);
        assertThat(actions.venueRequests).filteredOn(request -> request.startsWith("cancel")).hasSize(2);
    }

    @Test
    void statusOfAnUnknownOrderIsAnswered()
    {
        machine.status(SESSION, "NOPE", "AAPL", '1');

        assertThat(actions.cancelRejects).last().extracting(RecordedActions.CancelReject::clOrdId).isEqualTo("NOPE");
    }

    @Test
    void aStatusAnswerForAnOrderTheVenueDoesNotKnowKeepsTheVenuesOrderId()
    {
        final Order order = acknowledged("C1", 100);
        final String venueOrderId = order.venueOrderId();

        final VenueReportOutcome outcome = machine.onVenueExecution(new VenueExecution(VENUE, order.venueClOrdId(),
            null, "NONE", "S-1", null, ExecType.ORDER_STATUS, OrdStatus.REJECTED, 0, 0, 0, 0, 0, "Unknown order", 5,
            Long.MIN_VALUE, false, false));

        assertThat(outcome).isEqualTo(VenueReportOutcome.DISCREPANCY);
        assertThat(order.venueOrderId()).isEqualTo(venueOrderId).isNotEqualTo("NONE");
        assertThat(order.status()).isEqualTo(OrdStatus.NEW);
    }

    @Test
    void anUnsolicitedCancelWhileAClientCancelIsPendingIsReportedUnderTheOrdersClOrdIdAndTheRequestIsRefused()
    {
        final Order order = acknowledged("C1", 100);
        machine.cancel(SESSION, "C2", "C1");
        final String cancelRequest = order.pending().venueClOrdId();

        machine.onVenueExecution(new VenueExecution(VENUE, order.venueClOrdId(), null, "V-1", "U-1", null,
            ExecType.CANCELED, OrdStatus.CANCELED, 0, 0, 0, 0, 0, "Halted by the venue", -1, Long.MIN_VALUE, true,
            false));

        assertThat(actions.last().execType()).isEqualTo(ExecType.CANCELED);
        assertThat(actions.last().clOrdId()).as("not the answer to C2").isEqualTo("C1");
        assertThat(actions.last().origClOrdId()).isNull();
        assertThat(actions.last().text()).isEqualTo("Halted by the venue");
        assertThat(machine.book().byClOrdId(SESSION, "C1")).isSameAs(order);

        // The venue then refuses the client's cancel: the client hears it was too late.
        assertThat(machine.onVenueCancelReject(cancelRequest, 0, "order is canceled"))
            .isEqualTo(VenueReportOutcome.APPLIED);
        assertThat(actions.cancelRejects).last().satisfies(reject ->
        {
            assertThat(reject.clOrdId()).isEqualTo("C2");
            assertThat(reject.origClOrdId()).isEqualTo("C1");
            assertThat(reject.reason()).isEqualTo(OrderCancelReject.TOO_LATE_TO_CANCEL);
        });
        assertThat(order.pending()).isNull();
        assertThat(order.status()).isEqualTo(OrdStatus.CANCELED);
    }

    @Test
    void aVenueCancelConfirmationOfAnOrderItHadAlreadyEndedAnswersTheClientTooLate()
    {
        final Order order = acknowledged("C1", 100);
        machine.cancel(SESSION, "C2", "C1");
        final String cancelRequest = order.pending().venueClOrdId();
        machine.onVenueExecution(new VenueExecution(VENUE, order.venueClOrdId(), null, "V-1", "U-1", null,
            ExecType.EXPIRED, OrdStatus.EXPIRED, 0, 0, 0, 0, 0, null, -1, Long.MIN_VALUE, false, false));
        assertThat(actions.last().execType()).isEqualTo(ExecType.EXPIRED);
        assertThat(actions.last().clOrdId()).isEqualTo("C1");

        machine.onVenueExecution(new VenueExecution(VENUE, cancelRequest, order.venueClOrdId(), "V-1", "U-2", null,
            ExecType.CANCELED, OrdStatus.CANCELED, 0, 0, 0, 0, 0, null, -1, Long.MIN_VALUE, false, false));

        assertThat(actions.cancelRejects).last().satisfies(reject ->
        {
            assertThat(reject.clOrdId()).isEqualTo("C2");
            assertThat(reject.reason()).isEqualTo(OrderCancelReject.TOO_LATE_TO_CANCEL);
        });
        assertThat(order.status()).isEqualTo(OrdStatus.EXPIRED);
    }

    @Test
    void aVenueCancelRejectThatMatchesNoPendingRequestIsNotApplied()
    {
        final Order order = acknowledged("C1", 100);

        assertThat(machine.onVenueCancelReject("B-NOTHING", 1, "unknown")).isEqualTo(VenueReportOutcome.UNKNOWN_ORDER);
        assertThat(machine.onVenueCancelReject(order.venueClOrdId(), 1, "unknown"))
            .isEqualTo(VenueReportOutcome.UNKNOWN_ORDER);
        assertThat(actions.cancelRejects).isEmpty();
        assertThat(order.status()).isEqualTo(OrdStatus.NEW);
    }

    @Test
    void aVenueRejectAfterTheAcknowledgementEndsTheOrder()
    {
        final Order order = acknowledged("C1", 100);

        final VenueReportOutcome outcome = machine.onVenueExecution(new VenueExecution(VENUE, order.venueClOrdId(),
            null, "V-1", "R-1", null, ExecType.REJECTED, OrdStatus.REJECTED, 0, 0, 0, 0, 0, "Late: symbol halted", 2,
            Long.MIN_VALUE, false, false));

        assertThat(outcome).isEqualTo(VenueReportOutcome.APPLIED);
        assertThat(actions.last().execType()).isEqualTo(ExecType.REJECTED);
        assertThat(actions.last().ordStatus()).isEqualTo(OrdStatus.REJECTED);
        assertThat(actions.last().ordRejReason()).isEqualTo(2);
        assertThat(actions.last().text()).isEqualTo("Late: symbol halted");
        assertThat(order.leavesQty()).isZero();
    }

    @Test
    void aReplaceCarriesStopPxOrdTypeAndTimeInForceToTheVenueAndTheOrder()
    {
        final Order order = machine.newOrder(SESSION, "C1", "ACC", "AAPL", Side.BUY, OrdType.STOP, TimeInForce.DAY,
            qty(100), FixedPoint.NONE, FixedPoint.price(11), Long.MIN_VALUE);
        machine.route(order, VENUE);
        venue(order.venueClOrdId(), ExecType.NEW, 0, 0);

        machine.replace(order, "C2", OrdType.STOP_LIMIT, TimeInForce.GOOD_TILL_CANCEL, qty(80),
            FixedPoint.price(11.5), FixedPoint.price(11.2), Long.MIN_VALUE);

        final PendingChange replace = order.pending();
        assertThat(replace.newStopPrice()).isEqualTo(FixedPoint.price(11.2));
        assertThat(replace.newPrice()).isEqualTo(FixedPoint.price(11.5));
        assertThat(replace.newOrdType()).isEqualTo(OrdType.STOP_LIMIT);
        assertThat(replace.newTimeInForce()).isEqualTo(TimeInForce.GOOD_TILL_CANCEL);
        assertThat(order.stopPrice()).as("unchanged until the venue confirms").isEqualTo(FixedPoint.price(11));

        venue(replace.venueClOrdId(), ExecType.REPLACED, 0, 0);

        assertThat(order.ordType()).isEqualTo(OrdType.STOP_LIMIT);
        assertThat(order.timeInForce()).isEqualTo(TimeInForce.GOOD_TILL_CANCEL);
        assertThat(order.stopPrice()).isEqualTo(FixedPoint.price(11.2));
        assertThat(order.price()).isEqualTo(FixedPoint.price(11.5));
        assertThat(order.orderQty()).isEqualTo(qty(80));
        assertThat(order.venueClOrdId()).isEqualTo(replace.venueClOrdId());
    }

    @Test
    void aReplaceThatChangesSymbolOrSideOrLeavesOutItsPricesIsRefusedWithAReason()
    {
        final Order order = acknowledged("C1", 100);

        assertThat(OrderStateMachine.replaceRefusal(order, "MSFT", Side.BUY, OrdType.LIMIT, TimeInForce.DAY,
            qty(100), FixedPoint.price(10), FixedPoint.NONE, Long.MIN_VALUE)).contains("cannot change Symbol");
        assertThat(OrderStateMachine.replaceRefusal(order, "AAPL", Side.SELL, OrdType.LIMIT, TimeInForce.DAY,
            qty(100), FixedPoint.price(10), FixedPoint.NONE, Long.MIN_VALUE)).contains("cannot change Side");
        assertThat(OrderStateMachine.replaceRefusal(order, "AAPL", Side.BUY, OrdType.STOP_LIMIT, TimeInForce.DAY,
            qty(100), FixedPoint.price(10), FixedPoint.NONE, Long.MIN_VALUE)).contains("needs a positive StopPx");
        assertThat(OrderStateMachine.replaceRefusal(order, "AAPL", Side.BUY, OrdType.LIMIT,
            TimeInForce.GOOD_TILL_DATE, qty(100), FixedPoint.price(10), FixedPoint.NONE, Long.MIN_VALUE))
            .contains("needs an ExpireTime");
        assertThat(OrderStateMachine.replaceRefusal(order, "AAPL", Side.BUY, OrdType.MARKET,
            TimeInForce.IMMEDIATE_OR_CANCEL, qty(100), FixedPoint.NONE, FixedPoint.NONE, Long.MIN_VALUE)).isNull();
    }

    @Test
    void doneOrdersForgetTheirExecutionsOnceEnoughLaterOrdersHaveEnded()
    {
        final OrderStateMachine small =
            new OrderStateMachine(new OrderBook(), actions, new OrderIdGenerator(clock::incrementAndGet), 2);
        final Order[] orders = new Order[3];
        for (int i = 0; i < orders.length; i++)
        {
            orders[i] = small.newOrder(SESSION, "F" + i, "ACC", "AAPL", Side.BUY, OrdType.LIMIT, TimeInForce.DAY,
                qty(10), FixedPoint.price(10), FixedPoint.NONE, Long.MIN_VALUE);
            small.route(orders[i], VENUE);
            small.onVenueExecution(execution(orders[i].venueClOrdId(), ExecType.TRADE, 10, 10, "FILL-" + i, null));
        }

        assertThat(small.rememberedDoneOrders()).isEqualTo(2);
        assertThat(orders[0].rememberedExecutions()).isZero();
        assertThat(orders[1].rememberedExecutions()).isPositive();
        assertThat(orders[2].rememberedExecutions()).isPositive();
        // The oldest cannot be busted any more, the others can; a resent fill of the oldest still books nothing.
        assertThat(small.onVenueExecution(execution(orders[0].venueClOrdId(), ExecType.TRADE_CANCEL, 0, 0, "B-0",
            "FILL-0"))).isEqualTo(VenueReportOutcome.OUT_OF_PLACE);
        assertThat(small.onVenueExecution(execution(orders[0].venueClOrdId(), ExecType.TRADE, 10, 10, "FILL-0",
            null))).isEqualTo(VenueReportOutcome.OUT_OF_PLACE);
        assertThat(orders[0].cumQty()).isEqualTo(qty(10));
        assertThat(small.onVenueExecution(execution(orders[2].venueClOrdId(), ExecType.TRADE_CANCEL, 0, 0, "B-2",
            "FILL-2"))).isEqualTo(VenueReportOutcome.APPLIED);
    }

    @Test
    void avgPxIsExactForFillsWhoseNotionalOverflowsALong()
    {
        final Order order = machine.newOrder(SESSION, "C1", "ACC", "BRK", Side.BUY, OrdType.LIMIT, TimeInForce.DAY,
            qty(3_000_000), FixedPoint.price(700_000), FixedPoint.NONE, Long.MIN_VALUE);
        machine.route(order, VENUE);
        final long[][] fills = {{qty(1_000_000), 69_999_912_345_678L}, {qty(1_999_999), 69_999_987_654_321L},
            {qty(1), 1L}};
        java.math.BigInteger notional = java.math.BigInteger.ZERO;
        for (int i = 0; i < fills.length; i++)
        {
            machine.onVenueExecution(new VenueExecution(VENUE, order.venueClOrdId(), null, "V", "A" + i, null,
                ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, fills[i][0], fills[i][1], 0, 0, 0, null, -1,
                Long.MIN_VALUE, false, false));
            notional = notional.add(java.math.BigInteger.valueOf(fills[i][0])
                .multiply(java.math.BigInteger.valueOf(fills[i][1])));
        }

        final java.math.BigDecimal exact = new java.math.BigDecimal(notional)
            .divide(java.math.BigDecimal.valueOf(order.cumQty()), 0, java.math.RoundingMode.HALF_UP);
        assertThat(order.status()).isEqualTo(OrdStatus.FILLED);
        assertThat(order.avgPx()).isEqualTo(exact.longValueExact());
        assertThat(FixedPoint.qtyToDouble(order.cumQty()) * FixedPoint.priceToDouble(order.avgPx()))
            .as("well beyond what a long notional at 1e12 holds").isGreaterThan(9.3e6);
    }

    @Test
    void statusAnswersAfterAReconnectApplyWhatTheOmsMissedWithoutFills()
    {
        final Order pending = routedLimit("C1", 100);
        machine.onVenueExecution(status(pending, OrdStatus.NEW, 0, "S-1"));
        assertThat(actions.last().execType()).isEqualTo(ExecType.NEW);
        assertThat(pending.status()).isEqualTo(OrdStatus.NEW);

        final Order canceledThere = acknowledged("C2", 100);
        machine.onVenueExecution(status(canceledThere, OrdStatus.CANCELED, 0, "S-2"));
        assertThat(actions.last().execType()).isEqualTo(ExecType.CANCELED);
        assertThat(actions.last().clOrdId()).isEqualTo("C2");
        assertThat(canceledThere.status()).isEqualTo(OrdStatus.CANCELED);

        final Order filledThere = acknowledged("C3", 100);
        final int reports = actions.reports.size();
        assertThat(machine.onVenueExecution(status(filledThere, OrdStatus.FILLED, 100, "S-3")))
            .as("fills come by resend, not from a status").isEqualTo(VenueReportOutcome.DISCREPANCY);
        assertThat(actions.reports).hasSize(reports);
        assertThat(filledThere.status()).isEqualTo(OrdStatus.NEW);
    }

    private static VenueExecution status(final Order order, final OrdStatus status, final double cum,
        final String execId)
    {
        return new VenueExecution(VENUE, order.venueClOrdId(), null, "V-" + order.venueClOrdId(), execId, null,
            ExecType.ORDER_STATUS, status, 0, 0, qty(cum), 0, 0, null, -1, Long.MIN_VALUE, false, false);
    }

    private Order routedLimit(final String clOrdId, final double quantity)
    {
        final Order order = machine.newOrder(SESSION, clOrdId, "ACC", "AAPL", Side.BUY, OrdType.LIMIT,
            TimeInForce.DAY, qty(quantity), FixedPoint.price(10), FixedPoint.NONE, Long.MIN_VALUE);
        machine.route(order, VENUE);
        return order;
    }

    private Order acknowledged(final String clOrdId, final double quantity)
    {
        final Order order = routedLimit(clOrdId, quantity);
        venue(order.venueClOrdId(), ExecType.NEW, 0, 0);
        return order;
    }

    private void venue(final String venueClOrdId, final ExecType execType, final double lastQty, final double lastPx)
    {
        machine.onVenueExecution(execution(venueClOrdId, execType, lastQty, lastPx, "E" + (++execIds), null));
    }

    static VenueExecution execution(
        final String venueClOrdId, final ExecType execType, final double lastQty, final double lastPx,
        final String execId, final String execRefId)
    {
        return new VenueExecution(VENUE, venueClOrdId, null, "V-" + venueClOrdId, execId, execRefId, execType,
            OrdStatus.NEW, qty(lastQty), FixedPoint.price(lastPx), 0, 0, 0, null, -1, Long.MIN_VALUE, false, false);
    }

    static long qty(final double quantity)
    {
        return FixedPoint.qty(quantity);
    }
}

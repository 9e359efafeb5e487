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

        assertThat(machine.onVenueExecution(fill)).isTrue();
        assertThat(machine.onVenueExecution(fill)).isFalse();

        assertThat(order.cumQty()).isEqualTo(qty(10));
        assertThat(machine.duplicateExecutions()).isEqualTo(1);
    }

    @Test
    void anOverfillIsNotBooked()
    {
        final Order order = acknowledged("C1", 100);

        assertThat(machine.onVenueExecution(execution(order.venueClOrdId(), ExecType.TRADE, 101, 10, "X-1", null)))
            .isFalse();
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

package dev.bastion.oms.recovery;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.api.TimeInForce;
import dev.bastion.oms.order.Order;
import dev.bastion.oms.order.OrderActions;
import dev.bastion.oms.order.OrderBook;
import dev.bastion.oms.order.OrderIdGenerator;
import dev.bastion.oms.order.OrderSnapshot;
import dev.bastion.oms.order.OrderStateMachine;
import dev.bastion.oms.order.PendingChange;
import dev.bastion.oms.venue.VenueExecution;
import dev.bastion.oms.venue.VenueOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Orders written to the store and read back after a reopen restore the same order, pending requests included. */
class OrderStoreTest
{
    @TempDir
    Path directory;

    private final OrderStateMachine machine = machine(new AtomicLong(5_000));

    @Test
    void shouldRestoreAnOrderWithItsFillsAndPendingCancelAfterAReopen()
    {
        final Order order = machine.newOrder(9, "C1", null, "MSFT", Side.SELL_SHORT, OrdType.LIMIT,
            TimeInForce.GOOD_TILL_CANCEL, FixedPoint.qty(100), FixedPoint.price(410.25), FixedPoint.NONE,
            Long.MIN_VALUE);
        machine.route(order, "SIM");
        machine.onVenueExecution(execution(order, "E1", ExecType.NEW, 0, 0));
        machine.onVenueExecution(execution(order, "E2", ExecType.TRADE, 30, 30));
        machine.cancel(9, "C2", "C1");
        try (OrderStore store = OrderStore.open(directory, 1_000))
        {
            store.write(order, "CLIENT9", 123L, 7, Side.SELL_SHORT, FixedPoint.qty(30), FixedPoint.price(410.25), 99L);
        }

        try (OrderStore store = OrderStore.open(directory, 1_000))
        {
            final List<StoredOrder> loaded = store.loadAll();
            assertThat(loaded).hasSize(1);
            final StoredOrder stored = loaded.get(0);
            assertThat(stored.bookAccount()).isEqualTo("CLIENT9");
            assertThat(stored.fillId()).isEqualTo(7);
            assertThat(stored.fillSide()).isEqualTo(Side.SELL_SHORT);
            assertThat(stored.updatedEpochNanos()).isEqualTo(123L);
            assertThat(store.highestFillId()).isEqualTo(7);

            final OrderStateMachine restarted = machine(new AtomicLong(1));
            final Order restored = restarted.restore(stored.order());
            final OrderSnapshot snapshot = stored.order();
            assertThat(snapshot.account()).isNull();
            assertThat(restored.status()).isEqualTo(OrdStatus.PENDING_CANCEL);
            assertThat(restored.cumQty()).isEqualTo(FixedPoint.qty(30));
            assertThat(restored.leavesQty()).isEqualTo(FixedPoint.qty(70));
            assertThat(restored.avgPx()).isEqualTo(FixedPoint.price(410.25));
            assertThat(restored.pending().clOrdId()).isEqualTo("C2");
            assertThat(restored.venueOrderId()).isEqualTo("V1");
            assertThat(restarted.book().byClOrdId(9, "C1")).isSameAs(restored);
            assertThat(restarted.book().byVenueClOrdId(order.venueClOrdId())).isSameAs(restored);
            assertThat(restarted.book().byVenueClOrdId(order.pending().venueClOrdId())).isSameAs(restored);
            // Ids given out after the restart stay above every id the store holds, whatever the clock says.
            final Order next = restarted.newOrder(9, "C3", null, "MSFT", Side.BUY, OrdType.LIMIT, TimeInForce.DAY,
                FixedPoint.qty(1), FixedPoint.price(1), FixedPoint.NONE, Long.MIN_VALUE);
            assertThat(next.orderId()).isGreaterThan(order.orderId());
            // The ClOrdIDs the restored order used are taken.
            assertThat(restarted.newOrder(9, "C2", null, "MSFT", Side.BUY, OrdType.LIMIT, TimeInForce.DAY,
                FixedPoint.qty(1), FixedPoint.price(1), FixedPoint.NONE, Long.MIN_VALUE)).isNull();
        }
    }

    @Test
    void shouldRefuseASecondOpenOfTheSameDirectory()
    {
        try (OrderStore store = OrderStore.open(directory, 1_000))
        {
            assertThatThrownBy(() -> OrderStore.open(directory, 1_000))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(directory.toString());
        }
    }

    @Test
    void shouldKeepTheHighestFillIdWhenOrdersAreRemoved()
    {
        final Order order = machine.newOrder(1, "H1", "ACC", "AAPL", Side.BUY, OrdType.LIMIT, TimeInForce.DAY,
            FixedPoint.qty(1), FixedPoint.price(1), FixedPoint.NONE, Long.MIN_VALUE);
        machine.route(order, "SIM");
        try (OrderStore store = OrderStore.open(directory, 1_000))
        {
            store.recordHighestFillId(41);
            store.write(order, "ACC", 1, 41, Side.BUY, 1, 1, 1);
            store.remove(order.orderId());
            assertThat(store.size()).isZero();
            assertThat(store.highestFillId()).isEqualTo(41);
        }
    }

    private static OrderStateMachine machine(final AtomicLong clock)
    {
        return new OrderStateMachine(new OrderBook(), new OrderActions()
        {
            @Override
            public void report(final Order order, final ExecType execType, final String clOrdId,
                final String origClOrdId, final long lastQty, final long lastPx, final String text,
                final int ordRejReason)
            {
            }

            @Override
            public void unknownOrder(final long sessionId, final String clOrdId, final String symbol,
                final char side, final String text)
            {
            }

            @Override
            public void cancelReject(final long sessionId, final String clOrdId, final String origClOrdId,
                final Order order, final boolean forReplace, final int cxlRejReason, final String text)
            {
            }

            @Override
            public void sendToVenue(final Order order)
            {
            }

            @Override
            public void cancelAtVenue(final Order order, final PendingChange cancel)
            {
            }

            @Override
            public void replaceAtVenue(final Order order, final PendingChange replace)
            {
            }
        }, new OrderIdGenerator(clock::incrementAndGet));
    }

    private static VenueExecution execution(
        final Order order, final String execId, final ExecType execType, final double lastQty, final double cumQty)
    {
        return new VenueExecution("SIM", order.venueClOrdId(), null, "V1", execId, null, execType,
            cumQty > 0 ? OrdStatus.PARTIALLY_FILLED : OrdStatus.NEW, FixedPoint.qty(lastQty),
            FixedPoint.price(410.25), FixedPoint.qty(cumQty), order.orderQty() - FixedPoint.qty(cumQty),
            FixedPoint.price(410.25), null, -1, VenueOrder.NO_TIME, false, false);
    }
}

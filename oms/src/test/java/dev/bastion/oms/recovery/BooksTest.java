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
import dev.bastion.oms.order.OrderStateMachine;
import dev.bastion.oms.order.PendingChange;
import dev.bastion.oms.portfolio.Portfolio;
import dev.bastion.oms.portfolio.PortfolioConfiguration;
import dev.bastion.oms.recon.FindingRing;
import dev.bastion.oms.venue.VenueExecution;
import dev.bastion.oms.venue.VenueOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fill journalled with its order but not booked when the process died is booked at the next start,
 * once; one that was booked is not booked again; fill ids keep rising across restarts.
 */
class BooksTest
{
    private static final long NOW = 1_700_000_000_000_000_000L;

    @TempDir
    Path directory;

    private final AtomicLong clock = new AtomicLong(10_000);

    @Test
    void shouldBookAJournalledFillThatTheLastRunDidNotBookExactlyOnce()
    {
        final Order order;
        try (Books books = open())
        {
            final OrderStateMachine machine = machine();
            order = routed(machine, "J1");
            books.onOrderChanged(order, "ACC", NOW);
            machine.onVenueExecution(fill(order, "E1", 40, 40));
            books.bookFill(order, "ACC", Side.BUY, FixedPoint.qty(40), FixedPoint.price(10), NOW, NOW);
            machine.onVenueExecution(fill(order, "E2", 10, 50));
            // The process dies after the journal write and before the portfolio booking:
            books.store().write(order, "ACC", NOW, books.lastFillId() + 1, Side.BUY, FixedPoint.qty(10),
                FixedPoint.price(11), NOW);
            books.store().recordHighestFillId(books.lastFillId() + 1);
            assertThat(quantity(books.portfolio())).isEqualTo(FixedPoint.qty(40));
        }

        try (Books books = open())
        {
            final Books.Recovered recovered = books.recover(machine(), NOW);
            assertThat(recovered.rebooked()).isEqualTo(1);
            assertThat(recovered.orders()).hasSize(1);
            assertThat(recovered.orders().get(0).cumQty()).isEqualTo(FixedPoint.qty(50));
            assertThat(quantity(books.portfolio())).isEqualTo(FixedPoint.qty(50));
            assertThat(books.portfolio().cash(books.portfolio().findAccountId("ACC")))
                .isEqualTo(FixedPoint.price(1_000 - 400 - 110));
            assertThat(books.lastFillId()).isEqualTo(2);
        }

        try (Books books = open())
        {
            assertThat(books.recover(machine(), NOW).rebooked()).as("booked once, not again").isZero();
            assertThat(quantity(books.portfolio())).isEqualTo(FixedPoint.qty(50));
            final OrderStateMachine machine = machine();
            final Order next = routed(machine, "J2");
            books.bookFill(next, "ACC", Side.SELL, FixedPoint.qty(5), FixedPoint.price(12), NOW, NOW);
            assertThat(books.lastFillId()).as("fill ids keep rising across restarts").isEqualTo(3);
            assertThat(quantity(books.portfolio())).isEqualTo(FixedPoint.qty(45));
        }
    }

    @Test
    void shouldDropDoneOrdersOlderThanADayAtStartUp()
    {
        try (Books books = open())
        {
            final OrderStateMachine machine = machine();
            final Order done = routed(machine, "D1");
            machine.onVenueExecution(fill(done, "E1", 100, 100));
            assertThat(done.status()).isEqualTo(OrdStatus.FILLED);
            books.onOrderChanged(done, "ACC", NOW);
            final Order open = routed(machine, "D2");
            books.onOrderChanged(open, "ACC", NOW);
        }
        try (Books books = open())
        {
            final Books.Recovered recovered = books.recover(machine(), NOW + OrderStore.DONE_ORDERS_KEPT_NANOS + 1);
            assertThat(recovered.pruned()).isEqualTo(1);
            assertThat(recovered.orders()).extracting(Order::clOrdId).containsExactly("D2");
            assertThat(books.store().size()).isEqualTo(1);
        }
    }

    private Books open()
    {
        return Books.open(directory, 1_000, new PortfolioConfiguration().defaultInitialCash(FixedPoint.price(1_000)),
            new FindingRing(16));
    }

    private static long quantity(final Portfolio portfolio)
    {
        return portfolio.quantity(portfolio.findAccountId("ACC"), portfolio.findSymbolId("AAPL"));
    }

    private OrderStateMachine machine()
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

    private static Order routed(final OrderStateMachine machine, final String clOrdId)
    {
        final Order order = machine.newOrder(1, clOrdId, "ACC", "AAPL", Side.BUY, OrdType.LIMIT, TimeInForce.DAY,
            FixedPoint.qty(100), FixedPoint.price(12), FixedPoint.NONE, Long.MIN_VALUE);
        machine.route(order, "SIM");
        return order;
    }

    private static VenueExecution fill(final Order order, final String execId, final double lastQty,
        final double cumQty)
    {
        return new VenueExecution("SIM", order.venueClOrdId(), null, "V1", execId, null, ExecType.TRADE,
            cumQty >= 100 ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED, FixedPoint.qty(lastQty),
            FixedPoint.price(10), FixedPoint.qty(cumQty), FixedPoint.qty(100 - cumQty), FixedPoint.price(10), null,
            -1, VenueOrder.NO_TIME, false, false);
    }
}

package dev.bastion.risk.pretrade;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static dev.bastion.risk.FixedPointMath.toPrice;
import static dev.bastion.risk.FixedPointMath.toQty;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hot path's promise, counted rather than timed: once an account and its symbols are known, checking,
 * opening, filling and finishing orders allocates nothing per order (the JMH benchmark measures the same with
 * {@code -prof gc}; this keeps a regression from reaching it).
 */
class CheckAllocationTest
{
    @Test
    void shouldNotAllocateWhileCheckingAndTrackingOrdersOnAWarmAccount()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final ManualClock clock = new ManualClock();
        final PreTradeChecker checker = new PreTradeChecker(new PreTradeConfiguration()
            .clock(clock)
            .sector("AAPL", "TECH")
            .sector("MSFT", "TECH")
            .clOrdIdHistory(1_024)
            .conclude());
        final String[] symbols = {"AAPL", "MSFT", "XOM", "JPM"};
        for (final String symbol : symbols)
        {
            checker.onMarketPrice(symbol, toPrice(100));
            checker.loadPosition("ACC", symbol, toQty(10), toPrice(100));
        }
        final MutableOrder order = new MutableOrder();
        final CheckResult result = new CheckResult();
        run(checker, clock, order, result, 5_000);
        // the first calls of the bean allocate; measure an empty interval too
        threads.getCurrentThreadAllocatedBytes();
        final long empty = threads.getCurrentThreadAllocatedBytes();
        final long emptyCost = threads.getCurrentThreadAllocatedBytes() - empty;

        final long before = threads.getCurrentThreadAllocatedBytes();
        final int accepted = run(checker, clock, order, result, 20_000);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before - emptyCost;

        assertThat(accepted).isEqualTo(20_000);
        // An allocation per order would be at least 16 bytes x 20,000. The JIT may still allocate once while
        // it deoptimises and recompiles mid-run (about 160 bytes, seen at random points), hence not zero.
        assertThat(allocated).isLessThan(20_000);
    }

    private static int run(
        final PreTradeChecker checker, final ManualClock clock, final MutableOrder order, final CheckResult result,
        final int count)
    {
        int accepted = 0;
        for (int i = 0; i < count; i++)
        {
            clock.advanceNanos(30_000_000L);
            order.next();
            checker.check(order, result);
            if (result.isAccepted())
            {
                accepted++;
                checker.onOrderOpen(order);
                checker.onFill(order.orderId, toQty(1), order.price);
                checker.onOrderDone(order.orderId);
            }
        }
        return accepted;
    }

    /** An order reused for every check, as the OMS reuses its event, with a fresh ClOrdID each time. */
    static final class MutableOrder implements OrderTerms
    {
        private static final String[] SYMBOLS = {"AAPL", "MSFT", "XOM", "JPM"};
        final StringBuilder clOrdId = new StringBuilder(24);
        long orderId;
        String symbol;
        char side;
        long price;

        void next()
        {
            final int i = (int)orderId++;
            clOrdId.setLength(0);
            clOrdId.append("ORD-").append(orderId);
            symbol = SYMBOLS[i & 3];
            side = (i & 4) == 0 ? '1' : '2';
            price = toPrice(100) + (i % 7) * 1_000_000L;
        }

        @Override
        public long orderId()
        {
            return orderId;
        }

        @Override
        public CharSequence account()
        {
            return "ACC";
        }

        @Override
        public CharSequence symbol()
        {
            return symbol;
        }

        @Override
        public CharSequence clOrdId()
        {
            return clOrdId;
        }

        @Override
        public char side()
        {
            return side;
        }

        @Override
        public char ordType()
        {
            return '2';
        }

        @Override
        public long quantity()
        {
            return toQty(2);
        }

        @Override
        public long price()
        {
            return price;
        }

        @Override
        public long stopPrice()
        {
            return Long.MIN_VALUE;
        }
    }
}

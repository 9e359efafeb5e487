package dev.bastion.bench.pipeline;

import dev.bastion.oms.api.BusinessReject;
import dev.bastion.oms.api.ClientReplies;
import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.ExecutionReport;
import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.NewOrderRequest;
import dev.bastion.oms.api.OrderCancelReject;
import dev.bastion.oms.pipeline.OmsConfiguration;
import dev.bastion.oms.pipeline.OrderPipeline;
import dev.bastion.oms.pipeline.WaitStrategyChoice;
import dev.bastion.oms.route.RoutingTable;
import org.agrona.DirectBuffer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The production pipeline as the benchmarks run it: the real ring, business thread, risk engine and
 * Kelly sizer, a routing table, and a {@link StubVenue} at the end. Limits are wide so every order
 * is accepted (32 accounts, 100,000 orders a second each), and the client side only counts.
 */
final class BenchPipelines
{
    static final int ACCOUNTS = 32;
    static final String[] SYMBOLS = {"AAPL", "MSFT", "IBM", "NVDA", "XOM", "CVX", "JPM", "KO"};

    private BenchPipelines()
    {
    }

    static OrderPipeline start(final WaitStrategyChoice waitStrategy, final StubVenue venue, final Replies replies)
    {
        final OmsConfiguration configuration = new OmsConfiguration()
            .waitStrategy(waitStrategy)
            .venues(listener -> List.of(venue))
            .router(new RoutingTable(StubVenue.NAME, Map.of()));
        configuration.preTradeConfiguration().expectedSizes(64, 64, 1 << 20).limits()
            .capital(1e11).maxOrderQuantity(1e6).maxOrderNotional(1e11).creditLimitGross(1e14).creditLimitNet(1e14)
            .positionLimit(1e14).maxPositions(100).maxSectorExposure(1).maxLeverage(1_000).dailyLossLimit(1e11)
            .orderRate(100_000, Duration.ofSeconds(1)).messageRate(200_000, Duration.ofSeconds(1))
            .duplicateOrderWindow(Duration.ofNanos(1));
        for (final String symbol : SYMBOLS)
        {
            configuration.referencePrice(symbol, 100);
        }
        return new OrderPipeline(configuration, replies).start();
    }

    /** Fills a reused NewOrderSingle with the next order: a fresh ClOrdID, accounts and symbols in turn. */
    static final class Orders
    {
        private final NewOrderRequest order = new NewOrderRequest();
        private final StringBuilder clOrdId = new StringBuilder(24);
        private final char[][] accounts = new char[ACCOUNTS][];
        private long sequence;

        Orders()
        {
            for (int i = 0; i < ACCOUNTS; i++)
            {
                accounts[i] = ("ACC-" + i).toCharArray();
            }
        }

        /** @param sizedEvery every n-th order carries Kelly's sizing tags; 0 for none. */
        NewOrderRequest next(final int sizedEvery)
        {
            final long n = ++sequence;
            order.resetOrderFields();
            order.resetHeader(1, (int)n, false, 0, null, 0, 0);
            clOrdId.setLength(0);
            clOrdId.append('B').append(n);
            order.clOrdId(clOrdId);
            final char[] account = accounts[(int)(n % ACCOUNTS)];
            order.account(account, account.length);
            order.symbol(SYMBOLS[(int)(n % SYMBOLS.length)]);
            order.side((n & 1) == 0 ? '1' : '2');
            order.ordType('2');
            order.timeInForce('0');
            order.orderQty(FixedPoint.QTY_SCALE * (1 + n % 100));
            order.price(FixedPoint.PRICE_SCALE * 100 + (n % 50) * 1_000_000L);
            if (sizedEvery > 0 && n % sizedEvery == 0)
            {
                order.sizing(0.55, 1.5, 0.8);
            }
            return order;
        }
    }

    /** The gateway's side, counting what the OMS sends the client. */
    static final class Replies implements ClientReplies
    {
        final AtomicLong reports = new AtomicLong();
        final AtomicLong rejects = new AtomicLong();

        @Override
        public boolean sendExecutionReport(final long sessionId, final ExecutionReport report)
        {
            if (report.execType() == ExecType.REJECTED)
            {
                rejects.lazySet(rejects.get() + 1);
            }
            reports.lazySet(reports.get() + 1);
            return true;
        }

        @Override
        public boolean sendOrderCancelReject(final long sessionId, final OrderCancelReject reject)
        {
            return true;
        }

        @Override
        public boolean sendBusinessReject(final long sessionId, final BusinessReject reject)
        {
            return true;
        }

        @Override
        public boolean sendRaw(
            final long sessionId, final String msgType, final boolean possResend, final DirectBuffer body,
            final int offset, final int length)
        {
            return true;
        }
    }
}

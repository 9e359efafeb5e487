package dev.bastion.oms.portfolio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks a {@link Portfolio} against the {@link ReferencePortfolio} fed the same fills. */
final class PortfolioAssertions
{
    private PortfolioAssertions()
    {
    }

    static void assertSameAs(final ReferencePortfolio reference, final Portfolio portfolio, final String account)
    {
        final int accountId = portfolio.findAccountId(account);
        assertThat(accountId).as("account %s", account).isNotEqualTo(Portfolio.NO_ID);
        assertThat(portfolio.cash(accountId)).as("cash of %s", account).isEqualTo(reference.cash(account));

        long sumBasis = 0;
        for (final Map.Entry<String, ReferencePortfolio.Position> entry : reference.positions(account).entrySet())
        {
            final String symbol = entry.getKey();
            final ReferencePortfolio.Position expected = entry.getValue();
            final int symbolId = portfolio.findSymbolId(symbol);
            final PositionSnapshot actual = portfolio.position(accountId, symbolId);
            assertThat(actual).as("position %s %s", account, symbol).isNotNull();
            final String what = account + " " + symbol;
            assertThat(actual.quantity()).as("quantity of %s", what).isEqualTo(expected.quantity());
            assertThat(actual.costBasis()).as("cost basis of %s", what).isEqualTo(expected.costBasis());
            assertThat(actual.averageEntryPrice()).as("average entry price of %s", what)
                .isEqualTo(reference.averageEntryPrice(expected));
            assertThat(actual.realizedPnl()).as("realized P&L of %s", what).isEqualTo(expected.realized);
            assertThat(actual.lastFillId()).as("last fill of %s", what).isEqualTo(expected.lastFillId);
            assertThat(actual.marketValue()).as("market value of %s", what)
                .isEqualTo(reference.marketValue(symbol, expected));
            assertThat(actual.unrealizedPnl()).as("unrealized P&L of %s", what)
                .isEqualTo(reference.marketValue(symbol, expected) - expected.costBasis());
            assertThat(portfolio.lots(accountId, symbolId)).as("lots of %s", what)
                .isEqualTo(reference.lots(account, symbol));
            assertThat(portfolio.quantity(accountId, symbolId)).isEqualTo(expected.quantity());
            assertThat(portfolio.realizedPnl(accountId, symbolId)).isEqualTo(expected.realized);
            sumBasis += expected.costBasis();
        }
        assertThat(portfolio.positions(accountId)).as("positions of %s", account)
            .hasSize(reference.positions(account).size());
        assertThat(portfolio.realizedPnl(accountId)).as("realized P&L of %s", account)
            .isEqualTo(reference.realizedPnl(account));
        assertThat(portfolio.unrealizedPnl(accountId)).as("unrealized P&L of %s", account)
            .isEqualTo(reference.unrealizedPnl(account));
        assertThat(portfolio.portfolioValue(accountId)).as("value of %s", account)
            .isEqualTo(reference.portfolioValue(account));
        assertThat(portfolio.grossExposure(accountId)).as("gross exposure of %s", account)
            .isEqualTo(reference.grossExposure(account));
        assertThat(portfolio.trades(accountId)).as("trade P&L of %s", account)
            .isEqualTo(toTradePnl(reference.trades(account)));
        // The accounting identity: what left the cash is in the basis, apart from what was realized.
        assertThat(reference.cash(account) + sumBasis).as("cash + basis of %s", account)
            .isEqualTo(reference.initialCash(account) + reference.realizedPnl(account));
    }

    private static List<TradePnl> toTradePnl(final List<ReferencePortfolio.Trade> trades)
    {
        final List<TradePnl> result = new ArrayList<>();
        for (final ReferencePortfolio.Trade trade : trades)
        {
            result.add(new TradePnl(trade.fillId(), trade.account(), trade.symbol(), trade.signedQty(), trade.price(),
                trade.closedQty(), trade.realizedPnl(), trade.transactTimeNanos(), trade.positionQtyAfter()));
        }
        return result;
    }
}

package dev.bastion.risk.pretrade;

import org.agrona.concurrent.EpochNanoClock;

import static dev.bastion.risk.FixedPointMath.NONE;
import static dev.bastion.risk.FixedPointMath.NOTIONAL_DECIMALS;
import static dev.bastion.risk.FixedPointMath.appendDecimal;
import static dev.bastion.risk.FixedPointMath.notional;
import static dev.bastion.risk.FixedPointMath.signedNotional;
import static dev.bastion.risk.pretrade.OrderTypes.BUY;
import static dev.bastion.risk.pretrade.OrderTypes.orderPrice;
import static dev.bastion.risk.pretrade.OrderTypes.sideSign;

/**
 * Keeps each account's open orders and positions current from what the OMS reports (orders opened,
 * replaced and done, fills, carried positions), and halts an account whose fills reach its daily loss limit.
 */
final class ExposureTracker
{
    private final EpochNanoClock clock;
    private final AccountBook accounts;
    private final SymbolBook symbols;
    private final OpenOrders openOrders;
    private final AccountValuation valuation;
    private final TradingStates states;

    ExposureTracker(
        final EpochNanoClock clock,
        final AccountBook accounts,
        final SymbolBook symbols,
        final OpenOrders openOrders,
        final AccountValuation valuation,
        final TradingStates states)
    {
        this.clock = clock;
        this.accounts = accounts;
        this.symbols = symbols;
        this.openOrders = openOrders;
        this.valuation = valuation;
        this.states = states;
    }

    /** The order now works with {@code leavesQty} open at its terms, in place of anything it had open. */
    void open(final OrderTerms order, final long leavesQty)
    {
        final long now = clock.nanoTime();
        final int sign = sideSign(order.side());
        if (sign == 0 || leavesQty < 0)
        {
            throw new IllegalArgumentException("order " + order.orderId() + ": side '" + order.side() +
                "' or leaves " + leavesQty + " not usable");
        }
        final AccountRisk account = accounts.findOrCreate(order.account(), now);
        final int symbol = symbols.id(order.symbol());
        if (openOrders.indexOf(order.orderId()) != OpenOrders.ABSENT)
        {
            onOrderDone(order.orderId());
        }
        if (leavesQty == 0)
        {
            return;
        }
        final long reference = symbols.referencePrice(symbol);
        final long price = orderPrice(order.ordType(), order.price(), order.stopPrice(), reference);
        final long openNotional = price == NONE || price <= 0 ? 0 : notional(leavesQty, price);
        final long storedPrice = price == NONE || price <= 0 ? 0 : price;
        openOrders.add(order.orderId(), account.id, symbol, sign, leavesQty, storedPrice, openNotional);
        final SymbolExposure exposure = account.acquire(symbol);
        addOpen(exposure, sign, leavesQty, openNotional);
    }

    /** @return false when the order is not open here. */
    boolean onFill(final long orderId, final long lastQty, final long lastPrice)
    {
        final int index = openOrders.indexOf(orderId);
        if (index == OpenOrders.ABSENT)
        {
            return false;
        }
        final AccountRisk account = accounts.get(openOrders.accountIds[index]);
        final int symbol = openOrders.symbolIds[index];
        final int sign = openOrders.signs[index];
        final SymbolExposure exposure = account.acquire(symbol);
        final long oldLeaves = openOrders.leaves[index];
        final long newLeaves = Math.max(0, oldLeaves - lastQty);
        final long newNotional = notional(newLeaves, openOrders.prices[index]);
        addOpen(exposure, sign, newLeaves - oldLeaves, newNotional - openOrders.notionals[index]);
        openOrders.leaves[index] = newLeaves;
        openOrders.notionals[index] = newNotional;
        applyFill(account, exposure, symbol, sign, lastQty, lastPrice);
        if (newLeaves == 0)
        {
            openOrders.remove(orderId);
        }
        account.releaseIfFlat(exposure);
        return true;
    }

    /** A fill without an open order here: moves the position only. */
    void onPositionFill(
        final CharSequence accountName,
        final CharSequence symbolName,
        final char side,
        final long qty,
        final long price)
    {
        final int sign = sideSign(side);
        if (sign == 0 || qty <= 0 || price <= 0)
        {
            throw new IllegalArgumentException("fill: side '" + side + "', quantity " + qty + ", price " + price);
        }
        final AccountRisk account = accounts.findOrCreate(accountName, clock.nanoTime());
        final int symbol = symbols.id(symbolName);
        final SymbolExposure exposure = account.acquire(symbol);
        applyFill(account, exposure, symbol, sign, qty, price);
        account.releaseIfFlat(exposure);
    }

    void onOrderDone(final long orderId)
    {
        final int index = openOrders.indexOf(orderId);
        if (index == OpenOrders.ABSENT)
        {
            return;
        }
        final AccountRisk account = accounts.get(openOrders.accountIds[index]);
        final SymbolExposure exposure = account.acquire(openOrders.symbolIds[index]);
        addOpen(exposure, openOrders.signs[index], -openOrders.leaves[index], -openOrders.notionals[index]);
        openOrders.remove(orderId);
        account.releaseIfFlat(exposure);
    }

    /** Replaces the account's position in the symbol with one valued at {@code price}. */
    void loadPosition(
        final CharSequence accountName, final CharSequence symbolName, final long signedQty, final long price)
    {
        if (price <= 0)
        {
            throw new IllegalArgumentException("position in " + symbolName + ": price must be positive, was " + price);
        }
        final AccountRisk account = accounts.findOrCreate(accountName, clock.nanoTime());
        final int symbol = symbols.id(symbolName);
        final SymbolExposure exposure = account.acquire(symbol);
        exposure.position = signedQty;
        exposure.cost = signedNotional(signedQty, price);
        symbols.onFillPrice(symbol, price);
        account.releaseIfFlat(exposure);
    }

    /** Realized P&amp;L back to zero and every position re-based at its mark, for a new trading day. */
    void rebaseForNewDay()
    {
        for (int id = 0; id < accounts.size(); id++)
        {
            final AccountRisk account = accounts.get(id);
            account.realizedPnl = 0;
            for (int i = 0; i < account.active; i++)
            {
                final SymbolExposure exposure = account.exposures[i];
                if (exposure.position != 0)
                {
                    exposure.cost = valuation.positionNotional(exposure);
                }
            }
        }
    }

    private void applyFill(
        final AccountRisk account,
        final SymbolExposure exposure,
        final int symbol,
        final int sign,
        final long qty,
        final long price)
    {
        account.realizedPnl += exposure.applyFill(sign, qty, price);
        symbols.onFillPrice(symbol, price);
        if (account.state != TradingState.HALTED)
        {
            final long loss = -valuation.dailyPnl(account);
            if (loss >= account.limits.dailyLossLimit)
            {
                final StringBuilder reason = new StringBuilder("daily loss limit: loss ");
                appendDecimal(reason, loss, NOTIONAL_DECIMALS).append(" reached the limit ");
                appendDecimal(reason, account.limits.dailyLossLimit, NOTIONAL_DECIMALS);
                states.transition(account, TradingState.HALTED, reason.toString(), clock.nanoTime());
            }
        }
    }

    private static void addOpen(final SymbolExposure exposure, final int sign, final long qty, final long notional)
    {
        if (sign == BUY)
        {
            exposure.openBuyQty += qty;
            exposure.openBuyNotional += notional;
        }
        else
        {
            exposure.openSellQty += qty;
            exposure.openSellNotional += notional;
        }
    }
}

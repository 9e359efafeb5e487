package dev.bastion.risk.pretrade;

import static dev.bastion.risk.FixedPointMath.NONE;
import static dev.bastion.risk.FixedPointMath.notional;
import static dev.bastion.risk.pretrade.OrderTypes.BUY;
import static dev.bastion.risk.pretrade.OrderTypes.SELL;
import static dev.bastion.risk.pretrade.OrderTypes.hasLimitPrice;
import static dev.bastion.risk.pretrade.OrderTypes.hasStopPrice;
import static dev.bastion.risk.pretrade.OrderTypes.isKnownType;
import static dev.bastion.risk.pretrade.OrderTypes.orderPrice;
import static dev.bastion.risk.pretrade.OrderTypes.sideSign;

/**
 * One order as the checks see it, worked out once per check for every check to read: its terms, the open
 * order it replaces, and the account's figures before and after it (defined in {@link PreTradeChecker}'s
 * comment). One instance serves every check, as the OMS reuses its events: the order path allocates nothing.
 */
final class OrderImpact
{
    private final SymbolBook symbols;
    private final OpenOrders openOrders;
    private final AccountValuation valuation;

    /** The terms: side as +1/-1, OrdType, quantity, limit and stop prices. */
    int sign;
    char ordType;
    long qty;
    long limitPrice;
    long stopPrice;

    int symbol;
    int sector;
    long reference;
    long orderNotional;

    /** Whether the order replaces an open order of the same account and symbol, and that order's side and leaves. */
    boolean replacing;
    int oldSign;
    long oldLeaves;

    /** The account's exposure in the order's symbol, or null when it has none yet. */
    SymbolExposure inSymbol;
    int activeAfter;
    long dailyPnl;
    long grossBefore;
    long grossAfter;
    long netBefore;
    long netAfter;
    long symbolBefore;
    long symbolAfter;
    long sectorBefore;
    long sectorAfter;

    OrderImpact(final SymbolBook symbols, final OpenOrders openOrders, final AccountValuation valuation)
    {
        this.symbols = symbols;
        this.openOrders = openOrders;
        this.valuation = valuation;
    }

    /** @return false when a side, type, quantity or price is not usable: the order is then invalid. */
    boolean readTerms(final OrderTerms order)
    {
        sign = sideSign(order.side());
        ordType = order.ordType();
        qty = order.quantity();
        limitPrice = order.price();
        stopPrice = order.stopPrice();
        return sign != 0 && isKnownType(ordType) && qty > 0 &&
            !(hasLimitPrice(ordType) && limitPrice <= 0) && !(hasStopPrice(ordType) && stopPrice <= 0);
    }

    /** Works out the figures for the order just read, in {@code symbolId}, for the account. */
    void measure(final AccountRisk account, final int symbolId, final long orderId)
    {
        symbol = symbolId;
        final int replaced = openOrders.indexOf(orderId);
        replacing = replaced != OpenOrders.ABSENT &&
            openOrders.accountIds[replaced] == account.id && openOrders.symbolIds[replaced] == symbolId;
        oldSign = replacing ? openOrders.signs[replaced] : 0;
        oldLeaves = replacing ? openOrders.leaves[replaced] : 0;
        final long oldNotional = replacing ? openOrders.notionals[replaced] : 0;

        reference = symbols.referencePrice(symbolId);
        final long orderPrice = orderPrice(ordType, limitPrice, stopPrice, reference);
        orderNotional = orderPrice == NONE ? 0 : notional(qty, orderPrice);
        final long oldBuyNotional = oldSign == BUY ? oldNotional : 0;
        final long oldSellNotional = oldSign == SELL ? oldNotional : 0;
        final long newBuyNotional = sign == BUY ? orderNotional : 0;
        final long newSellNotional = sign == SELL ? orderNotional : 0;

        // One pass over the account's symbols for every aggregate the checks need.
        final int sector = symbols.sector(symbolId);
        long unrealized = 0;
        long grossBefore = 0;
        long grossAfter = 0;
        long netBefore = 0;
        long netAfter = 0;
        long symbolBefore = 0;
        long symbolAfter = 0;
        long sectorBefore = 0;
        long sectorAfter = 0;
        SymbolExposure inSymbol = null;
        final SymbolExposure[] exposures = account.exposures;
        for (int i = 0, n = account.active; i < n; i++)
        {
            final SymbolExposure exposure = exposures[i];
            final int exposureSymbol = exposure.symbolId;
            final long positionNotional = valuation.positionNotional(exposure);
            unrealized += positionNotional - exposure.cost;
            final long before = AccountValuation.worstCase(
                positionNotional, exposure.openBuyNotional, exposure.openSellNotional);
            final long netOfSymbol = positionNotional + exposure.openBuyNotional - exposure.openSellNotional;
            long after = before;
            long netOfSymbolAfter = netOfSymbol;
            if (exposureSymbol == symbolId)
            {
                inSymbol = exposure;
                final long buys = exposure.openBuyNotional - oldBuyNotional + newBuyNotional;
                final long sells = exposure.openSellNotional - oldSellNotional + newSellNotional;
                after = AccountValuation.worstCase(positionNotional, buys, sells);
                netOfSymbolAfter = positionNotional + buys - sells;
                symbolBefore = before;
                symbolAfter = after;
            }
            grossBefore += before;
            grossAfter += after;
            netBefore += netOfSymbol;
            netAfter += netOfSymbolAfter;
            if (sector != SymbolBook.NO_SECTOR && symbols.sector(exposureSymbol) == sector)
            {
                sectorBefore += before;
                sectorAfter += after;
            }
        }
        activeAfter = inSymbol == null ? account.active + 1 : account.active;
        if (inSymbol == null)
        {
            symbolAfter = orderNotional;
            grossAfter += orderNotional;
            netAfter += sign * orderNotional;
            if (sector != SymbolBook.NO_SECTOR)
            {
                sectorAfter += orderNotional;
            }
        }

        this.sector = sector;
        this.inSymbol = inSymbol;
        this.dailyPnl = account.realizedPnl + unrealized;
        this.grossBefore = grossBefore;
        this.grossAfter = grossAfter;
        this.netBefore = Math.abs(netBefore);
        this.netAfter = Math.abs(netAfter);
        this.symbolBefore = symbolBefore;
        this.symbolAfter = symbolAfter;
        this.sectorBefore = sectorBefore;
        this.sectorAfter = sectorAfter;
    }
}

package dev.bastion.oms.pipeline;

import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.order.Order;
import dev.bastion.risk.sizing.KellySizer;
import dev.bastion.risk.sizing.SizingResult;
import org.agrona.collections.Object2LongHashMap;

/**
 * The sizing stage backed by the risk engine's {@link KellySizer}: the capital of the order's account
 * from the risk configuration, the order's price (limit, stop, or for a market order the reference
 * price), the client's confidence scaled down in the account's soft-brake state, and the client's
 * OrderQty as the cap. Allocates nothing unless it refuses.
 */
public final class KellyPositionSizer implements PositionSizer
{
    private final KellySizer sizer;
    private final long defaultCapital;
    private final Object2LongHashMap<String> capitalByAccount;
    private final RiskEngineCheck risk;
    private final ReferencePrices referencePrices;
    private final SizingResult result = new SizingResult();

    /**
     * @param defaultCapital   capital of accounts without their own, fixed-point notional.
     * @param capitalByAccount per-account capital, fixed-point notional.
     * @param risk             the risk stage, for accounts and trading states; null when none.
     */
    KellyPositionSizer(
        final KellySizer sizer, final long defaultCapital, final Object2LongHashMap<String> capitalByAccount,
        final RiskEngineCheck risk, final ReferencePrices referencePrices)
    {
        this.sizer = sizer;
        this.defaultCapital = defaultCapital;
        this.capitalByAccount = capitalByAccount;
        this.risk = risk;
        this.referencePrices = referencePrices;
    }

    @Override
    public long size(final Order order, final double winProbability, final double winLossRatio, final double confidence)
    {
        final long price = sizingPrice(order);
        if (price == FixedPoint.NONE || price <= 0)
        {
            throw new IllegalArgumentException("no reference price for " + order.symbol() + " to size a market order");
        }
        long capital = defaultCapital;
        if (risk != null)
        {
            final long own = capitalByAccount.getValue(risk.account(order));
            capital = own != capitalByAccount.missingValue() ? own : defaultCapital;
        }
        final double factor = risk == null ? 1.0 : risk.sizeFactor(order);
        final long quantity = sizer.size(winProbability, winLossRatio, confidence * factor, capital, price, result);
        return Math.min(quantity, order.orderQty());
    }

    @Override
    public String noSizeReason()
    {
        return "Sizing gives no position: " + result;
    }

    private long sizingPrice(final Order order)
    {
        switch (order.ordType())
        {
            case LIMIT:
            case STOP_LIMIT:
                return order.price();
            case STOP:
                return order.stopPrice();
            default:
                return referencePrices.price(order.symbol());
        }
    }
}

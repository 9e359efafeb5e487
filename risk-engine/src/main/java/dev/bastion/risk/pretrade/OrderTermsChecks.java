package dev.bastion.risk.pretrade;

import static dev.bastion.risk.FixedPointMath.NONE;
import static dev.bastion.risk.FixedPointMath.NOTIONAL_DECIMALS;
import static dev.bastion.risk.FixedPointMath.PRICE_DECIMALS;
import static dev.bastion.risk.FixedPointMath.QTY_DECIMALS;
import static dev.bastion.risk.FixedPointMath.appendDecimal;
import static dev.bastion.risk.FixedPointMath.ofPpm;
import static dev.bastion.risk.pretrade.OrderTypes.BUY;
import static dev.bastion.risk.pretrade.OrderTypes.hasLimitPrice;
import static dev.bastion.risk.pretrade.OrderTypes.isKnownType;
import static dev.bastion.risk.pretrade.OrderTypes.sideSign;
import static dev.bastion.risk.pretrade.RiskRejectCode.INVALID_ORDER;
import static dev.bastion.risk.pretrade.RiskRejectCode.MAX_ORDER_NOTIONAL;
import static dev.bastion.risk.pretrade.RiskRejectCode.MAX_ORDER_QUANTITY;
import static dev.bastion.risk.pretrade.RiskRejectCode.NO_REFERENCE_PRICE;
import static dev.bastion.risk.pretrade.RiskRejectCode.PRICE_COLLAR;
import static dev.bastion.risk.pretrade.RiskRejectCode.STOP_THROUGH_MARKET;

/**
 * The order's own terms: unusable terms, its quantity and notional against the account's limits (scaled
 * down in SOFT_BRAKE), and its prices against the reference price (collar, stop through the market, a
 * market order with nothing to value it).
 */
final class OrderTermsChecks
{
    private final SymbolBook symbols;
    private final boolean rejectMarketWithoutReference;
    private final long collarPpm;
    private final int collarTicks;
    private final long warningPpm;

    OrderTermsChecks(final PreTradeConfiguration configuration, final SymbolBook symbols)
    {
        this.symbols = symbols;
        rejectMarketWithoutReference = configuration.noReferencePricePolicy() == NoReferencePricePolicy.REJECT;
        collarPpm = configuration.priceCollarPpm();
        collarTicks = configuration.priceCollarTicks();
        warningPpm = configuration.warningThresholdPpm();
    }

    /** Rejects an order whose terms {@link OrderImpact#readTerms} found unusable, naming the first bad one. */
    static CheckResult.Outcome rejectUnusable(final OrderTerms order, final CheckResult result)
    {
        final StringBuilder text = result.reject(INVALID_ORDER);
        if (sideSign(order.side()) == 0)
        {
            text.append("unsupported side '").append(order.side()).append('\'');
        }
        else if (!isKnownType(order.ordType()))
        {
            text.append("unsupported order type '").append(order.ordType()).append('\'');
        }
        else if (order.quantity() <= 0)
        {
            text.append("quantity must be positive");
        }
        else if (hasLimitPrice(order.ordType()) && order.price() <= 0)
        {
            text.append("limit price must be positive");
        }
        else
        {
            text.append("stop price must be positive");
        }
        return result.outcome();
    }

    /** Quantity, then prices against the reference, then notional: @return true when refused. */
    boolean rejects(
        final OrderTerms order,
        final AccountRisk account,
        final OrderImpact impact,
        final boolean softBrake,
        final CheckResult result)
    {
        final AccountLimits limits = account.limits;
        final long qty = impact.qty;
        final long maxQty = softBrake ? account.softMaxOrderQuantity : limits.maxOrderQuantity;
        if (qty > maxQty)
        {
            final StringBuilder text = result.reject(MAX_ORDER_QUANTITY).append("quantity ");
            appendDecimal(text, qty, QTY_DECIMALS).append(" above the limit ");
            appendDecimal(text, maxQty, QTY_DECIMALS).append(softBrake ? " (soft brake)" : "");
            return true;
        }
        if (qty > (softBrake ? account.warnSoftOrderQuantity : account.warnOrderQuantity))
        {
            result.warn(MAX_ORDER_QUANTITY);
        }

        if (rejectsAgainstReference(order, impact, result))
        {
            return true;
        }

        final long orderNotional = impact.orderNotional;
        final long maxNotional = softBrake ? account.softMaxOrderNotional : limits.maxOrderNotional;
        if (orderNotional > maxNotional)
        {
            final StringBuilder text = result.reject(MAX_ORDER_NOTIONAL).append("notional ");
            appendDecimal(text, orderNotional, NOTIONAL_DECIMALS).append(" above the limit ");
            appendDecimal(text, maxNotional, NOTIONAL_DECIMALS).append(softBrake ? " (soft brake)" : "");
            return true;
        }
        if (orderNotional > (softBrake ? account.warnSoftOrderNotional : account.warnOrderNotional))
        {
            result.warn(MAX_ORDER_NOTIONAL);
        }
        return false;
    }

    /** Collar, stop through the market, market order without a reference price. */
    private boolean rejectsAgainstReference(final OrderTerms order, final OrderImpact impact, final CheckResult result)
    {
        final long reference = impact.reference;
        final char ordType = impact.ordType;
        if (reference == NONE)
        {
            if (ordType == OrderTypes.MARKET && rejectMarketWithoutReference)
            {
                result.reject(NO_REFERENCE_PRICE).append("market order in ").append(order.symbol())
                    .append(" with no reference price to value it");
                return true;
            }
            result.warn(NO_REFERENCE_PRICE);
            return false;
        }
        if (ordType == OrderTypes.LIMIT)
        {
            final long limitPrice = impact.limitPrice;
            final long band = collarTicks > 0 ?
                collarTicks * symbols.tickSize(impact.symbol) : ofPpm(reference, collarPpm);
            final long deviation = Math.abs(limitPrice - reference);
            if (deviation > band)
            {
                final StringBuilder text = result.reject(PRICE_COLLAR).append("limit price ");
                appendDecimal(text, limitPrice, PRICE_DECIMALS).append(" is more than ");
                appendDecimal(text, band, PRICE_DECIMALS).append(" from the reference price ");
                appendDecimal(text, reference, PRICE_DECIMALS);
                return true;
            }
            if (deviation > ofPpm(band, warningPpm))
            {
                result.warn(PRICE_COLLAR);
            }
        }
        else if (ordType == OrderTypes.STOP || ordType == OrderTypes.STOP_LIMIT)
        {
            final int sign = impact.sign;
            final long stopPrice = impact.stopPrice;
            if (sign == BUY ? stopPrice <= reference : stopPrice >= reference)
            {
                final StringBuilder text = result.reject(STOP_THROUGH_MARKET)
                    .append(sign == BUY ? "buy stop " : "sell stop ");
                appendDecimal(text, stopPrice, PRICE_DECIMALS).append(sign == BUY ? " at or below" : " at or above")
                    .append(" the reference price ");
                appendDecimal(text, reference, PRICE_DECIMALS);
                return true;
            }
        }
        return false;
    }
}

package dev.bastion.risk.pretrade;

import static dev.bastion.risk.pretrade.RiskRejectCode.DUPLICATE_CL_ORD_ID;
import static dev.bastion.risk.pretrade.RiskRejectCode.DUPLICATE_ORDER;
import static dev.bastion.risk.pretrade.RiskRejectCode.MESSAGE_RATE;
import static dev.bastion.risk.pretrade.RiskRejectCode.ORDER_RATE;

/**
 * The account's message and order rates over their sliding windows, a ClOrdID used before, and the same
 * terms sent again within the duplicate window. An order that passes the rates is counted in both windows
 * and its ClOrdID remembered, whatever the verdict after.
 */
final class RateAndDuplicateChecks
{
    private final ClOrdIdHistory clOrdIds;

    RateAndDuplicateChecks(final int clOrdIdHistorySize)
    {
        clOrdIds = new ClOrdIdHistory(clOrdIdHistorySize);
    }

    /** @return true when refused, with the reason in the result. */
    boolean rejects(
        final OrderTerms order,
        final AccountRisk account,
        final OrderImpact impact,
        final long now,
        final CheckResult result)
    {
        final AccountLimits limits = account.limits;
        final int messagesInWindow = account.messages.count(now);
        if (messagesInWindow >= limits.maxMessages)
        {
            result.reject(MESSAGE_RATE).append(messagesInWindow).append(" messages in ")
                .append(limits.messageRateWindowNanos / 1_000_000).append(" ms, limit ").append(limits.maxMessages);
            return true;
        }
        final int ordersInWindow = account.orders.count(now);
        if (ordersInWindow >= limits.maxOrders)
        {
            result.reject(ORDER_RATE).append(ordersInWindow).append(" orders in ")
                .append(limits.orderRateWindowNanos / 1_000_000).append(" ms, limit ").append(limits.maxOrders);
            return true;
        }
        if (messagesInWindow + 1 > account.warnMessages)
        {
            result.warn(MESSAGE_RATE);
        }
        if (ordersInWindow + 1 > account.warnOrders)
        {
            result.warn(ORDER_RATE);
        }

        final long fingerprint = fingerprint(
            impact.symbol, order.side(), impact.ordType, impact.qty, impact.limitPrice, impact.stopPrice);
        final boolean duplicateClOrdId = clOrdIds.seenBefore(account.id, order.clOrdId());
        final boolean duplicateOrder = account.orders.containsRecent(now, fingerprint) && !impact.replacing;
        account.messages.add(now, 0);
        account.orders.add(now, fingerprint);
        if (duplicateClOrdId)
        {
            result.reject(DUPLICATE_CL_ORD_ID).append("ClOrdID ").append(order.clOrdId())
                .append(" already used by account ").append(account.name);
            return true;
        }
        if (duplicateOrder)
        {
            result.reject(DUPLICATE_ORDER).append("same terms as an order within the last ")
                .append(limits.duplicateOrderWindowNanos / 1_000_000).append(" ms");
            return true;
        }
        return false;
    }

    /** A message that is not an order: @return false, and not counted, when the account is over its rate. */
    boolean admitsMessage(final AccountRisk account, final long now)
    {
        if (account.messages.count(now) >= account.limits.maxMessages)
        {
            return false;
        }
        account.messages.add(now, 0);
        return true;
    }

    /** A new trading day: ClOrdIDs may be used again. */
    void forgetClOrdIds()
    {
        clOrdIds.clear();
    }

    /**
     * Symbol, side, type, quantity and prices in 64 bits for the duplicate-order check: independent products
     * (they run in parallel), then one avalanche. Equal terms always give equal fingerprints; different terms
     * share one with probability about 2^-64.
     */
    private static long fingerprint(
        final int symbol, final char side, final char ordType, final long qty, final long price, final long stopPrice)
    {
        final long terms = ((long)symbol << 32) | ((long)side << 16) | ordType;
        return ClOrdIdHistory.mix(terms * 0x9E3779B97F4A7C15L + qty * 0xC2B2AE3D27D4EB4FL +
            Long.rotateLeft(price * 0x165667B19E3779F9L, 21) + Long.rotateLeft(stopPrice * 0xD6E8FEB86659FD93L, 43));
    }
}

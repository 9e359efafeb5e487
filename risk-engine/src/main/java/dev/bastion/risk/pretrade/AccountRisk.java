package dev.bastion.risk.pretrade;

import org.agrona.collections.IntHashSet;

import static dev.bastion.risk.FixedPointMath.ofPpm;

/** The state the checks keep for one account. Owned by the business thread. */
final class AccountRisk
{
    final int id;
    final String name;
    final AccountLimits limits;
    final long softMaxOrderQuantity;
    final long softMaxOrderNotional;
    final long warnOrderQuantity;
    final long warnSoftOrderQuantity;
    final long warnOrderNotional;
    final long warnSoftOrderNotional;
    final long warnCreditGross;
    final long warnCreditNet;
    final long warnPositionLimit;
    final long warnMaxPositions;
    final long warnDailyLoss;
    final long warnOrders;
    final long warnMessages;
    final SlidingWindow messages;
    final SlidingWindow orders;
    /** The symbols this account may not trade, besides the firm's list; null when none. */
    private final IntHashSet restrictedSymbols;

    TradingState state = TradingState.NORMAL;
    String stateReason = "initial";
    long stateSinceNanos;
    long realizedPnl;

    /** The symbols with a position or open orders: {@code exposures[0..active)}; objects beyond are reused. */
    SymbolExposure[] exposures = new SymbolExposure[16];
    int active;

    AccountRisk(
        final int id,
        final String name,
        final AccountLimits limits,
        final IntHashSet restrictedSymbols,
        final long softBrakePpm,
        final long warningPpm)
    {
        this.id = id;
        this.name = name;
        this.limits = limits;
        this.restrictedSymbols = restrictedSymbols;
        softMaxOrderQuantity = ofPpm(limits.maxOrderQuantity, softBrakePpm);
        softMaxOrderNotional = ofPpm(limits.maxOrderNotional, softBrakePpm);
        warnOrderQuantity = ofPpm(limits.maxOrderQuantity, warningPpm);
        warnSoftOrderQuantity = ofPpm(softMaxOrderQuantity, warningPpm);
        warnOrderNotional = ofPpm(limits.maxOrderNotional, warningPpm);
        warnSoftOrderNotional = ofPpm(softMaxOrderNotional, warningPpm);
        warnCreditGross = ofPpm(limits.creditLimitGross, warningPpm);
        warnCreditNet = ofPpm(limits.creditLimitNet, warningPpm);
        warnPositionLimit = ofPpm(limits.positionLimit, warningPpm);
        warnMaxPositions = ofPpm(limits.maxPositions, warningPpm);
        warnDailyLoss = ofPpm(limits.dailyLossLimit, warningPpm);
        warnOrders = ofPpm(limits.maxOrders, warningPpm);
        warnMessages = ofPpm(limits.maxMessages, warningPpm);
        messages = new SlidingWindow(limits.maxMessages, limits.messageRateWindowNanos);
        orders = new SlidingWindow(limits.maxOrders, limits.orderRateWindowNanos, limits.duplicateOrderWindowNanos);
        for (int i = 0; i < exposures.length; i++)
        {
            exposures[i] = new SymbolExposure();
        }
    }

    boolean restricts(final int symbolId)
    {
        return restrictedSymbols != null && restrictedSymbols.contains(symbolId);
    }

    /** @return the active exposure in the symbol, or null. */
    SymbolExposure find(final int symbolId)
    {
        final SymbolExposure[] exposures = this.exposures;
        for (int i = 0, n = active; i < n; i++)
        {
            if (exposures[i].symbolId == symbolId)
            {
                return exposures[i];
            }
        }
        return null;
    }

    /** @return the exposure in the symbol, made active (allocates only past the pre-sized 16 symbols). */
    SymbolExposure acquire(final int symbolId)
    {
        final SymbolExposure existing = find(symbolId);
        if (existing != null)
        {
            return existing;
        }
        if (active == exposures.length)
        {
            final SymbolExposure[] grown = java.util.Arrays.copyOf(exposures, exposures.length * 2);
            for (int i = exposures.length; i < grown.length; i++)
            {
                grown[i] = new SymbolExposure();
            }
            exposures = grown;
        }
        final SymbolExposure exposure = exposures[active++];
        exposure.reset(symbolId);
        return exposure;
    }

    /** Drops the exposure from the active ones when it has neither position nor open orders. */
    void releaseIfFlat(final SymbolExposure exposure)
    {
        if (exposure.isActive())
        {
            return;
        }
        for (int i = 0; i < active; i++)
        {
            if (exposures[i] == exposure)
            {
                exposures[i] = exposures[active - 1];
                exposures[active - 1] = exposure;
                active--;
                return;
            }
        }
    }
}

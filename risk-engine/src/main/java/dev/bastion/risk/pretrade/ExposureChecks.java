package dev.bastion.risk.pretrade;

import static dev.bastion.risk.FixedPointMath.NOTIONAL_DECIMALS;
import static dev.bastion.risk.FixedPointMath.appendDecimal;
import static dev.bastion.risk.FixedPointMath.ofPpm;
import static dev.bastion.risk.pretrade.RiskRejectCode.CREDIT_GROSS;
import static dev.bastion.risk.pretrade.RiskRejectCode.CREDIT_NET;
import static dev.bastion.risk.pretrade.RiskRejectCode.LEVERAGE;
import static dev.bastion.risk.pretrade.RiskRejectCode.MAX_POSITIONS;
import static dev.bastion.risk.pretrade.RiskRejectCode.POSITION_LIMIT;
import static dev.bastion.risk.pretrade.RiskRejectCode.SECTOR_EXPOSURE;

/**
 * The account's exposure with the order: gross and net credit, the position in the symbol, the number of
 * symbols, the sector's share and the leverage of the portfolio's value. An exposure limit refuses only an
 * order that raises its figure above it, so an order that reduces risk always passes.
 */
final class ExposureChecks
{
    private final SymbolBook symbols;
    private final long warningPpm;

    ExposureChecks(final SymbolBook symbols, final long warningPpm)
    {
        this.symbols = symbols;
        this.warningPpm = warningPpm;
    }

    /** @return true when refused, with the reason in the result. */
    boolean rejects(final AccountRisk account, final OrderImpact impact, final CheckResult result)
    {
        final AccountLimits limits = account.limits;
        if (exceeds(CREDIT_GROSS, impact.grossBefore, impact.grossAfter, limits.creditLimitGross,
                account.warnCreditGross, result) ||
            exceeds(CREDIT_NET, impact.netBefore, impact.netAfter, limits.creditLimitNet,
                account.warnCreditNet, result) ||
            exceeds(POSITION_LIMIT, impact.symbolBefore, impact.symbolAfter, limits.positionLimit,
                account.warnPositionLimit, result))
        {
            return true;
        }

        if (impact.inSymbol == null && account.active >= limits.maxPositions)
        {
            result.reject(MAX_POSITIONS).append(account.active).append(" symbols with positions or open orders, limit ")
                .append(limits.maxPositions);
            return true;
        }
        if (impact.activeAfter > account.warnMaxPositions)
        {
            result.warn(MAX_POSITIONS);
        }

        final long equity = limits.capital + impact.dailyPnl;
        final int sector = impact.sector;
        if (sector != SymbolBook.NO_SECTOR)
        {
            final long sectorLimit = equity > 0 ? ofPpm(equity, limits.maxSectorExposurePpm) : 0;
            if (exceeds(SECTOR_EXPOSURE, impact.sectorBefore, impact.sectorAfter, sectorLimit,
                ofPpm(sectorLimit, warningPpm), result))
            {
                result.rejectTextBuffer().append(" (sector ").append(symbols.sectorName(sector)).append(')');
                return true;
            }
        }
        final long leverageLimit = equity > 0 ? ofPpm(equity, limits.maxLeveragePpm) : 0;
        return exceeds(LEVERAGE, impact.grossBefore, impact.grossAfter, leverageLimit,
            ofPpm(leverageLimit, warningPpm), result);
    }

    /**
     * An exposure limit: refuses when the order raises the figure above the limit; warns when the figure
     * after the order is above the warning level.
     *
     * @return true when refused.
     */
    private static boolean exceeds(
        final RiskRejectCode code,
        final long before,
        final long after,
        final long limit,
        final long warnLevel,
        final CheckResult result)
    {
        if (after > limit && after > before)
        {
            final StringBuilder text = result.reject(code);
            appendDecimal(text, after, NOTIONAL_DECIMALS).append(" after the order, limit ");
            appendDecimal(text, limit, NOTIONAL_DECIMALS).append(", before ");
            appendDecimal(text, before, NOTIONAL_DECIMALS);
            return true;
        }
        if (after > warnLevel)
        {
            result.warn(code);
        }
        return false;
    }
}

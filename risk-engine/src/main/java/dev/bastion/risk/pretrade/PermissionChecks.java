package dev.bastion.risk.pretrade;

import static dev.bastion.risk.FixedPointMath.NOTIONAL_DECIMALS;
import static dev.bastion.risk.FixedPointMath.QTY_DECIMALS;
import static dev.bastion.risk.FixedPointMath.appendDecimal;
import static dev.bastion.risk.pretrade.OrderTypes.BUY;
import static dev.bastion.risk.pretrade.OrderTypes.SELL;
import static dev.bastion.risk.pretrade.RiskRejectCode.ACCOUNT_HALTED;
import static dev.bastion.risk.pretrade.RiskRejectCode.DAILY_LOSS_LIMIT;
import static dev.bastion.risk.pretrade.RiskRejectCode.FIRM_HALTED;
import static dev.bastion.risk.pretrade.RiskRejectCode.REDUCE_ONLY;
import static dev.bastion.risk.pretrade.RiskRejectCode.RESTRICTED_SYMBOL;
import static dev.bastion.risk.pretrade.RiskRejectCode.UNKNOWN_ACCOUNT;

/**
 * Whether the account may trade at all now, and in this symbol: a known account, no halt of the firm or the
 * account, the daily loss limit (reaching it halts the account), reduce-only, the restricted lists.
 * Each method returns true when it refused the order, with the reason written into the result.
 */
final class PermissionChecks
{
    private final TradingStates states;
    private final SymbolBook symbols;

    PermissionChecks(final TradingStates states, final SymbolBook symbols)
    {
        this.states = states;
        this.symbols = symbols;
    }

    /** Before the order is measured: the account, null when refused, and the halts. */
    boolean rejectsAccount(final OrderTerms order, final AccountRisk account, final CheckResult result)
    {
        if (account == null)
        {
            result.reject(UNKNOWN_ACCOUNT).append("account '").append(order.account()).append("' is not configured");
            return true;
        }
        if (states.firmState() == TradingState.HALTED)
        {
            result.reject(FIRM_HALTED).append(states.firmReason());
            return true;
        }
        if (account.state == TradingState.HALTED)
        {
            result.reject(ACCOUNT_HALTED).append(account.stateReason);
            return true;
        }
        return false;
    }

    /** Once the order is measured: the daily loss, reduce-only and the restricted lists. */
    boolean rejectsOrder(
        final OrderTerms order,
        final AccountRisk account,
        final OrderImpact impact,
        final long now,
        final CheckResult result)
    {
        final long dailyPnl = impact.dailyPnl;
        final AccountLimits limits = account.limits;
        if (-dailyPnl >= limits.dailyLossLimit)
        {
            final StringBuilder text = result.reject(DAILY_LOSS_LIMIT).append("loss ");
            appendDecimal(text, -dailyPnl, NOTIONAL_DECIMALS).append(" reached the limit ");
            appendDecimal(text, limits.dailyLossLimit, NOTIONAL_DECIMALS);
            states.transition(account, TradingState.HALTED, text.toString(), now);
            return true;
        }
        if (-dailyPnl > account.warnDailyLoss)
        {
            result.warn(DAILY_LOSS_LIMIT);
        }

        if (states.effective(account) == TradingState.REDUCING && !reduces(impact))
        {
            final SymbolExposure inSymbol = impact.inSymbol;
            final long position = inSymbol == null ? 0 : inSymbol.position;
            final StringBuilder text = result.reject(REDUCE_ONLY).append("position ");
            appendDecimal(text, position, QTY_DECIMALS).append(", ").append(
                states.firmState() == TradingState.REDUCING ? states.firmReason() : account.stateReason);
            return true;
        }

        final int symbol = impact.symbol;
        if (symbols.isFirmRestricted(symbol) || account.restricts(symbol))
        {
            result.reject(RESTRICTED_SYMBOL).append(order.symbol())
                .append(symbols.isFirmRestricted(symbol) ? " is on the firm's restricted list" :
                " is restricted for account " + account.name);
            return true;
        }
        return false;
    }

    /** Whether the order, with the other open orders on its side, can only reduce the position. */
    private static boolean reduces(final OrderImpact impact)
    {
        final SymbolExposure inSymbol = impact.inSymbol;
        final int oldSign = impact.oldSign;
        final long oldLeaves = impact.oldLeaves;
        final long qty = impact.qty;
        final long position = inSymbol == null ? 0 : inSymbol.position;
        final long openBuys = inSymbol == null ? 0 : inSymbol.openBuyQty - (oldSign == BUY ? oldLeaves : 0);
        final long openSells = inSymbol == null ? 0 : inSymbol.openSellQty - (oldSign == SELL ? oldLeaves : 0);
        return impact.sign == SELL ? position > 0 && openSells + qty <= position :
            position < 0 && openBuys + qty <= -position;
    }
}

package dev.bastion.oms.pipeline;

import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.order.Order;
import dev.bastion.oms.order.OrderStateMachine;
import dev.bastion.risk.pretrade.CheckResult;
import dev.bastion.risk.pretrade.PreTradeChecker;
import dev.bastion.risk.pretrade.RiskRejectCode;
import dev.bastion.risk.pretrade.TradingState;
import dev.bastion.risk.pretrade.TradingStateChange;
import org.agrona.collections.Long2ObjectHashMap;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The pre-trade stage backed by the risk engine's {@link PreTradeChecker}, and the OMS events that
 * keep it current: orders opened at a venue, replaced, filled and done; cancels for the message
 * rate; fills as reference prices (the last fill price of a symbol is its reference price, see
 * {@link ReferencePrices}); the timer for the trading-day roll. On the business thread only.
 *
 * <p>The account of an order is its Account (1), or the client session's CompID when it names none.
 * Accepting an order allocates nothing: the order is seen through one reused view, the verdict is
 * one reused {@link CheckResult}, and the RiskWarningText of each combination of warnings is made
 * once and kept.
 */
public final class RiskEngineCheck implements PreTradeCheck
{
    private static final long DAY_NANOS = TimeUnit.DAYS.toNanos(1);

    private final PreTradeChecker checker;
    private final ReferencePrices referencePrices;
    private final LocalTime tradingDayStart;
    private final CheckResult result = new CheckResult();
    private final RiskOrderView view = new RiskOrderView();
    private final Long2ObjectHashMap<String> sessionAccounts = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<String> warningTexts = new Long2ObjectHashMap<>();
    private CharSequence warnings = "";
    private long nextDayStartNanos = Long.MAX_VALUE;

    /**
     * @param tradingDayStart UTC time of day at which a new trading day starts for the checks
     *                        (realized P&amp;L and the ClOrdID history reset), or null for never.
     * @param nowNanos        the business clock now, to place the first roll.
     */
    RiskEngineCheck(
        final PreTradeChecker checker, final ReferencePrices referencePrices, final LocalTime tradingDayStart,
        final long nowNanos)
    {
        this.checker = checker;
        this.referencePrices = referencePrices;
        this.tradingDayStart = tradingDayStart;
        referencePrices.snapshot().forEach(checker::onMarketPrice);
        if (tradingDayStart != null)
        {
            nextDayStartNanos = nextDayStart(nowNanos);
        }
    }

    public PreTradeChecker checker()
    {
        return checker;
    }

    @Override
    public Refusal check(final Order order)
    {
        checker.check(view.of(order, account(order)), result);
        return verdict();
    }

    @Override
    public Refusal checkReplace(
        final Order order, final CharSequence clOrdId, final OrdType ordType, final long qty, final long price,
        final long stopPrice)
    {
        checker.check(view.terms(order, account(order), clOrdId, ordType, qty, price, stopPrice), result);
        return verdict();
    }

    private Refusal verdict()
    {
        if (result.isRejected())
        {
            warnings = "";
            final RiskRejectCode code = result.rejectCode();
            return new Refusal(code.code(), ordRejReason(code), result.rejectText().toString());
        }
        warnings = warningText(result.warnings());
        return null;
    }

    @Override
    public CharSequence warnings()
    {
        return warnings;
    }

    @Override
    public void onClientLogon(final long sessionId, final String clientCompId)
    {
        sessionAccounts.put(sessionId, clientCompId);
    }

    @Override
    public void onOrderOpen(final Order order)
    {
        checker.onOrderOpen(view.of(order, account(order)));
    }

    @Override
    public void onOrderReplaced(final Order order)
    {
        checker.onOrderReplaced(view.of(order, account(order)), order.leavesQty());
    }

    @Override
    public void onFill(final Order order, final long lastQty, final long lastPx)
    {
        if (!checker.onFill(order.orderId(), lastQty, lastPx))
        {
            checker.onPositionFill(account(order), order.symbol(), order.side().fixValue(), lastQty, lastPx);
        }
        checker.onMarketPrice(order.symbol(), lastPx);
        referencePrices.onTrade(order.symbol(), lastPx);
    }

    @Override
    public String bookingAccount(final Order order)
    {
        final String account = account(order);
        return account.isEmpty() ? "DEFAULT" : account;
    }

    @Override
    public void restorePosition(
        final String account, final String symbol, final long quantity, final long avgPrice, final long lastPrice)
    {
        if (quantity != 0 && avgPrice > 0)
        {
            checker.onPositionFill(account, symbol, quantity > 0 ? '1' : '2', Math.abs(quantity), avgPrice);
        }
        if (lastPrice > 0)
        {
            checker.onMarketPrice(symbol, lastPrice);
            referencePrices.onTrade(symbol, lastPrice);
        }
    }

    @Override
    public void onOrderDone(final Order order)
    {
        checker.onOrderDone(order.orderId());
    }

    @Override
    public void onMessage(final Order order)
    {
        // Over the rate, a cancel still goes through: refusing it would leave risk in the market.
        checker.onMessage(account(order));
    }

    @Override
    public void onTimer(final long epochNanos)
    {
        if (epochNanos >= nextDayStartNanos)
        {
            checker.startTradingDay();
            nextDayStartNanos = nextDayStart(epochNanos);
        }
    }

    @Override
    public TradingState transition(final String account, final TradingState state, final String reason)
    {
        return account == null ? checker.transitionFirm(state, reason) : checker.transition(account, state, reason);
    }

    @Override
    public String accountOf(final Order order)
    {
        return account(order);
    }

    @Override
    public List<TradingStateView> tradingStates()
    {
        final List<TradingStateView> states = new ArrayList<>();
        states.add(new TradingStateView(null, checker.firmState(), checker.firmStateReason(),
            checker.firmStateSinceNanos()));
        final Set<String> accounts = new TreeSet<>();
        for (final TradingStateChange change : checker.stateHistory())
        {
            if (!TradingStateChange.FIRM.equals(change.scope()))
            {
                accounts.add(change.scope());
            }
        }
        for (final String account : accounts)
        {
            states.add(new TradingStateView(account, checker.accountState(account), checker.accountStateReason(account),
                checker.accountStateSinceNanos(account)));
        }
        return states;
    }

    /** The factor Kelly sizes are multiplied by in the account's trading state (soft brake). */
    double sizeFactor(final Order order)
    {
        return checker.sizeFactor(account(order));
    }

    String account(final Order order)
    {
        if (order.account() != null)
        {
            return order.account();
        }
        final String compId = sessionAccounts.get(order.sessionId());
        return compId != null ? compId : "";
    }

    /** OrdRejReason (103) for a risk reject: limits are 3, duplicates 6, an unknown account 15, the rest 0. */
    static int ordRejReason(final RiskRejectCode code)
    {
        switch (code)
        {
            case UNKNOWN_ACCOUNT:
                return OrderStateMachine.REJECT_UNKNOWN_ACCOUNT;
            case DUPLICATE_CL_ORD_ID:
            case DUPLICATE_ORDER:
                return OrderStateMachine.REJECT_DUPLICATE_ORDER;
            case MAX_ORDER_QUANTITY:
            case MAX_ORDER_NOTIONAL:
            case CREDIT_GROSS:
            case CREDIT_NET:
            case POSITION_LIMIT:
            case MAX_POSITIONS:
            case SECTOR_EXPOSURE:
            case LEVERAGE:
            case DAILY_LOSS_LIMIT:
                return OrderStateMachine.REJECT_EXCEEDS_LIMIT;
            case INVALID_ORDER:
                return OrderStateMachine.REJECT_OTHER;
            default:
                return OrderStateMachine.REJECT_BROKER_OPTION;
        }
    }

    private CharSequence warningText(final long mask)
    {
        if (mask == 0)
        {
            return "";
        }
        String text = warningTexts.get(mask);
        if (text == null)
        {
            text = CheckResult.warningNames(mask);
            warningTexts.put(mask, text);
        }
        return text;
    }

    private long nextDayStart(final long nowNanos)
    {
        final Instant now = Instant.ofEpochSecond(0, nowNanos);
        final LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        final Instant todayStart = today.atTime(tradingDayStart).toInstant(ZoneOffset.UTC);
        final Instant next = now.isBefore(todayStart) ? todayStart : todayStart.plusNanos(DAY_NANOS);
        return next.getEpochSecond() * 1_000_000_000L + next.getNano();
    }
}

package dev.bastion.risk.pretrade;

import dev.bastion.risk.FixedPointMath;
import org.agrona.concurrent.EpochNanoClock;

import java.util.List;

/**
 * The pre-trade checks of a market-access gateway (SEC 15c3-5, MiFID II RTS 6), run by the OMS's business
 * thread on every new order and replace, and the account state they need, which the OMS keeps current by
 * telling the checker what happens: orders opened and done, fills, market prices.
 * <p>
 * Single-threaded by design (the OMS's single writer). {@link #check} allocates nothing when it accepts,
 * with or without warnings; a reject writes its text into the caller's {@link CheckResult}. Allocation
 * happens only on first sight of an account or a symbol and when a table outgrows its configured size.
 * <p>
 * This class wires the parts and says in which order the checks run. The state lives in {@code SymbolBook},
 * {@code AccountBook}, {@code OpenOrders} and {@code TradingStates}; {@code ExposureTracker} applies what the
 * OMS reports; a check measures the order once ({@code OrderImpact}), then {@code PermissionChecks},
 * {@code RateAndDuplicateChecks}, {@code OrderTermsChecks} and {@code ExposureChecks} each refuse or pass it.
 *
 * <h2>Definitions the checks share</h2>
 * <ul>
 *     <li>Order price: the limit price of a limit or stop-limit order, the stop price of a stop order, the
 *     reference price of a market order (none: notional 0). Order notional = quantity x order price.</li>
 *     <li>Mark price of a symbol: its reference price, else the last fill price seen.</li>
 *     <li>Exposure in a symbol: max(|P + B|, |P - S|) where P is the position's notional at the mark (signed)
 *     and B, S the notionals of the open buy and sell orders: the worst case if one side's open orders all
 *     fill. Gross exposure is the sum over symbols; net exposure is |sum of (P + B - S)|.</li>
 *     <li>Portfolio value (equity): capital plus the day's P&amp;L (realized at average cost plus unrealized at
 *     the mark).</li>
 *     <li>An exposure limit refuses an order only if the order makes the figure larger and the new figure is
 *     above the limit, so an order that reduces risk always passes them, even when a market move has put the
 *     account over a limit.</li>
 *     <li>A replace (an {@link OrderTerms#orderId()} already open) is checked as the replacement of that
 *     order: its exposure leaves, the new terms' exposure enters; it is not a duplicate of itself.</li>
 * </ul>
 */
public final class PreTradeChecker
{
    private final PreTradeConfiguration configuration;
    private final EpochNanoClock clock;
    private final long softBrakePpm;

    private final SymbolBook symbols;
    private final AccountBook accounts;
    private final OpenOrders openOrders;
    private final TradingStates states;
    private final AccountValuation valuation;
    private final ExposureTracker tracker;

    private final OrderImpact impact;
    private final PermissionChecks permissions;
    private final RateAndDuplicateChecks rates;
    private final OrderTermsChecks terms;
    private final ExposureChecks exposures;

    public PreTradeChecker(final PreTradeConfiguration configuration)
    {
        configuration.requireConcluded();
        this.configuration = configuration;
        clock = configuration.clock();
        softBrakePpm = configuration.softBrakeScalePpm();

        symbols = new SymbolBook(configuration);
        openOrders = new OpenOrders(configuration.expectedOpenOrders());
        final long now = clock.nanoTime();
        states = new TradingStates(clock, configuration.stateListener(), now);
        accounts = new AccountBook(configuration, symbols, now);
        valuation = new AccountValuation(symbols);
        tracker = new ExposureTracker(clock, accounts, symbols, openOrders, valuation, states);

        impact = new OrderImpact(symbols, openOrders, valuation);
        permissions = new PermissionChecks(states, symbols);
        rates = new RateAndDuplicateChecks(configuration.clOrdIdHistorySize());
        terms = new OrderTermsChecks(configuration, symbols);
        exposures = new ExposureChecks(symbols, configuration.warningThresholdPpm());
    }

    // ---------------------------------------------------------------------------------------------------
    // The check
    // ---------------------------------------------------------------------------------------------------

    /**
     * Checks a new order or a replace against the account's state and limits. Records the attempt in the
     * rate windows and the duplicate history once it has passed the rate checks, whatever the verdict.
     * The checks run in a fixed order and the first refusal is the verdict: the order's terms, the account
     * and its trading state, rates and duplicates, order size and price, then exposure.
     *
     * @param order  the order's terms.
     * @param result filled with the verdict; reused by the caller.
     * @return the outcome, also in {@code result}.
     */
    public CheckResult.Outcome check(final OrderTerms order, final CheckResult result)
    {
        result.reset();
        final long now = clock.nanoTime();
        final OrderImpact impact = this.impact;
        if (!impact.readTerms(order))
        {
            return OrderTermsChecks.rejectUnusable(order, result);
        }
        final AccountRisk account = accounts.forOrder(order.account(), now);
        if (permissions.rejectsAccount(order, account, result))
        {
            return result.outcome();
        }
        impact.measure(account, symbols.id(order.symbol()), order.orderId());
        if (permissions.rejectsOrder(order, account, impact, now, result) ||
            rates.rejects(order, account, impact, now, result) ||
            terms.rejects(order, account, impact, states.effective(account) == TradingState.SOFT_BRAKE, result) ||
            exposures.rejects(account, impact, result))
        {
            return result.outcome();
        }
        return result.accept();
    }

    // ---------------------------------------------------------------------------------------------------
    // What the OMS tells the checker
    // ---------------------------------------------------------------------------------------------------

    /** The order was accepted and is working: its whole quantity counts as open exposure from now on. */
    public void onOrderOpen(final OrderTerms order)
    {
        tracker.open(order, order.quantity());
    }

    /**
     * A cancel/replace took effect: the order's open exposure becomes {@code leavesQty} at the new terms.
     * An order the checker does not know is opened.
     */
    public void onOrderReplaced(final OrderTerms order, final long leavesQty)
    {
        tracker.open(order, leavesQty);
    }

    /**
     * A fill of an open order: the order's open exposure shrinks, the position moves, the daily loss limit is
     * looked at (and halts the account when reached).
     *
     * @return false when the order is not open here (the OMS then reports the fill with {@link #onPositionFill}).
     */
    public boolean onFill(final long orderId, final long lastQty, final long lastPrice)
    {
        return tracker.onFill(orderId, lastQty, lastPrice);
    }

    /**
     * A fill the checker has no open order for (an order from before a restart, a manual trade booked by the
     * desk): moves the position only.
     */
    public void onPositionFill(
        final CharSequence accountName,
        final CharSequence symbolName,
        final char side,
        final long qty,
        final long price)
    {
        tracker.onPositionFill(accountName, symbolName, side, qty, price);
    }

    /** The order is filled, canceled, rejected or expired: its open exposure is gone. */
    public void onOrderDone(final long orderId)
    {
        tracker.onOrderDone(orderId);
    }

    /** A trade in the market: the last price (the reference price with {@link ReferencePriceSource#LAST}). */
    public void onMarketPrice(final CharSequence symbolName, final long lastPrice)
    {
        symbols.onMarketPrice(symbols.id(symbolName), lastPrice);
    }

    /** The best bid and offer ({@link FixedPointMath#NONE} for an empty side). */
    public void onQuote(final CharSequence symbolName, final long bid, final long ask)
    {
        symbols.onQuote(symbols.id(symbolName), bid, ask);
    }

    /**
     * A message from the account that is not an order (a cancel, a status request), for the message rate.
     *
     * @return false when the account is over its message rate (the message is then not counted); the OMS
     *         decides what to do with it, and should still let a cancel through.
     */
    public boolean onMessage(final CharSequence accountName)
    {
        final long now = clock.nanoTime();
        final AccountRisk account = accounts.forOrder(accountName, now);
        return account != null && rates.admitsMessage(account, now);
    }

    /**
     * A position carried from the previous day, valued at {@code price} (its close), so the day's P&amp;L starts
     * from there. Replaces any position the account has in the symbol.
     */
    public void loadPosition(
        final CharSequence accountName, final CharSequence symbolName, final long signedQty, final long price)
    {
        tracker.loadPosition(accountName, symbolName, signedQty, price);
    }

    /**
     * A new trading day: realized P&amp;L back to zero, positions re-based at their mark so unrealized P&amp;L
     * starts from zero, the ClOrdID history forgotten. Trading states stay: only an explicit transition lifts a
     * halt.
     */
    public void startTradingDay()
    {
        tracker.rebaseForNewDay();
        rates.forgetClOrdIds();
    }

    // ---------------------------------------------------------------------------------------------------
    // Trading states
    // ---------------------------------------------------------------------------------------------------

    /**
     * Moves an account to a trading state. The reason is kept with the time, given to the listener, and
     * quoted in the texts of the rejects the state causes.
     *
     * @return the state before.
     */
    public TradingState transition(final CharSequence accountName, final TradingState to, final String reason)
    {
        final long now = clock.nanoTime();
        final AccountRisk account = accounts.forOrder(accountName, now);
        if (account == null)
        {
            throw new IllegalArgumentException("account '" + accountName + "' is not configured");
        }
        return states.transition(account, to, reason, now);
    }

    /** Moves the whole firm to a trading state (HALTED is the firm-wide kill switch). */
    public TradingState transitionFirm(final TradingState to, final String reason)
    {
        return states.transitionFirm(to, reason);
    }

    public TradingState firmState()
    {
        return states.firmState();
    }

    public String firmStateReason()
    {
        return states.firmReason();
    }

    public long firmStateSinceNanos()
    {
        return states.firmSinceNanos();
    }

    /** The account's own state (the firm's may be more restrictive); NORMAL for an account never seen. */
    public TradingState accountState(final CharSequence accountName)
    {
        final AccountRisk account = accounts.find(accountName);
        return account == null ? TradingState.NORMAL : account.state;
    }

    public String accountStateReason(final CharSequence accountName)
    {
        final AccountRisk account = accounts.find(accountName);
        return account == null ? "initial" : account.stateReason;
    }

    public long accountStateSinceNanos(final CharSequence accountName)
    {
        final AccountRisk account = accounts.find(accountName);
        return account == null ? 0 : account.stateSinceNanos;
    }

    /** The more restrictive of the account's and the firm's state. */
    public TradingState effectiveState(final CharSequence accountName)
    {
        return TradingState.mostRestrictive(states.firmState(), accountState(accountName));
    }

    /** The factor sizes are multiplied by: the soft-brake scale in SOFT_BRAKE, else 1. */
    public double sizeFactor(final CharSequence accountName)
    {
        return effectiveState(accountName) == TradingState.SOFT_BRAKE ? (double)softBrakePpm / FixedPointMath.PPM : 1.0;
    }

    /** Every transition since start, oldest first. */
    public List<TradingStateChange> stateHistory()
    {
        return states.history();
    }

    // ---------------------------------------------------------------------------------------------------
    // What the risk desk and the admin endpoint read (not for the order path)
    // ---------------------------------------------------------------------------------------------------

    /** The signed position, fixed-point; 0 when none. */
    public long position(final CharSequence accountName, final CharSequence symbolName)
    {
        final SymbolExposure exposure = exposure(accountName, symbolName);
        return exposure == null ? 0 : exposure.position;
    }

    /** The day's P&amp;L, realized plus unrealized at the mark, in notional units. */
    public long dailyPnl(final CharSequence accountName)
    {
        final AccountRisk account = accounts.find(accountName);
        return account == null ? 0 : valuation.dailyPnl(account);
    }

    public long realizedPnl(final CharSequence accountName)
    {
        final AccountRisk account = accounts.find(accountName);
        return account == null ? 0 : account.realizedPnl;
    }

    /** The gross exposure (see the class comment), in notional units. */
    public long grossExposure(final CharSequence accountName)
    {
        final AccountRisk account = accounts.find(accountName);
        return account == null ? 0 : valuation.grossExposure(account);
    }

    /** The number of symbols in which the account has a position or open orders. */
    public int activeSymbols(final CharSequence accountName)
    {
        final AccountRisk account = accounts.find(accountName);
        return account == null ? 0 : account.active;
    }

    public int openOrderCount()
    {
        return openOrders.size();
    }

    public PreTradeConfiguration configuration()
    {
        return configuration;
    }

    private SymbolExposure exposure(final CharSequence accountName, final CharSequence symbolName)
    {
        final AccountRisk account = accounts.find(accountName);
        final int symbol = symbols.find(symbolName);
        return account == null || symbol < 0 ? null : account.find(symbol);
    }
}

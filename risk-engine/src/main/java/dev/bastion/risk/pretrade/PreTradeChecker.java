package dev.bastion.risk.pretrade;

import dev.bastion.risk.FixedPointMath;
import org.agrona.concurrent.EpochNanoClock;

import java.util.List;

import static dev.bastion.risk.FixedPointMath.NONE;
import static dev.bastion.risk.FixedPointMath.NOTIONAL_DECIMALS;
import static dev.bastion.risk.FixedPointMath.PRICE_DECIMALS;
import static dev.bastion.risk.FixedPointMath.QTY_DECIMALS;
import static dev.bastion.risk.FixedPointMath.appendDecimal;
import static dev.bastion.risk.FixedPointMath.notional;
import static dev.bastion.risk.FixedPointMath.ofPpm;
import static dev.bastion.risk.pretrade.OrderTypes.BUY;
import static dev.bastion.risk.pretrade.OrderTypes.SELL;
import static dev.bastion.risk.pretrade.OrderTypes.hasLimitPrice;
import static dev.bastion.risk.pretrade.OrderTypes.hasStopPrice;
import static dev.bastion.risk.pretrade.OrderTypes.isKnownType;
import static dev.bastion.risk.pretrade.OrderTypes.orderPrice;
import static dev.bastion.risk.pretrade.OrderTypes.sideSign;
import static dev.bastion.risk.pretrade.RiskRejectCode.ACCOUNT_HALTED;
import static dev.bastion.risk.pretrade.RiskRejectCode.CREDIT_GROSS;
import static dev.bastion.risk.pretrade.RiskRejectCode.CREDIT_NET;
import static dev.bastion.risk.pretrade.RiskRejectCode.DAILY_LOSS_LIMIT;
import static dev.bastion.risk.pretrade.RiskRejectCode.DUPLICATE_CL_ORD_ID;
import static dev.bastion.risk.pretrade.RiskRejectCode.DUPLICATE_ORDER;
import static dev.bastion.risk.pretrade.RiskRejectCode.FIRM_HALTED;
import static dev.bastion.risk.pretrade.RiskRejectCode.INVALID_ORDER;
import static dev.bastion.risk.pretrade.RiskRejectCode.LEVERAGE;
import static dev.bastion.risk.pretrade.RiskRejectCode.MAX_ORDER_NOTIONAL;
import static dev.bastion.risk.pretrade.RiskRejectCode.MAX_ORDER_QUANTITY;
import static dev.bastion.risk.pretrade.RiskRejectCode.MAX_POSITIONS;
import static dev.bastion.risk.pretrade.RiskRejectCode.MESSAGE_RATE;
import static dev.bastion.risk.pretrade.RiskRejectCode.NO_REFERENCE_PRICE;
import static dev.bastion.risk.pretrade.RiskRejectCode.ORDER_RATE;
import static dev.bastion.risk.pretrade.RiskRejectCode.POSITION_LIMIT;
import static dev.bastion.risk.pretrade.RiskRejectCode.PRICE_COLLAR;
import static dev.bastion.risk.pretrade.RiskRejectCode.REDUCE_ONLY;
import static dev.bastion.risk.pretrade.RiskRejectCode.RESTRICTED_SYMBOL;
import static dev.bastion.risk.pretrade.RiskRejectCode.SECTOR_EXPOSURE;
import static dev.bastion.risk.pretrade.RiskRejectCode.STOP_THROUGH_MARKET;
import static dev.bastion.risk.pretrade.RiskRejectCode.UNKNOWN_ACCOUNT;

/**
 * The pre-trade checks of a market-access gateway (SEC 15c3-5, MiFID II RTS 6), run by the OMS's business
 * thread on every new order and replace, and the account state they need, which the OMS keeps current by
 * telling the checker what happens: orders opened and done, fills, market prices.
 * <p>
 * Single-threaded by design (the OMS's single writer). {@link #check} allocates nothing when it accepts,
 * with or without warnings; a reject writes its text into the caller's {@link CheckResult}. Allocation
 * happens only on first sight of an account or a symbol and when a table outgrows its configured size.
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
    private final boolean rejectMarketWithoutReference;
    private final long collarPpm;
    private final int collarTicks;
    private final long softBrakePpm;
    private final long warningPpm;

    private final SymbolBook symbols;
    private final AccountBook accounts;

    private final ClOrdIdHistory clOrdIds;
    private final OpenOrders openOrders;

    private final TradingStates states;
    private final AccountValuation valuation;
    private final ExposureTracker tracker;

    public PreTradeChecker(final PreTradeConfiguration configuration)
    {
        configuration.requireConcluded();
        this.configuration = configuration;
        clock = configuration.clock();
        rejectMarketWithoutReference = configuration.noReferencePricePolicy() == NoReferencePricePolicy.REJECT;
        collarPpm = configuration.priceCollarPpm();
        collarTicks = configuration.priceCollarTicks();
        softBrakePpm = configuration.softBrakeScalePpm();
        warningPpm = configuration.warningThresholdPpm();

        symbols = new SymbolBook(configuration);
        clOrdIds = new ClOrdIdHistory(configuration.clOrdIdHistorySize());
        openOrders = new OpenOrders(configuration.expectedOpenOrders());

        final long now = clock.nanoTime();
        states = new TradingStates(clock, configuration.stateListener(), now);
        accounts = new AccountBook(configuration, symbols, now);
        valuation = new AccountValuation(symbols);
        tracker = new ExposureTracker(clock, accounts, symbols, openOrders, valuation, states);
    }

    // ---------------------------------------------------------------------------------------------------
    // The check
    // ---------------------------------------------------------------------------------------------------

    /**
     * Checks a new order or a replace against the account's state and limits. Records the attempt in the
     * rate windows and the duplicate history once it has passed the rate checks, whatever the verdict.
     *
     * @param order  the order's terms.
     * @param result filled with the verdict; reused by the caller.
     * @return the outcome, also in {@code result}.
     */
    public CheckResult.Outcome check(final OrderTerms order, final CheckResult result)
    {
        result.reset();
        final long now = clock.nanoTime();
        final int sign = sideSign(order.side());
        final char ordType = order.ordType();
        final long qty = order.quantity();
        final long limitPrice = order.price();
        final long stopPrice = order.stopPrice();
        if (sign == 0 || !isKnownType(ordType) || qty <= 0 ||
            (hasLimitPrice(ordType) && limitPrice <= 0) || (hasStopPrice(ordType) && stopPrice <= 0))
        {
            return invalid(order, result);
        }

        final AccountRisk account = accounts.forOrder(order.account(), now);
        if (account == null)
        {
            result.reject(UNKNOWN_ACCOUNT).append("account '").append(order.account()).append("' is not configured");
            return result.outcome();
        }
        if (states.firmState() == TradingState.HALTED)
        {
            result.reject(FIRM_HALTED).append(states.firmReason());
            return result.outcome();
        }
        if (account.state == TradingState.HALTED)
        {
            result.reject(ACCOUNT_HALTED).append(account.stateReason);
            return result.outcome();
        }

        final int symbol = symbols.id(order.symbol());
        final long orderId = order.orderId();
        final int replaced = openOrders.indexOf(orderId);
        final boolean replacing = replaced != OpenOrders.ABSENT &&
            openOrders.accountIds[replaced] == account.id && openOrders.symbolIds[replaced] == symbol;
        final int oldSign = replacing ? openOrders.signs[replaced] : 0;
        final long oldLeaves = replacing ? openOrders.leaves[replaced] : 0;
        final long oldNotional = replacing ? openOrders.notionals[replaced] : 0;

        final long reference = symbols.referencePrice(symbol);
        final long orderPrice = orderPrice(ordType, limitPrice, stopPrice, reference);
        final long orderNotional = orderPrice == NONE ? 0 : notional(qty, orderPrice);
        final long oldBuyNotional = oldSign == BUY ? oldNotional : 0;
        final long oldSellNotional = oldSign == SELL ? oldNotional : 0;
        final long newBuyNotional = sign == BUY ? orderNotional : 0;
        final long newSellNotional = sign == SELL ? orderNotional : 0;

        // One pass over the account's symbols for every aggregate the checks below need.
        final int sector = symbols.sector(symbol);
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
            if (exposureSymbol == symbol)
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
        final int activeAfter = inSymbol == null ? account.active + 1 : account.active;
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
        netBefore = Math.abs(netBefore);
        netAfter = Math.abs(netAfter);

        final long dailyPnl = account.realizedPnl + unrealized;
        final AccountLimits limits = account.limits;
        if (-dailyPnl >= limits.dailyLossLimit)
        {
            final StringBuilder text = result.reject(DAILY_LOSS_LIMIT).append("loss ");
            appendDecimal(text, -dailyPnl, NOTIONAL_DECIMALS).append(" reached the limit ");
            appendDecimal(text, limits.dailyLossLimit, NOTIONAL_DECIMALS);
            states.transition(account, TradingState.HALTED, text.toString(), now);
            return result.outcome();
        }
        if (-dailyPnl > account.warnDailyLoss)
        {
            result.warn(DAILY_LOSS_LIMIT);
        }

        final TradingState state = states.effective(account);
        if (state == TradingState.REDUCING)
        {
            final long position = inSymbol == null ? 0 : inSymbol.position;
            final long openBuys = inSymbol == null ? 0 : inSymbol.openBuyQty - (oldSign == BUY ? oldLeaves : 0);
            final long openSells = inSymbol == null ? 0 : inSymbol.openSellQty - (oldSign == SELL ? oldLeaves : 0);
            final boolean reduces = sign == SELL ? position > 0 && openSells + qty <= position :
                position < 0 && openBuys + qty <= -position;
            if (!reduces)
            {
                final StringBuilder text = result.reject(REDUCE_ONLY).append("position ");
                appendDecimal(text, position, QTY_DECIMALS).append(", ").append(
                    states.firmState() == TradingState.REDUCING ? states.firmReason() : account.stateReason);
                return result.outcome();
            }
        }

        if (symbols.isFirmRestricted(symbol) || account.restricts(symbol))
        {
            result.reject(RESTRICTED_SYMBOL).append(order.symbol())
                .append(symbols.isFirmRestricted(symbol) ? " is on the firm's restricted list" :
                " is restricted for account " + account.name);
            return result.outcome();
        }

        final int messagesInWindow = account.messages.count(now);
        if (messagesInWindow >= limits.maxMessages)
        {
            result.reject(MESSAGE_RATE).append(messagesInWindow).append(" messages in ")
                .append(limits.messageRateWindowNanos / 1_000_000).append(" ms, limit ").append(limits.maxMessages);
            return result.outcome();
        }
        final int ordersInWindow = account.orders.count(now);
        if (ordersInWindow >= limits.maxOrders)
        {
            result.reject(ORDER_RATE).append(ordersInWindow).append(" orders in ")
                .append(limits.orderRateWindowNanos / 1_000_000).append(" ms, limit ").append(limits.maxOrders);
            return result.outcome();
        }
        if (messagesInWindow + 1 > account.warnMessages)
        {
            result.warn(MESSAGE_RATE);
        }
        if (ordersInWindow + 1 > account.warnOrders)
        {
            result.warn(ORDER_RATE);
        }

        final long fingerprint = fingerprint(symbol, order.side(), ordType, qty, limitPrice, stopPrice);
        final boolean duplicateClOrdId = clOrdIds.seenBefore(account.id, order.clOrdId());
        final boolean duplicateOrder = account.orders.containsRecent(now, fingerprint) && !replacing;
        account.messages.add(now, 0);
        account.orders.add(now, fingerprint);
        if (duplicateClOrdId)
        {
            result.reject(DUPLICATE_CL_ORD_ID).append("ClOrdID ").append(order.clOrdId())
                .append(" already used by account ").append(account.name);
            return result.outcome();
        }
        if (duplicateOrder)
        {
            result.reject(DUPLICATE_ORDER).append("same terms as an order within the last ")
                .append(limits.duplicateOrderWindowNanos / 1_000_000).append(" ms");
            return result.outcome();
        }

        final boolean softBrake = state == TradingState.SOFT_BRAKE;
        final long maxQty = softBrake ? account.softMaxOrderQuantity : limits.maxOrderQuantity;
        if (qty > maxQty)
        {
            final StringBuilder text = result.reject(MAX_ORDER_QUANTITY).append("quantity ");
            appendDecimal(text, qty, QTY_DECIMALS).append(" above the limit ");
            appendDecimal(text, maxQty, QTY_DECIMALS).append(softBrake ? " (soft brake)" : "");
            return result.outcome();
        }
        if (qty > (softBrake ? account.warnSoftOrderQuantity : account.warnOrderQuantity))
        {
            result.warn(MAX_ORDER_QUANTITY);
        }

        if (!checkAgainstReference(order, ordType, sign, limitPrice, stopPrice, reference, symbol, result))
        {
            return result.outcome();
        }

        final long maxNotional = softBrake ? account.softMaxOrderNotional : limits.maxOrderNotional;
        if (orderNotional > maxNotional)
        {
            final StringBuilder text = result.reject(MAX_ORDER_NOTIONAL).append("notional ");
            appendDecimal(text, orderNotional, NOTIONAL_DECIMALS).append(" above the limit ");
            appendDecimal(text, maxNotional, NOTIONAL_DECIMALS).append(softBrake ? " (soft brake)" : "");
            return result.outcome();
        }
        if (orderNotional > (softBrake ? account.warnSoftOrderNotional : account.warnOrderNotional))
        {
            result.warn(MAX_ORDER_NOTIONAL);
        }

        if (exceeds(CREDIT_GROSS, grossBefore, grossAfter, limits.creditLimitGross, account.warnCreditGross, result) ||
            exceeds(CREDIT_NET, netBefore, netAfter, limits.creditLimitNet, account.warnCreditNet, result) ||
            exceeds(POSITION_LIMIT, symbolBefore, symbolAfter, limits.positionLimit, account.warnPositionLimit, result))
        {
            return result.outcome();
        }

        if (inSymbol == null && account.active >= limits.maxPositions)
        {
            result.reject(MAX_POSITIONS).append(account.active).append(" symbols with positions or open orders, limit ")
                .append(limits.maxPositions);
            return result.outcome();
        }
        if (activeAfter > account.warnMaxPositions)
        {
            result.warn(MAX_POSITIONS);
        }

        final long equity = limits.capital + dailyPnl;
        if (sector != SymbolBook.NO_SECTOR)
        {
            final long sectorLimit = equity > 0 ? ofPpm(equity, limits.maxSectorExposurePpm) : 0;
            if (exceeds(SECTOR_EXPOSURE, sectorBefore, sectorAfter, sectorLimit, ofPpm(sectorLimit, warningPpm),
                result))
            {
                result.rejectTextBuffer().append(" (sector ").append(symbols.sectorName(sector)).append(')');
                return result.outcome();
            }
        }
        final long leverageLimit = equity > 0 ? ofPpm(equity, limits.maxLeveragePpm) : 0;
        if (exceeds(LEVERAGE, grossBefore, grossAfter, leverageLimit, ofPpm(leverageLimit, warningPpm), result))
        {
            return result.outcome();
        }
        return result.accept();
    }

    /** Collar, stop through the market, market order without a reference price. */
    private boolean checkAgainstReference(
        final OrderTerms order,
        final char ordType,
        final int sign,
        final long limitPrice,
        final long stopPrice,
        final long reference,
        final int symbol,
        final CheckResult result)
    {
        if (reference == NONE)
        {
            if (ordType == OrderTypes.MARKET && rejectMarketWithoutReference)
            {
                result.reject(NO_REFERENCE_PRICE).append("market order in ").append(order.symbol())
                    .append(" with no reference price to value it");
                return false;
            }
            result.warn(NO_REFERENCE_PRICE);
            return true;
        }
        if (ordType == OrderTypes.LIMIT)
        {
            final long band = collarTicks > 0 ? collarTicks * symbols.tickSize(symbol) : ofPpm(reference, collarPpm);
            final long deviation = Math.abs(limitPrice - reference);
            if (deviation > band)
            {
                final StringBuilder text = result.reject(PRICE_COLLAR).append("limit price ");
                appendDecimal(text, limitPrice, PRICE_DECIMALS).append(" is more than ");
                appendDecimal(text, band, PRICE_DECIMALS).append(" from the reference price ");
                appendDecimal(text, reference, PRICE_DECIMALS);
                return false;
            }
            if (deviation > ofPpm(band, warningPpm))
            {
                result.warn(PRICE_COLLAR);
            }
        }
        else if (ordType == OrderTypes.STOP || ordType == OrderTypes.STOP_LIMIT)
        {
            if (sign == BUY ? stopPrice <= reference : stopPrice >= reference)
            {
                final StringBuilder text = result.reject(STOP_THROUGH_MARKET)
                    .append(sign == BUY ? "buy stop " : "sell stop ");
                appendDecimal(text, stopPrice, PRICE_DECIMALS).append(sign == BUY ? " at or below" : " at or above")
                    .append(" the reference price ");
                appendDecimal(text, reference, PRICE_DECIMALS);
                return false;
            }
        }
        return true;
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

    private CheckResult.Outcome invalid(final OrderTerms order, final CheckResult result)
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
        if (account == null)
        {
            return false;
        }
        if (account.messages.count(now) >= account.limits.maxMessages)
        {
            return false;
        }
        account.messages.add(now, 0);
        return true;
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
        clOrdIds.clear();
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

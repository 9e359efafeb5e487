package dev.bastion.risk.pretrade;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pre-trade checks written the obvious way, as the reference the fast {@link PreTradeChecker} is held to:
 * every figure is recomputed from the lists of open orders, positions and past events at each check, in
 * BigInteger so nothing overflows or rounds differently by accident. Slow and allocating on purpose; it
 * follows the definitions in {@link PreTradeChecker}'s class comment, not its code.
 */
final class ReferencePreTradeChecker
{
    private static final BigInteger PRICE_SCALE = BigInteger.valueOf(100_000_000L);
    private static final BigInteger MILLION = BigInteger.valueOf(1_000_000L);
    private static final long NONE = Long.MIN_VALUE;

    record Verdict(CheckResult.Outcome outcome, RiskRejectCode code, long warnings)
    {
    }

    private record OrderEvent(long time, String symbol, char side, char ordType, long qty, long price, long stopPrice)
    {
    }

    private static final class OpenOrder
    {
        String account;
        String symbol;
        int sign;
        long leaves;
        long price;
    }

    private static final class Position
    {
        long qty;
        BigInteger cost = BigInteger.ZERO;
    }

    private static final class Account
    {
        final AccountLimits limits;
        TradingState state = TradingState.NORMAL;
        BigInteger realized = BigInteger.ZERO;
        final List<Long> messages = new ArrayList<>();
        final List<OrderEvent> orders = new ArrayList<>();
        final Map<String, Position> positions = new HashMap<>();

        Account(final AccountLimits limits)
        {
            this.limits = limits;
        }
    }

    private final PreTradeConfiguration configuration;
    private final ManualClock clock;
    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<Long, OpenOrder> openOrders = new LinkedHashMap<>();
    private final Map<String, Long> lastPrices = new HashMap<>();
    private final Map<String, Long> bids = new HashMap<>();
    private final Map<String, Long> asks = new HashMap<>();
    private final Map<String, Long> lastFills = new HashMap<>();
    private final LinkedHashSet<String> clOrdIds = new LinkedHashSet<>();
    private TradingState firmState = TradingState.NORMAL;

    ReferencePreTradeChecker(final PreTradeConfiguration configuration, final ManualClock clock)
    {
        this.configuration = configuration;
        this.clock = clock;
        configuration.accountLimits().forEach((name, limits) -> accounts.put(name, new Account(limits)));
    }

    Verdict check(final OrderTerms order)
    {
        final long now = clock.nanoTime();
        final int sign = sign(order.side());
        final char type = order.ordType();
        final boolean hasLimit = type == '2' || type == '4';
        final boolean hasStop = type == '3' || type == '4';
        if (sign == 0 || type < '1' || type > '4' || order.quantity() <= 0 ||
            hasLimit && order.price() <= 0 || hasStop && order.stopPrice() <= 0)
        {
            return reject(RiskRejectCode.INVALID_ORDER);
        }
        final String accountName = order.account().toString();
        Account account = accounts.get(accountName);
        if (account == null)
        {
            if (!configuration.allowUnknownAccounts())
            {
                return reject(RiskRejectCode.UNKNOWN_ACCOUNT);
            }
            account = account(accountName);
        }
        if (firmState == TradingState.HALTED)
        {
            return reject(RiskRejectCode.FIRM_HALTED);
        }
        if (account.state == TradingState.HALTED)
        {
            return reject(RiskRejectCode.ACCOUNT_HALTED);
        }
        final AccountLimits limits = account.limits;
        final String symbol = order.symbol().toString();
        final OpenOrder previous = openOrders.get(order.orderId());
        final boolean replacing = previous != null && previous.account.equals(accountName) &&
            previous.symbol.equals(symbol);
        final long qty = order.quantity();
        final long reference = reference(symbol);
        final long price = hasLimit ? order.price() : type == '3' ? order.stopPrice() : reference;
        final BigInteger orderNotional = price == NONE ? BigInteger.ZERO : notional(qty, price);
        long warnings = 0;

        // Figures before the order and after it (with the replaced order taken out).
        final Map<Long, OpenOrder> after = new LinkedHashMap<>(openOrders);
        if (replacing)
        {
            after.remove(order.orderId());
        }
        final OpenOrder incoming = new OpenOrder();
        incoming.account = accountName;
        incoming.symbol = symbol;
        incoming.sign = sign;
        incoming.leaves = qty;
        incoming.price = price == NONE ? 0 : price;
        after.put(Long.MIN_VALUE, incoming);
        final Figures before = figures(account, accountName, openOrders, symbol);
        final Figures then = figures(account, accountName, after, symbol);

        final BigInteger pnl = dailyPnl(account);
        final BigInteger loss = pnl.negate();
        if (loss.compareTo(BigInteger.valueOf(limits.dailyLossLimit)) >= 0)
        {
            account.state = TradingState.HALTED;
            return reject(RiskRejectCode.DAILY_LOSS_LIMIT);
        }
        if (loss.compareTo(warnLevel(limits.dailyLossLimit)) > 0)
        {
            warnings |= RiskRejectCode.DAILY_LOSS_LIMIT.bit();
        }

        final TradingState state = TradingState.mostRestrictive(firmState, account.state);
        if (state == TradingState.REDUCING)
        {
            final Position position = account.positions.get(symbol);
            final long held = position == null ? 0 : position.qty;
            long sameSideOpen = 0;
            for (final Map.Entry<Long, OpenOrder> entry : openOrders.entrySet())
            {
                final OpenOrder open = entry.getValue();
                if (open.account.equals(accountName) && open.symbol.equals(symbol) && open.sign == sign &&
                    !(replacing && entry.getKey() == order.orderId()))
                {
                    sameSideOpen += open.leaves;
                }
            }
            final boolean reduces = sign < 0 ? held > 0 && sameSideOpen + qty <= held :
                held < 0 && sameSideOpen + qty <= -held;
            if (!reduces)
            {
                return reject(RiskRejectCode.REDUCE_ONLY);
            }
        }

        if (configuration.restrictedSymbols().contains(symbol) || limits.restrictedSymbols.contains(symbol))
        {
            return reject(RiskRejectCode.RESTRICTED_SYMBOL);
        }

        final long messages = account.messages.stream().filter(t -> t > now - limits.messageRateWindowNanos).count();
        if (messages >= limits.maxMessages)
        {
            return reject(RiskRejectCode.MESSAGE_RATE);
        }
        final long orders = account.orders.stream().filter(e -> e.time() > now - limits.orderRateWindowNanos).count();
        if (orders >= limits.maxOrders)
        {
            return reject(RiskRejectCode.ORDER_RATE);
        }
        if (BigInteger.valueOf(messages + 1).compareTo(warnLevel(limits.maxMessages)) > 0)
        {
            warnings |= RiskRejectCode.MESSAGE_RATE.bit();
        }
        if (BigInteger.valueOf(orders + 1).compareTo(warnLevel(limits.maxOrders)) > 0)
        {
            warnings |= RiskRejectCode.ORDER_RATE.bit();
        }
        final String clOrdIdKey = accountName + '\u0000' + order.clOrdId();
        final boolean duplicateId = clOrdIds.contains(clOrdIdKey);
        if (!duplicateId)
        {
            if (clOrdIds.size() == configuration.clOrdIdHistorySize())
            {
                clOrdIds.remove(clOrdIds.iterator().next());
            }
            clOrdIds.add(clOrdIdKey);
        }
        final OrderEvent event = new OrderEvent(now, symbol, order.side(), type, qty, order.price(), order.stopPrice());
        final boolean duplicateOrder = !replacing && account.orders.stream().anyMatch(e ->
            e.time() > now - limits.duplicateOrderWindowNanos &&
            Objects.equals(new OrderEvent(0, e.symbol(), e.side(), e.ordType(), e.qty(), e.price(), e.stopPrice()),
                new OrderEvent(0, symbol, order.side(), type, qty, order.price(), order.stopPrice())));
        account.messages.add(now);
        account.orders.add(event);
        if (duplicateId)
        {
            return reject(RiskRejectCode.DUPLICATE_CL_ORD_ID);
        }
        if (duplicateOrder)
        {
            return reject(RiskRejectCode.DUPLICATE_ORDER);
        }

        final boolean soft = state == TradingState.SOFT_BRAKE;
        final BigInteger brake = BigInteger.valueOf(configuration.softBrakeScalePpm());
        final BigInteger maxQty = soft ? BigInteger.valueOf(limits.maxOrderQuantity).multiply(brake).divide(MILLION) :
            BigInteger.valueOf(limits.maxOrderQuantity);
        if (BigInteger.valueOf(qty).compareTo(maxQty) > 0)
        {
            return reject(RiskRejectCode.MAX_ORDER_QUANTITY);
        }
        if (BigInteger.valueOf(qty).compareTo(warnLevel(maxQty)) > 0)
        {
            warnings |= RiskRejectCode.MAX_ORDER_QUANTITY.bit();
        }

        if (reference == NONE)
        {
            if (type == '1' && configuration.noReferencePricePolicy() == NoReferencePricePolicy.REJECT)
            {
                return reject(RiskRejectCode.NO_REFERENCE_PRICE);
            }
            warnings |= RiskRejectCode.NO_REFERENCE_PRICE.bit();
        }
        else if (type == '2')
        {
            final BigInteger referencePrice = BigInteger.valueOf(reference);
            final BigInteger band = configuration.priceCollarTicks() > 0 ?
                BigInteger.valueOf(configuration.priceCollarTicks()).multiply(BigInteger.valueOf(tickSize(symbol))) :
                referencePrice.multiply(BigInteger.valueOf(configuration.priceCollarPpm())).divide(MILLION);
            final BigInteger deviation = BigInteger.valueOf(order.price()).subtract(referencePrice).abs();
            if (deviation.compareTo(band) > 0)
            {
                return reject(RiskRejectCode.PRICE_COLLAR);
            }
            if (deviation.compareTo(warnLevel(band)) > 0)
            {
                warnings |= RiskRejectCode.PRICE_COLLAR.bit();
            }
        }
        else if (hasStop)
        {
            final boolean through = sign > 0 ? order.stopPrice() <= reference : order.stopPrice() >= reference;
            if (through)
            {
                return reject(RiskRejectCode.STOP_THROUGH_MARKET);
            }
        }

        final BigInteger maxNotional = soft ?
            BigInteger.valueOf(limits.maxOrderNotional).multiply(brake).divide(MILLION) :
            BigInteger.valueOf(limits.maxOrderNotional);
        if (orderNotional.compareTo(maxNotional) > 0)
        {
            return reject(RiskRejectCode.MAX_ORDER_NOTIONAL);
        }
        if (orderNotional.compareTo(warnLevel(maxNotional)) > 0)
        {
            warnings |= RiskRejectCode.MAX_ORDER_NOTIONAL.bit();
        }

        final long[] warned = {warnings};
        if (breaches(RiskRejectCode.CREDIT_GROSS, before.gross, then.gross, BigInteger.valueOf(limits.creditLimitGross),
            warned) ||
            breaches(RiskRejectCode.CREDIT_NET, before.net.abs(), then.net.abs(),
                BigInteger.valueOf(limits.creditLimitNet), warned) ||
            breaches(RiskRejectCode.POSITION_LIMIT, before.inSymbol, then.inSymbol,
                BigInteger.valueOf(limits.positionLimit), warned))
        {
            return reject(lastBreach);
        }
        final boolean newSymbol = !before.activeSymbols.contains(symbol);
        if (newSymbol && before.activeSymbols.size() >= limits.maxPositions)
        {
            return reject(RiskRejectCode.MAX_POSITIONS);
        }
        final int activeAfter = before.activeSymbols.size() + (newSymbol ? 1 : 0);
        if (BigInteger.valueOf(activeAfter).compareTo(warnLevel(limits.maxPositions)) > 0)
        {
            warned[0] |= RiskRejectCode.MAX_POSITIONS.bit();
        }
        final BigInteger equity = BigInteger.valueOf(limits.capital).add(pnl);
        if (configuration.sectors().containsKey(symbol))
        {
            final BigInteger sectorLimit = equity.signum() > 0 ?
                equity.multiply(BigInteger.valueOf(limits.maxSectorExposurePpm)).divide(MILLION) : BigInteger.ZERO;
            if (breaches(RiskRejectCode.SECTOR_EXPOSURE, before.inSector, then.inSector, sectorLimit, warned))
            {
                return reject(RiskRejectCode.SECTOR_EXPOSURE);
            }
        }
        final BigInteger leverageLimit = equity.signum() > 0 ?
            equity.multiply(BigInteger.valueOf(limits.maxLeveragePpm)).divide(MILLION) : BigInteger.ZERO;
        if (breaches(RiskRejectCode.LEVERAGE, before.gross, then.gross, leverageLimit, warned))
        {
            return reject(RiskRejectCode.LEVERAGE);
        }
        return new Verdict(warned[0] == 0 ? CheckResult.Outcome.ACCEPT : CheckResult.Outcome.ACCEPT_WITH_WARNINGS,
            RiskRejectCode.NONE, warned[0]);
    }

    private RiskRejectCode lastBreach;

    private boolean breaches(
        final RiskRejectCode code, final BigInteger before, final BigInteger after, final BigInteger limit,
        final long[] warnings)
    {
        if (after.compareTo(limit) > 0 && after.compareTo(before) > 0)
        {
            lastBreach = code;
            return true;
        }
        if (after.compareTo(warnLevel(limit)) > 0)
        {
            warnings[0] |= code.bit();
        }
        return false;
    }

    private record Figures(
        BigInteger gross, BigInteger net, BigInteger inSymbol, BigInteger inSector, Set<String> activeSymbols)
    {
    }

    private Figures figures(
        final Account account, final String accountName, final Map<Long, OpenOrder> open, final String symbol)
    {
        final Set<String> symbols = new TreeSet<>();
        account.positions.forEach((s, p) ->
        {
            if (p.qty != 0)
            {
                symbols.add(s);
            }
        });
        open.values().stream().filter(o -> o.account.equals(accountName)).forEach(o -> symbols.add(o.symbol));
        final String sector = configuration.sectors().get(symbol);
        BigInteger gross = BigInteger.ZERO;
        BigInteger net = BigInteger.ZERO;
        BigInteger inSymbol = BigInteger.ZERO;
        BigInteger inSector = BigInteger.ZERO;
        for (final String s : symbols)
        {
            final Position position = account.positions.get(s);
            final long qty = position == null ? 0 : position.qty;
            final BigInteger positionNotional = qty == 0 ? BigInteger.ZERO :
                notional(Math.abs(qty), mark(s)).multiply(BigInteger.valueOf(Long.signum(qty)));
            BigInteger buys = BigInteger.ZERO;
            BigInteger sells = BigInteger.ZERO;
            for (final OpenOrder o : open.values())
            {
                if (o.account.equals(accountName) && o.symbol.equals(s))
                {
                    final BigInteger n = notional(o.leaves, o.price);
                    if (o.sign > 0)
                    {
                        buys = buys.add(n);
                    }
                    else
                    {
                        sells = sells.add(n);
                    }
                }
            }
            final BigInteger worst = positionNotional.add(buys).abs().max(positionNotional.subtract(sells).abs());
            gross = gross.add(worst);
            net = net.add(positionNotional).add(buys).subtract(sells);
            if (s.equals(symbol))
            {
                inSymbol = worst;
            }
            if (sector != null && sector.equals(configuration.sectors().get(s)))
            {
                inSector = inSector.add(worst);
            }
        }
        return new Figures(gross, net, inSymbol, inSector, symbols);
    }

    void onOrderOpen(final OrderTerms order, final long leaves)
    {
        openOrders.remove(order.orderId());
        account(order.account().toString());
        if (leaves == 0)
        {
            return;
        }
        final String symbol = order.symbol().toString();
        final char type = order.ordType();
        final long reference = reference(symbol);
        final long price = type == '2' || type == '4' ? order.price() : type == '3' ? order.stopPrice() : reference;
        final OpenOrder open = new OpenOrder();
        open.account = order.account().toString();
        open.symbol = symbol;
        open.sign = sign(order.side());
        open.leaves = leaves;
        open.price = price == NONE || price <= 0 ? 0 : price;
        openOrders.put(order.orderId(), open);
    }

    void onFill(final long orderId, final long qty, final long price)
    {
        final OpenOrder open = openOrders.get(orderId);
        if (open == null)
        {
            return;
        }
        open.leaves = Math.max(0, open.leaves - qty);
        if (open.leaves == 0)
        {
            openOrders.remove(orderId);
        }
        fill(open.account, open.symbol, open.sign, qty, price);
    }

    void onPositionFill(
        final String accountName, final String symbol, final char side, final long qty, final long price)
    {
        fill(accountName, symbol, sign(side), qty, price);
    }

    private void fill(final String accountName, final String symbol, final int sign, final long qty, final long price)
    {
        final Account account = account(accountName);
        final Position position = account.positions.computeIfAbsent(symbol, s -> new Position());
        lastFills.put(symbol, price);
        if (position.qty == 0 || Long.signum(position.qty) == sign)
        {
            position.qty += sign * qty;
            position.cost = position.cost.add(notional(qty, price).multiply(BigInteger.valueOf(sign)));
        }
        else
        {
            final long held = Math.abs(position.qty);
            final long closed = Math.min(held, qty);
            final BigInteger costClosed = position.cost.abs().multiply(BigInteger.valueOf(closed))
                .divide(BigInteger.valueOf(held));
            final BigInteger proceeds = notional(closed, price);
            final int heldSign = Long.signum(position.qty);
            account.realized = account.realized.add(heldSign > 0 ? proceeds.subtract(costClosed) :
                costClosed.subtract(proceeds));
            position.qty -= heldSign * closed;
            position.cost = position.cost.subtract(costClosed.multiply(BigInteger.valueOf(heldSign)));
            if (qty > closed)
            {
                position.qty = sign * (qty - closed);
                position.cost = notional(qty - closed, price).multiply(BigInteger.valueOf(sign));
            }
        }
        if (account.state != TradingState.HALTED &&
            dailyPnl(account).negate().compareTo(BigInteger.valueOf(account.limits.dailyLossLimit)) >= 0)
        {
            account.state = TradingState.HALTED;
        }
    }

    void onOrderDone(final long orderId)
    {
        openOrders.remove(orderId);
    }

    void onMarketPrice(final String symbol, final long price)
    {
        lastPrices.put(symbol, price);
    }

    void onQuote(final String symbol, final long bid, final long ask)
    {
        bids.put(symbol, bid);
        asks.put(symbol, ask);
    }

    boolean onMessage(final String accountName)
    {
        final long now = clock.nanoTime();
        final Account account = accounts.get(accountName);
        if (account == null && !configuration.allowUnknownAccounts())
        {
            return false;
        }
        final Account known = account(accountName);
        final long count = known.messages.stream().filter(t -> t > now - known.limits.messageRateWindowNanos).count();
        if (count >= known.limits.maxMessages)
        {
            return false;
        }
        known.messages.add(now);
        return true;
    }

    void transition(final String accountName, final TradingState state)
    {
        account(accountName).state = state;
    }

    void transitionFirm(final TradingState state)
    {
        firmState = state;
    }

    TradingState accountState(final String accountName)
    {
        final Account account = accounts.get(accountName);
        return account == null ? TradingState.NORMAL : account.state;
    }

    long dailyPnl(final String accountName)
    {
        final Account account = accounts.get(accountName);
        return account == null ? 0 : dailyPnl(account).longValueExact();
    }

    long position(final String accountName, final String symbol)
    {
        final Account account = accounts.get(accountName);
        final Position position = account == null ? null : account.positions.get(symbol);
        return position == null ? 0 : position.qty;
    }

    int openOrderCount()
    {
        return openOrders.size();
    }

    private BigInteger dailyPnl(final Account account)
    {
        BigInteger pnl = account.realized;
        for (final Map.Entry<String, Position> entry : account.positions.entrySet())
        {
            final Position position = entry.getValue();
            if (position.qty != 0)
            {
                final BigInteger value = notional(Math.abs(position.qty), mark(entry.getKey()))
                    .multiply(BigInteger.valueOf(Long.signum(position.qty)));
                pnl = pnl.add(value.subtract(position.cost));
            }
        }
        return pnl;
    }

    private Account account(final String name)
    {
        return accounts.computeIfAbsent(name, n ->
            new Account(configuration.accountLimits().getOrDefault(n, configuration.defaultAccountLimits())));
    }

    private long reference(final String symbol)
    {
        if (configuration.referencePriceSource() == ReferencePriceSource.MID)
        {
            final Long bid = bids.get(symbol);
            final Long ask = asks.get(symbol);
            if (bid != null && ask != null && bid > 0 && ask > 0)
            {
                // the mid, rounded down
                return BigInteger.valueOf(bid).add(BigInteger.valueOf(ask)).shiftRight(1).longValueExact();
            }
        }
        final Long last = lastPrices.get(symbol);
        return last == null || last <= 0 ? NONE : last;
    }

    private long mark(final String symbol)
    {
        final long reference = reference(symbol);
        return reference != NONE ? reference : lastFills.get(symbol);
    }

    private long tickSize(final String symbol)
    {
        return configuration.tickSizePrices().getOrDefault(symbol, configuration.defaultTickSizePrice());
    }

    private BigInteger warnLevel(final long limit)
    {
        return warnLevel(BigInteger.valueOf(limit));
    }

    private BigInteger warnLevel(final BigInteger limit)
    {
        return limit.multiply(BigInteger.valueOf(configuration.warningThresholdPpm())).divide(MILLION);
    }

    private static BigInteger notional(final long qty, final long price)
    {
        return BigInteger.valueOf(qty).multiply(BigInteger.valueOf(price)).divide(PRICE_SCALE);
    }

    private static int sign(final char side)
    {
        return side == '1' || side == '3' ? 1 : side == '2' || side == '4' || side == '5' || side == '6' ? -1 : 0;
    }

    private static Verdict reject(final RiskRejectCode code)
    {
        return new Verdict(CheckResult.Outcome.REJECT, code, 0);
    }
}

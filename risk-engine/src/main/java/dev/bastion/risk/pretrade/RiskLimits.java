package dev.bastion.risk.pretrade;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The limits of one account, in currency units and whole units of quantity as a risk desk writes them;
 * {@link PreTradeConfiguration#conclude()} turns them into fixed-point values once, at start.
 * <p>
 * The defaults describe a small account of 100,000: positions of up to 10,000 in up to 10 symbols, no
 * leverage, 30% in one sector, a 1,000 daily loss limit.
 */
public final class RiskLimits
{
    public static final double DEFAULT_CAPITAL = 100_000;
    public static final double DEFAULT_MAX_ORDER_QUANTITY = 10_000;
    public static final double DEFAULT_MAX_ORDER_NOTIONAL = 10_000;
    public static final double DEFAULT_CREDIT_LIMIT_GROSS = 100_000;
    public static final double DEFAULT_CREDIT_LIMIT_NET = 100_000;
    public static final double DEFAULT_POSITION_LIMIT = 10_000;
    public static final int DEFAULT_MAX_POSITIONS = 10;
    public static final double DEFAULT_MAX_SECTOR_EXPOSURE = 0.30;
    public static final double DEFAULT_MAX_LEVERAGE = 1.0;
    public static final double DEFAULT_DAILY_LOSS_LIMIT = 1_000;
    public static final int DEFAULT_MAX_ORDERS = 50;
    public static final int DEFAULT_MAX_MESSAGES = 100;
    public static final Duration DEFAULT_RATE_WINDOW = Duration.ofSeconds(1);
    public static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofSeconds(1);

    private double capital = DEFAULT_CAPITAL;
    private double maxOrderQuantity = DEFAULT_MAX_ORDER_QUANTITY;
    private double maxOrderNotional = DEFAULT_MAX_ORDER_NOTIONAL;
    private double creditLimitGross = DEFAULT_CREDIT_LIMIT_GROSS;
    private double creditLimitNet = DEFAULT_CREDIT_LIMIT_NET;
    private double positionLimit = DEFAULT_POSITION_LIMIT;
    private int maxPositions = DEFAULT_MAX_POSITIONS;
    private double maxSectorExposure = DEFAULT_MAX_SECTOR_EXPOSURE;
    private double maxLeverage = DEFAULT_MAX_LEVERAGE;
    private double dailyLossLimit = DEFAULT_DAILY_LOSS_LIMIT;
    private int maxOrders = DEFAULT_MAX_ORDERS;
    private Duration orderRateWindow = DEFAULT_RATE_WINDOW;
    private int maxMessages = DEFAULT_MAX_MESSAGES;
    private Duration messageRateWindow = DEFAULT_RATE_WINDOW;
    private Duration duplicateOrderWindow = DEFAULT_DUPLICATE_WINDOW;
    private final Set<String> restrictedSymbols = new TreeSet<>();

    /** A copy, so an account's overrides start from the defaults without changing them. */
    public RiskLimits copy()
    {
        final RiskLimits copy = new RiskLimits();
        copy.capital = capital;
        copy.maxOrderQuantity = maxOrderQuantity;
        copy.maxOrderNotional = maxOrderNotional;
        copy.creditLimitGross = creditLimitGross;
        copy.creditLimitNet = creditLimitNet;
        copy.positionLimit = positionLimit;
        copy.maxPositions = maxPositions;
        copy.maxSectorExposure = maxSectorExposure;
        copy.maxLeverage = maxLeverage;
        copy.dailyLossLimit = dailyLossLimit;
        copy.maxOrders = maxOrders;
        copy.orderRateWindow = orderRateWindow;
        copy.maxMessages = maxMessages;
        copy.messageRateWindow = messageRateWindow;
        copy.duplicateOrderWindow = duplicateOrderWindow;
        copy.restrictedSymbols.addAll(restrictedSymbols);
        return copy;
    }

    /** The account's value at the start of the day: the base of the sector and leverage limits. */
    public RiskLimits capital(final double capital)
    {
        this.capital = capital;
        return this;
    }

    public double capital()
    {
        return capital;
    }

    /** The largest OrderQty, in units (shares, contracts, coins). */
    public RiskLimits maxOrderQuantity(final double maxOrderQuantity)
    {
        this.maxOrderQuantity = maxOrderQuantity;
        return this;
    }

    public double maxOrderQuantity()
    {
        return maxOrderQuantity;
    }

    /** The largest notional of one order (quantity x limit, stop or reference price). */
    public RiskLimits maxOrderNotional(final double maxOrderNotional)
    {
        this.maxOrderNotional = maxOrderNotional;
        return this;
    }

    public double maxOrderNotional()
    {
        return maxOrderNotional;
    }

    /** Credit limit on gross exposure: the sum over symbols of the worst-case exposure if open orders fill. */
    public RiskLimits creditLimitGross(final double creditLimitGross)
    {
        this.creditLimitGross = creditLimitGross;
        return this;
    }

    public double creditLimitGross()
    {
        return creditLimitGross;
    }

    /** Credit limit on net exposure: |long minus short|, open buy orders adding and open sells subtracting. */
    public RiskLimits creditLimitNet(final double creditLimitNet)
    {
        this.creditLimitNet = creditLimitNet;
        return this;
    }

    public double creditLimitNet()
    {
        return creditLimitNet;
    }

    /** The largest exposure in one symbol, in notional. */
    public RiskLimits positionLimit(final double positionLimit)
    {
        this.positionLimit = positionLimit;
        return this;
    }

    public double positionLimit()
    {
        return positionLimit;
    }

    /** The most symbols with a position or an open order at once. */
    public RiskLimits maxPositions(final int maxPositions)
    {
        this.maxPositions = maxPositions;
        return this;
    }

    public int maxPositions()
    {
        return maxPositions;
    }

    /** The largest exposure in one sector as a fraction of the portfolio value (capital plus the day's P&amp;L). */
    public RiskLimits maxSectorExposure(final double fraction)
    {
        this.maxSectorExposure = fraction;
        return this;
    }

    public double maxSectorExposure()
    {
        return maxSectorExposure;
    }

    /** The largest gross exposure as a multiple of the portfolio value. */
    public RiskLimits maxLeverage(final double maxLeverage)
    {
        this.maxLeverage = maxLeverage;
        return this;
    }

    public double maxLeverage()
    {
        return maxLeverage;
    }

    /** The day's loss (realized plus unrealized) that halts the account. */
    public RiskLimits dailyLossLimit(final double dailyLossLimit)
    {
        this.dailyLossLimit = dailyLossLimit;
        return this;
    }

    public double dailyLossLimit()
    {
        return dailyLossLimit;
    }

    /** At most {@code maxOrders} new orders and replaces in any sliding {@code window}. */
    public RiskLimits orderRate(final int maxOrders, final Duration window)
    {
        this.maxOrders = maxOrders;
        this.orderRateWindow = window;
        return this;
    }

    public int maxOrders()
    {
        return maxOrders;
    }

    public Duration orderRateWindow()
    {
        return orderRateWindow;
    }

    /** At most {@code maxMessages} messages (orders, replaces, cancels) in any sliding {@code window}. */
    public RiskLimits messageRate(final int maxMessages, final Duration window)
    {
        this.maxMessages = maxMessages;
        this.messageRateWindow = window;
        return this;
    }

    public int maxMessages()
    {
        return maxMessages;
    }

    public Duration messageRateWindow()
    {
        return messageRateWindow;
    }

    /**
     * Two orders with the same symbol, side, type, quantity and prices within this window are duplicates. It
     * may not be longer than the order rate window (the check looks among the orders that window keeps).
     */
    public RiskLimits duplicateOrderWindow(final Duration window)
    {
        this.duplicateOrderWindow = window;
        return this;
    }

    public Duration duplicateOrderWindow()
    {
        return duplicateOrderWindow;
    }

    /** Symbols this account may not trade (on top of the firm-wide list). */
    public RiskLimits restrictSymbols(final Collection<String> symbols)
    {
        restrictedSymbols.addAll(symbols);
        return this;
    }

    public RiskLimits restrictSymbol(final String symbol)
    {
        restrictedSymbols.add(symbol);
        return this;
    }

    public Set<String> restrictedSymbols()
    {
        return Set.copyOf(restrictedSymbols);
    }
}

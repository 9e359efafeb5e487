package dev.bastion.risk.stop;

import dev.bastion.risk.FixedPointMath;
import org.agrona.concurrent.EpochNanoClock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.bastion.risk.FixedPointMath.PPM;
import static dev.bastion.risk.FixedPointMath.mulDiv;

/**
 * Watches stop-losses on positions and on the whole book, and reports the ones the market hits; it never
 * sends an order. Fixed stops, percentage stops from the entry (default 5%) and trailing stops that follow
 * the price in the position's favour (default 3%) and never back.
 * <p>
 * The portfolio stop fires once when the unrealized loss of the watched positions, at their last prices,
 * reaches the limit; {@link #rearmPortfolioStop()} arms it again. Prices and quantities are fixed-point, as
 * on the order path; stop prices round toward the position (down for a long, up for a short).
 */
public final class StopLossManager
{
    public static final double DEFAULT_PERCENTAGE = 0.05;
    public static final double DEFAULT_TRAILING = 0.03;

    private static final class Position
    {
        final String id;
        final String symbol;
        final StopType type;
        final long quantity;
        final long entryPrice;
        final long distancePpm;
        long stopPrice;
        /** The best price since entry: highest for a long, lowest for a short. */
        long extreme;
        long lastPrice;

        Position(final String id, final String symbol, final StopType type, final long quantity, final long entryPrice,
            final long distancePpm, final long stopPrice)
        {
            this.id = id;
            this.symbol = symbol;
            this.type = type;
            this.quantity = quantity;
            this.entryPrice = entryPrice;
            this.distancePpm = distancePpm;
            this.stopPrice = stopPrice;
            this.extreme = entryPrice;
            this.lastPrice = entryPrice;
        }

        boolean isLong()
        {
            return quantity > 0;
        }
    }

    private final EpochNanoClock clock;
    private final StopLossListener listener;
    private final long portfolioLossLimit;
    private final Map<String, Position> byId = new LinkedHashMap<>();
    private final Map<String, List<Position>> bySymbol = new HashMap<>();
    private boolean portfolioStopArmed = true;

    /**
     * @param portfolioLossLimit the unrealized loss that fires the portfolio stop, in currency; 0 for none.
     */
    public StopLossManager(final EpochNanoClock clock, final StopLossListener listener, final double portfolioLossLimit)
    {
        if (!(portfolioLossLimit >= 0))
        {
            throw new IllegalArgumentException("portfolioLossLimit must be zero (none) or positive, was " +
                portfolioLossLimit);
        }
        this.clock = clock;
        this.listener = listener;
        this.portfolioLossLimit = FixedPointMath.toNotional(portfolioLossLimit);
    }

    /** A stop at a price the trader chose. */
    public void addFixed(
        final String id, final String symbol, final long quantity, final long entryPrice, final long stopPrice)
    {
        requirePositive("stop price", stopPrice);
        add(new Position(id, symbol, StopType.FIXED, quantity, validEntry(quantity, entryPrice), 0, stopPrice));
    }

    /** A stop {@value #DEFAULT_PERCENTAGE} (5%) from the entry price. */
    public void addPercentage(final String id, final String symbol, final long quantity, final long entryPrice)
    {
        addPercentage(id, symbol, quantity, entryPrice, DEFAULT_PERCENTAGE);
    }

    public void addPercentage(
        final String id, final String symbol, final long quantity, final long entryPrice, final double fraction)
    {
        final long ppm = ppm(fraction);
        final boolean isLong = quantity > 0;
        add(new Position(id, symbol, StopType.PERCENTAGE, quantity, validEntry(quantity, entryPrice), ppm,
            stopFrom(entryPrice, ppm, isLong)));
    }

    /** A trailing stop {@value #DEFAULT_TRAILING} (3%) behind the best price since entry. */
    public void addTrailing(final String id, final String symbol, final long quantity, final long entryPrice)
    {
        addTrailing(id, symbol, quantity, entryPrice, DEFAULT_TRAILING);
    }

    public void addTrailing(
        final String id, final String symbol, final long quantity, final long entryPrice, final double fraction)
    {
        final long ppm = ppm(fraction);
        add(new Position(id, symbol, StopType.TRAILING, quantity, validEntry(quantity, entryPrice), ppm,
            stopFrom(entryPrice, ppm, quantity > 0)));
    }

    /** Stops watching a position (closed, or its stop replaced). */
    public boolean remove(final String id)
    {
        final Position position = byId.remove(id);
        if (position == null)
        {
            return false;
        }
        bySymbol.get(position.symbol).remove(position);
        return true;
    }

    /**
     * A market price: moves trailing stops, reports the stops it hits (and forgets those positions), then looks
     * at the portfolio stop.
     */
    public void onPrice(final String symbol, final long price)
    {
        requirePositive("price", price);
        final List<Position> positions = bySymbol.get(symbol);
        if (positions != null && !positions.isEmpty())
        {
            final long now = clock.nanoTime();
            final List<Position> hit = new ArrayList<>(0);
            for (final Position position : positions)
            {
                position.lastPrice = price;
                if (position.type == StopType.TRAILING)
                {
                    trail(position, price);
                }
                final boolean triggered = position.isLong() ? price <= position.stopPrice : price >= position.stopPrice;
                if (triggered)
                {
                    hit.add(position);
                }
            }
            for (final Position position : hit)
            {
                remove(position.id);
                listener.onStop(new StopTrigger(position.id, position.symbol, position.type, position.quantity,
                    position.entryPrice, position.stopPrice, price, now));
            }
        }
        checkPortfolio();
    }

    /** Arms the portfolio stop again after it fired. */
    public void rearmPortfolioStop()
    {
        portfolioStopArmed = true;
    }

    /** The current stop price of a position, fixed-point; {@link FixedPointMath#NONE} when not watched. */
    public long stopPrice(final String id)
    {
        final Position position = byId.get(id);
        return position == null ? FixedPointMath.NONE : position.stopPrice;
    }

    /** The unrealized P&amp;L of the watched positions at their last prices, fixed-point notional. */
    public long unrealizedPnl()
    {
        long pnl = 0;
        for (final Position position : byId.values())
        {
            pnl += FixedPointMath.signedNotional(position.quantity, position.lastPrice) -
                FixedPointMath.signedNotional(position.quantity, position.entryPrice);
        }
        return pnl;
    }

    public int size()
    {
        return byId.size();
    }

    private void checkPortfolio()
    {
        if (portfolioLossLimit == 0 || !portfolioStopArmed)
        {
            return;
        }
        final long loss = -unrealizedPnl();
        if (loss >= portfolioLossLimit)
        {
            portfolioStopArmed = false;
            listener.onPortfolioStop(new PortfolioStopTrigger(loss, portfolioLossLimit, clock.nanoTime()));
        }
    }

    private static void trail(final Position position, final long price)
    {
        final boolean better = position.isLong() ? price > position.extreme : price < position.extreme;
        if (better)
        {
            position.extreme = price;
            final long moved = stopFrom(price, position.distancePpm, position.isLong());
            position.stopPrice = position.isLong() ? Math.max(position.stopPrice, moved) :
                Math.min(position.stopPrice, moved);
        }
    }

    private void add(final Position position)
    {
        if (byId.containsKey(position.id))
        {
            throw new IllegalArgumentException("position " + position.id + " already has a stop");
        }
        byId.put(position.id, position);
        bySymbol.computeIfAbsent(position.symbol, s -> new ArrayList<>()).add(position);
    }

    /** Below the price for a long, rounded down; above for a short, rounded up. */
    private static long stopFrom(final long price, final long ppm, final boolean isLong)
    {
        // the distance rounded up: floor(p(1 - f)) = p - ceil(p f) and ceil(p(1 + f)) = p + ceil(p f)
        final long exactPart = ((price % PPM) * ppm) % PPM;
        final long distance = mulDiv(price, ppm, PPM) + (exactPart == 0 ? 0 : 1);
        return isLong ? price - distance : price + distance;
    }

    private static long validEntry(final long quantity, final long entryPrice)
    {
        if (quantity == 0)
        {
            throw new IllegalArgumentException("quantity must not be zero (positive long, negative short)");
        }
        requirePositive("entry price", entryPrice);
        return entryPrice;
    }

    private static long ppm(final double fraction)
    {
        if (!(fraction > 0 && fraction < 1))
        {
            throw new IllegalArgumentException("stop distance must be above 0 and below 1, was " + fraction);
        }
        return Math.round(fraction * PPM);
    }

    private static void requirePositive(final String name, final long price)
    {
        if (price <= 0)
        {
            throw new IllegalArgumentException(name + " must be positive, was " + price);
        }
    }
}

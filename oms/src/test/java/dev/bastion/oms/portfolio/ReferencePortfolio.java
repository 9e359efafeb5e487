package dev.bastion.oms.portfolio;

import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The portfolio as plainly as it can be written: lists of lots, BigDecimal arithmetic, a set of every
 * fill id seen, realized P&amp;L summed piece by piece. It rounds at the places the specification
 * names (a lot's notional, a fill's notional, the pieces of a fill that closes several lots), so
 * {@link Portfolio}, which computes the same numbers another way, must agree with it exactly.
 */
final class ReferencePortfolio
{
    private static final BigDecimal QTY_SCALE = BigDecimal.valueOf(FixedPoint.QTY_SCALE);

    record Trade(long fillId, String account, String symbol, long signedQty, long price, long closedQty,
        long realizedPnl, long transactTimeNanos, long positionQtyAfter)
    {
    }

    static final class Position
    {
        /** Each lot: {sequence, open quantity (magnitude), price}. */
        final Deque<long[]> lots = new ArrayDeque<>();
        int direction;
        long realized;
        long lastFillId;
        long nextSequence;

        long quantity()
        {
            long sum = 0;
            for (final long[] lot : lots)
            {
                sum += lot[1];
            }
            return direction * sum;
        }

        long costBasis()
        {
            long sum = 0;
            for (final long[] lot : lots)
            {
                sum += notional(lot[1], lot[2]);
            }
            return direction * sum;
        }
    }

    private final Map<String, Long> initialCash = new HashMap<>();
    private final Map<String, Long> cash = new HashMap<>();
    private final Map<String, Map<String, Position>> positions = new HashMap<>();
    private final Map<String, Long> marks = new HashMap<>();
    private final Set<Long> seenFillIds = new HashSet<>();
    private final Map<Long, Trade> trades = new TreeMap<>();
    private long duplicates;

    void openAccount(final String account, final long money)
    {
        initialCash.putIfAbsent(account, money);
        cash.putIfAbsent(account, money);
        positions.putIfAbsent(account, new TreeMap<>());
    }

    /** qty * price / QTY_SCALE, rounded half away from zero to whole money units. */
    static long notional(final long qty, final long price)
    {
        return BigDecimal.valueOf(qty).multiply(BigDecimal.valueOf(price))
            .divide(QTY_SCALE, 0, RoundingMode.HALF_UP).longValueExact();
    }

    FillOutcome apply(
        final long fillId, final String account, final String symbol, final Side side, final long qty,
        final long price, final long time)
    {
        if (!seenFillIds.add(fillId))
        {
            duplicates++;
            return FillOutcome.DUPLICATE;
        }
        final int sign = side == Side.BUY || side == Side.BUY_MINUS ? 1 : -1;
        final Position position = positions.get(account).computeIfAbsent(symbol, s -> new Position());
        final long fillMoney = notional(qty, price);
        cash.merge(account, -sign * fillMoney, Long::sum);

        long remaining = qty;
        long closed = 0;
        long realized = 0;
        if (position.direction != 0 && position.direction != sign)
        {
            // Close the oldest lots first. The fill's money is split into pieces that add up to it.
            while (remaining > 0 && !position.lots.isEmpty())
            {
                final long[] lot = position.lots.peekFirst();
                final long take = Math.min(lot[1], remaining);
                final long proceeds = notional(closed + take, price) - notional(closed, price);
                final long cost = notional(lot[1], lot[2]) - notional(lot[1] - take, lot[2]);
                realized += position.direction > 0 ? proceeds - cost : cost - proceeds;
                lot[1] -= take;
                if (lot[1] == 0)
                {
                    position.lots.removeFirst();
                }
                remaining -= take;
                closed += take;
            }
            if (position.lots.isEmpty())
            {
                position.direction = 0;
            }
        }
        if (remaining > 0)
        {
            // What the rest of the fill cost or brought in, against the basis the new lot carries.
            final long piece = fillMoney - notional(closed, price);
            final long basis = notional(remaining, price);
            realized += sign > 0 ? basis - piece : piece - basis;
            position.lots.addLast(new long[] {position.nextSequence++, remaining, price});
            position.direction = sign;
        }
        position.realized += realized;
        position.lastFillId = fillId;
        if (closed > 0)
        {
            trades.put(fillId, new Trade(fillId, account, symbol, sign * qty, price, closed, realized, time,
                position.quantity()));
        }
        return FillOutcome.APPLIED;
    }

    void mark(final String symbol, final long price)
    {
        marks.put(symbol, price);
    }

    long duplicates()
    {
        return duplicates;
    }

    long cash(final String account)
    {
        return cash.get(account);
    }

    long initialCash(final String account)
    {
        return initialCash.get(account);
    }

    Map<String, Position> positions(final String account)
    {
        return positions.get(account);
    }

    List<Lot> lots(final String account, final String symbol)
    {
        final Position position = positions.get(account).get(symbol);
        final List<Lot> lots = new ArrayList<>();
        if (position != null)
        {
            for (final long[] lot : position.lots)
            {
                lots.add(new Lot(lot[0], position.direction * lot[1], lot[2]));
            }
        }
        return lots;
    }

    long averageEntryPrice(final Position position)
    {
        final long qty = position.quantity();
        if (qty == 0)
        {
            return 0;
        }
        return BigDecimal.valueOf(Math.abs(position.costBasis())).multiply(QTY_SCALE)
            .divide(BigDecimal.valueOf(Math.abs(qty)), 0, RoundingMode.HALF_UP).longValueExact();
    }

    long marketValue(final String symbol, final Position position)
    {
        final Long mark = marks.get(symbol);
        return mark == null ? position.costBasis() : notional(position.quantity(), mark);
    }

    long unrealizedPnl(final String account)
    {
        long sum = 0;
        for (final Map.Entry<String, Position> entry : positions.get(account).entrySet())
        {
            sum += marketValue(entry.getKey(), entry.getValue()) - entry.getValue().costBasis();
        }
        return sum;
    }

    long realizedPnl(final String account)
    {
        long sum = 0;
        for (final Position position : positions.get(account).values())
        {
            sum += position.realized;
        }
        return sum;
    }

    long portfolioValue(final String account)
    {
        long sum = cash.get(account);
        for (final Map.Entry<String, Position> entry : positions.get(account).entrySet())
        {
            sum += marketValue(entry.getKey(), entry.getValue());
        }
        return sum;
    }

    long grossExposure(final String account)
    {
        long sum = 0;
        for (final Map.Entry<String, Position> entry : positions.get(account).entrySet())
        {
            sum += Math.abs(marketValue(entry.getKey(), entry.getValue()));
        }
        return sum;
    }

    List<Trade> trades(final String account)
    {
        final List<Trade> result = new ArrayList<>();
        for (final Trade trade : trades.values())
        {
            if (trade.account().equals(account))
            {
                result.add(trade);
            }
        }
        return result;
    }
}

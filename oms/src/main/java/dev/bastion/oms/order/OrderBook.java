package dev.bastion.oms.order;

import org.agrona.collections.Long2ObjectHashMap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every order by each of its ids: (client session, ClOrdID), Bastion OrderID, and venue ClOrdID.
 * A ClOrdID, once used by a session for any request, stays used: FIX requires them unique.
 */
public final class OrderBook
{
    private final Long2ObjectHashMap<Order> byOrderId = new Long2ObjectHashMap<>();
    private final Map<String, Order> byClientKey = new HashMap<>();
    private final Map<String, Order> byVenueClOrdId = new HashMap<>();
    private final Set<String> usedClOrdIds = new HashSet<>();

    /** @return false when the session has used this ClOrdID before. */
    boolean claimClOrdId(final long sessionId, final String clOrdId)
    {
        return usedClOrdIds.add(clientKey(sessionId, clOrdId));
    }

    void add(final Order order)
    {
        byOrderId.put(order.orderId, order);
        byClientKey.put(clientKey(order.sessionId, order.clOrdId), order);
    }

    /** Another ClOrdID the client may name the order by (after a replace or cancel). */
    void aliasClOrdId(final Order order, final String clOrdId)
    {
        byClientKey.put(clientKey(order.sessionId, clOrdId), order);
    }

    void aliasVenueClOrdId(final Order order, final String venueClOrdId)
    {
        byVenueClOrdId.put(venueClOrdId, order);
    }

    public Order byOrderId(final long orderId)
    {
        return byOrderId.get(orderId);
    }

    public Order byClOrdId(final long sessionId, final String clOrdId)
    {
        return clOrdId == null ? null : byClientKey.get(clientKey(sessionId, clOrdId));
    }

    public Order byVenueClOrdId(final String venueClOrdId)
    {
        return venueClOrdId == null ? null : byVenueClOrdId.get(venueClOrdId);
    }

    /** The session's orders that can still fill, optionally for one symbol, in OrderID order. */
    public List<Order> openOrders(final long sessionId, final String symbol)
    {
        final List<Order> open = new ArrayList<>();
        byOrderId.values().forEach(order ->
        {
            if (order.sessionId == sessionId && !order.isDone() && (symbol == null || symbol.equals(order.symbol)))
            {
                open.add(order);
            }
        });
        open.sort((a, b) -> Long.compare(a.orderId, b.orderId));
        return open;
    }

    /** Every order that can still fill, in OrderID order (for the kill switch; not the order path). */
    public List<Order> allOpenOrders()
    {
        final List<Order> open = new ArrayList<>();
        byOrderId.values().forEach(order ->
        {
            if (!order.isDone())
            {
                open.add(order);
            }
        });
        open.sort((a, b) -> Long.compare(a.orderId, b.orderId));
        return open;
    }

    /** The orders sent to a venue that can still fill there, in OrderID order. */
    public List<Order> openOrdersAt(final String venue)
    {
        final List<Order> open = new ArrayList<>();
        byOrderId.values().forEach(order ->
        {
            if (venue.equals(order.venue) && order.venueClOrdId != null && !order.isDone())
            {
                open.add(order);
            }
        });
        open.sort((a, b) -> Long.compare(a.orderId, b.orderId));
        return open;
    }

    public int size()
    {
        return byOrderId.size();
    }

    private static String clientKey(final long sessionId, final String clOrdId)
    {
        return sessionId + "\u0001" + clOrdId;
    }
}

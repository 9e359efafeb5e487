package dev.bastion.oms.pipeline;

import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.api.TimeInForce;
import dev.bastion.oms.order.Order;
import dev.bastion.oms.order.PendingChange;
import dev.bastion.oms.venue.VenueAdapter;
import dev.bastion.oms.venue.VenueOrder;

import java.util.HashMap;
import java.util.Map;

/** Sends what the state machine decides to the venue each order was routed to. */
final class VenueRequests
{
    private final Map<String, VenueAdapter> venues = new HashMap<>();

    VenueRequests(final Iterable<VenueAdapter> adapters)
    {
        for (final VenueAdapter adapter : adapters)
        {
            venues.put(adapter.venueName(), adapter);
        }
    }

    boolean knows(final String venue)
    {
        return venue != null && venues.containsKey(venue);
    }

    Iterable<VenueAdapter> adapters()
    {
        return venues.values();
    }

    /** The order as the venue will see it now. */
    static VenueOrder venueOrder(final Order order)
    {
        return venueOrder(order, order.venueClOrdId(), order.ordType(), order.timeInForce(), order.orderQty(),
            order.price(), order.stopPrice(), order.expireTimeNanos());
    }

    private static VenueOrder venueOrder(
        final Order order, final String venueClOrdId, final OrdType ordType, final TimeInForce timeInForce,
        final long qty, final long price, final long stopPrice, final long expireTimeNanos)
    {
        final boolean priced = ordType == OrdType.LIMIT || ordType == OrdType.STOP_LIMIT;
        final boolean stopped = ordType == OrdType.STOP || ordType == OrdType.STOP_LIMIT;
        return new VenueOrder(venueClOrdId, order.orderId(), order.symbol(), order.side(), ordType, timeInForce, qty,
            priced ? price : FixedPoint.NONE, stopped ? stopPrice : FixedPoint.NONE, order.account(),
            timeInForce == TimeInForce.GOOD_TILL_DATE ? expireTimeNanos : VenueOrder.NO_TIME);
    }

    void send(final Order order)
    {
        venues.get(order.venue()).send(venueOrder(order));
    }

    void cancel(final Order order, final PendingChange cancel)
    {
        venues.get(order.venue()).cancel(cancel.venueClOrdId(), order.venueClOrdId(), venueOrder(order));
    }

    /** The whole order as it should stand after the replace: new quantity, prices, type and time in force. */
    void replace(final Order order, final PendingChange replace)
    {
        venues.get(order.venue()).replace(replace.venueClOrdId(), order.venueClOrdId(),
            venueOrder(order, replace.venueClOrdId(), replace.newOrdType(), replace.newTimeInForce(), replace.newQty(),
                replace.newPrice(), replace.newStopPrice(), replace.newExpireTimeNanos()));
    }

    void requestStatus(final Order order)
    {
        venues.get(order.venue()).requestStatus(venueOrder(order));
    }
}

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
        return venues.containsKey(venue);
    }

    Iterable<VenueAdapter> adapters()
    {
        return venues.values();
    }

    /** The order as the venue will see it; throws IllegalArgumentException for inconsistent terms. */
    static VenueOrder venueOrder(final Order order, final String venueClOrdId, final long qty, final long price)
    {
        final boolean priced = order.ordType() == OrdType.LIMIT || order.ordType() == OrdType.STOP_LIMIT;
        final boolean stopped = order.ordType() == OrdType.STOP || order.ordType() == OrdType.STOP_LIMIT;
        return new VenueOrder(venueClOrdId, order.orderId(), order.symbol(), order.side(), order.ordType(),
            order.timeInForce(), qty, priced ? price : FixedPoint.NONE, stopped ? order.stopPrice() : FixedPoint.NONE,
            order.account(), order.timeInForce() == TimeInForce.GOOD_TILL_DATE ? order.expireTimeNanos() :
            VenueOrder.NO_TIME);
    }

    void send(final Order order)
    {
        venues.get(order.venue()).send(venueOrder(order, order.venueClOrdId(), order.orderQty(), order.price()));
    }

    void cancel(final Order order, final PendingChange cancel)
    {
        venues.get(order.venue()).cancel(cancel.venueClOrdId(), order.venueClOrdId(),
            venueOrder(order, order.venueClOrdId(), order.orderQty(), order.price()));
    }

    void replace(final Order order, final PendingChange replace)
    {
        venues.get(order.venue()).replace(replace.venueClOrdId(), order.venueClOrdId(),
            venueOrder(order, replace.venueClOrdId(), replace.newQty(), replace.newPrice()));
    }
}

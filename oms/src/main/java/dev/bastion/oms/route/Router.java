package dev.bastion.oms.route;

import dev.bastion.oms.order.Order;

/**
 * The routing stage: which venue a new order goes to. Today a {@link RoutingTable}; the smart
 * router (venue scoring, circuit breakers) answers the same question with more to go on.
 */
@FunctionalInterface
public interface Router
{
    /**
     * @param exDestination ExDestination (100) from the client, or null.
     * @return the venue's name, or null when no venue can take the order.
     */
    String venueFor(Order order, String exDestination);
}

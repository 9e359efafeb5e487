package dev.bastion.oms.route;

import dev.bastion.oms.order.Order;

import java.util.Map;
import java.util.Objects;

/**
 * Which venue an order goes to: the client's ExDestination (100) when it names one, else the venue
 * of the order's symbol, else the default venue.
 */
public final class RoutingTable implements Router
{
    private final String defaultVenue;
    private final Map<String, String> venueBySymbol;

    public RoutingTable(final String defaultVenue, final Map<String, String> venueBySymbol)
    {
        this.defaultVenue = Objects.requireNonNull(defaultVenue, "defaultVenue");
        this.venueBySymbol = Map.copyOf(venueBySymbol);
    }

    @Override
    public String venueFor(final Order order, final String exDestination)
    {
        return venueFor(order.symbol(), exDestination);
    }

    /** @param exDestination ExDestination (100) from the client, honoured when not empty. */
    public String venueFor(final String symbol, final String exDestination)
    {
        if (exDestination != null && !exDestination.isEmpty())
        {
            return exDestination;
        }
        return venueBySymbol.getOrDefault(symbol, defaultVenue);
    }

    public String defaultVenue()
    {
        return defaultVenue;
    }

    /** Every venue the table can name. */
    public Map<String, String> venueBySymbol()
    {
        return venueBySymbol;
    }
}

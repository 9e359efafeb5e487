package dev.bastion.oms.route;

import java.util.Map;
import java.util.Objects;

/**
 * Which venue an order goes to: by symbol, else the default venue. The smart router (venue
 * scoring, circuit breakers) will sit behind the same question.
 */
public final class RoutingTable
{
    private final String defaultVenue;
    private final Map<String, String> venueBySymbol;

    public RoutingTable(final String defaultVenue, final Map<String, String> venueBySymbol)
    {
        this.defaultVenue = Objects.requireNonNull(defaultVenue, "defaultVenue");
        this.venueBySymbol = Map.copyOf(venueBySymbol);
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
}

package dev.bastion.gateway.config;

import dev.bastion.oms.pipeline.OmsConfiguration;
import dev.bastion.oms.pipeline.WaitStrategyChoice;
import dev.bastion.oms.route.RoutingTable;
import dev.bastion.oms.venue.fix.FixVenues;
import dev.bastion.oms.venue.fix.VenueDefinition;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * What {@code bastion.yaml} says about the order flow behind the gateway: the OMS pipeline
 * ({@code oms:}), its risk checks and Kelly sizing ({@code risk:}), the venues it connects to
 * ({@code venues:}) and how orders are routed to them ({@code routing:}). Read and checked by
 * {@link ConfigurationLoader}; {@link #omsConfiguration} builds a fresh {@link OmsConfiguration} from
 * it, for the venues given (the demo puts its own data directories and ports in).
 *
 * @param risk applies the {@code risk:} section to an OMS configuration (limits, accounts,
 *             restricted symbols, sectors, tick sizes, reference prices, Kelly, capital).
 */
public record OrderFlowConfiguration(
    int ringSize,
    WaitStrategyChoice waitStrategy,
    Duration timerInterval,
    int doneOrdersRemembered,
    Consumer<OmsConfiguration> risk,
    List<VenueDefinition> venues,
    RoutingTable routing)
{
    public OrderFlowConfiguration
    {
        venues = List.copyOf(venues);
    }

    /** True when the file configures venues and routing, so orders have somewhere to go. */
    public boolean hasVenues()
    {
        return !venues.isEmpty() && routing != null;
    }

    /**
     * A new, not yet concluded, OMS configuration with these settings and these venues' FIX adapters.
     *
     * @throws dev.bastion.oms.venue.fix.VenueConfigurationException when a venue's settings file is wrong.
     */
    public OmsConfiguration omsConfiguration(final List<VenueDefinition> venueDefinitions)
    {
        final OmsConfiguration configuration = new OmsConfiguration()
            .ringSize(ringSize)
            .waitStrategy(waitStrategy)
            .timerInterval(timerInterval)
            .doneOrdersRemembered(doneOrdersRemembered)
            .venues(FixVenues.adapters(venueDefinitions));
        if (routing != null)
        {
            configuration.router(routing);
        }
        risk.accept(configuration);
        return configuration;
    }
}

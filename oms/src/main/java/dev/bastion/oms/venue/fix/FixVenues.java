package dev.bastion.oms.venue.fix;

import dev.bastion.oms.venue.VenueAdapter;
import dev.bastion.oms.venue.VenueListener;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the FIX venue adapters for {@link dev.bastion.oms.pipeline.OrderPipeline}:
 * <pre>{@code
 * new OrderPipeline(replies, FixVenues.adapters(definitions), routing, preTrade, sizer, wait, ringSize)
 * }</pre>
 * Every settings file is read and checked here, before the pipeline exists, so a bad venue
 * configuration stops the start with its file and key named.
 */
public final class FixVenues
{
    private FixVenues()
    {
    }

    /**
     * @throws VenueConfigurationException for a settings file that is wrong, or two venues sharing a
     *                                     name, a data directory or a FIX session.
     */
    public static Function<VenueListener, List<VenueAdapter>> adapters(final List<VenueDefinition> definitions)
    {
        final Map<String, FixVenueSettings> settingsByVenue = new LinkedHashMap<>();
        final Set<Path> dataDirectories = new HashSet<>();
        final Map<String, String> venueBySession = new LinkedHashMap<>();
        for (final VenueDefinition definition : definitions)
        {
            final String source = definition.settingsFile().toString();
            if (settingsByVenue.containsKey(definition.name()))
            {
                throw new VenueConfigurationException(source, null, "venue " + definition.name() + " is defined twice");
            }
            if (!dataDirectories.add(definition.dataDirectory().toAbsolutePath().normalize()))
            {
                throw new VenueConfigurationException(source, null, "venue " + definition.name() +
                    " shares its data directory " + definition.dataDirectory() + " with another venue");
            }
            final FixVenueSettings settings =
                FixVenueSettings.load(definition.settingsFile(), definition.dataDirectory());
            final String other = venueBySession.putIfAbsent(settings.sessionId().toString(), definition.name());
            if (other != null)
            {
                throw new VenueConfigurationException(source, "[SESSION]", "session " + settings.sessionId() +
                    " is also venue " + other + "'s; QuickFIX/J runs one session per SessionID");
            }
            settingsByVenue.put(definition.name(), settings);
        }
        return listener ->
        {
            final List<VenueAdapter> adapters = new ArrayList<>(settingsByVenue.size());
            settingsByVenue.forEach((name, settings) -> adapters.add(new FixVenueAdapter(name, settings, listener)));
            return adapters;
        };
    }
}

package dev.bastion.oms.venue.fix;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One FIX venue as the gateway's configuration names it.
 *
 * @param name          the venue name the OMS routes by (RoutingTable, ExDestination).
 * @param settingsFile  the venue's QuickFIX/J settings file (one initiator {@code [SESSION]}).
 * @param dataDirectory where its sequence numbers, sent messages (FileStore) and message log live;
 *                      keep it across restarts so a restart resends by sequence number.
 */
public record VenueDefinition(String name, Path settingsFile, Path dataDirectory)
{
    public VenueDefinition
    {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(settingsFile, "settingsFile");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (name.isBlank())
        {
            throw new IllegalArgumentException("venue name is blank");
        }
    }
}

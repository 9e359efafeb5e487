package dev.bastion.oms.venue.sim;

import dev.bastion.oms.venue.fix.FixVersion;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of one {@link VenueSimulator}: where it listens, who may log on, what it trades
 * and how it fills. Set what differs from the defaults, then {@link #conclude()} once; the
 * simulator reads only concluded values.
 *
 * <p>Defaults: 127.0.0.1, a free port chosen at start, CompIDs {@code SIM} (the venue) and
 * {@code BASTION} (the client) on one FIX 4.4 and one FIX 4.2 session, seed 1, no ticks unless
 * stepped, sequence numbers in memory.
 */
public final class VenueSimulatorConfiguration
{
    public static final String DEFAULT_SENDER_COMP_ID = "SIM";
    public static final String DEFAULT_TARGET_COMP_ID = "BASTION";

    private String host = "127.0.0.1";
    private int port;
    private String senderCompId = DEFAULT_SENDER_COMP_ID;
    private String targetCompId = DEFAULT_TARGET_COMP_ID;
    private final List<FixVersion> versions = new ArrayList<>();
    private long seed = 1;
    private final Map<String, SimulatedInstrument> instruments = new LinkedHashMap<>();
    private Duration tickInterval = Duration.ZERO;
    private boolean immediateFill;
    private Path storeDirectory;
    private InstantSource clock = InstantSource.system();
    private LocalTime endOfDay;
    private String idPrefix;
    private SimulatorListener listener = SimulatorListener.NONE;
    private boolean concluded;

    public VenueSimulatorConfiguration host(final String host)
    {
        this.host = host;
        return this;
    }

    /** The port to listen on; 0 picks a free one, see {@link VenueSimulator#port()}. */
    public VenueSimulatorConfiguration port(final int port)
    {
        this.port = port;
        return this;
    }

    /** The simulator's CompID (SenderCompID on what it sends). */
    public VenueSimulatorConfiguration senderCompId(final String senderCompId)
    {
        this.senderCompId = senderCompId;
        return this;
    }

    /** The CompID the client logs on with. */
    public VenueSimulatorConfiguration targetCompId(final String targetCompId)
    {
        this.targetCompId = targetCompId;
        return this;
    }

    /** Adds a session for this FIX version; without any, FIX 4.4 and FIX 4.2 both listen. */
    public VenueSimulatorConfiguration version(final FixVersion version)
    {
        versions.add(Objects.requireNonNull(version, "version"));
        return this;
    }

    /** Seed of every price path: the same seed and steps give the same prices and volumes. */
    public VenueSimulatorConfiguration seed(final long seed)
    {
        this.seed = seed;
        return this;
    }

    public VenueSimulatorConfiguration instrument(final SimulatedInstrument instrument)
    {
        if (instruments.putIfAbsent(instrument.symbol(), instrument) != null)
        {
            throw new IllegalArgumentException("instrument " + instrument.symbol() + " is configured twice");
        }
        return this;
    }

    /** How often the price path steps on its own; zero (the default) steps only when told to. */
    public VenueSimulatorConfiguration tickInterval(final Duration tickInterval)
    {
        this.tickInterval = tickInterval;
        return this;
    }

    /** Load-test mode: every accepted order fills in full at once, whatever its terms. */
    public VenueSimulatorConfiguration immediateFill(final boolean immediateFill)
    {
        this.immediateFill = immediateFill;
        return this;
    }

    /** Keep session sequence numbers and sent messages in QuickFIX/J FileStores here; null keeps them in memory. */
    public VenueSimulatorConfiguration storeDirectory(final Path storeDirectory)
    {
        this.storeDirectory = storeDirectory;
        return this;
    }

    /** The simulated time GTD expiry, end of day and TransactTime read. */
    public VenueSimulatorConfiguration clock(final InstantSource clock)
    {
        this.clock = clock;
        return this;
    }

    /** UTC time of day at which a step expires the Day orders; null: only {@link VenueSimulator#endOfDay()} does. */
    public VenueSimulatorConfiguration endOfDay(final LocalTime endOfDay)
    {
        this.endOfDay = endOfDay;
        return this;
    }

    /** Prefix of OrderIDs and ExecIDs; by default one per start, so ids never repeat across restarts. */
    public VenueSimulatorConfiguration idPrefix(final String idPrefix)
    {
        this.idPrefix = idPrefix;
        return this;
    }

    public VenueSimulatorConfiguration listener(final SimulatorListener listener)
    {
        this.listener = listener;
        return this;
    }

    /**
     * Checks every setting and fills the defaults.
     *
     * @throws IllegalArgumentException naming the setting that is wrong.
     */
    public VenueSimulatorConfiguration conclude()
    {
        if (concluded)
        {
            return this;
        }
        requireText(host, "host");
        requireText(senderCompId, "senderCompId");
        requireText(targetCompId, "targetCompId");
        if (port < 0 || port > 65_535)
        {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535: " + port);
        }
        if (senderCompId.equals(targetCompId))
        {
            throw new IllegalArgumentException("senderCompId and targetCompId are both " + senderCompId);
        }
        if (instruments.isEmpty())
        {
            throw new IllegalArgumentException("no instruments: the simulator needs at least one symbol to trade");
        }
        Objects.requireNonNull(tickInterval, "tickInterval");
        if (tickInterval.isNegative())
        {
            throw new IllegalArgumentException("tickInterval is negative: " + tickInterval);
        }
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(listener, "listener");
        if (versions.isEmpty())
        {
            versions.add(FixVersion.FIX44);
            versions.add(FixVersion.FIX42);
        }
        if (versions.stream().distinct().count() != versions.size())
        {
            throw new IllegalArgumentException("a FIX version is configured twice: " + versions);
        }
        if (idPrefix == null)
        {
            idPrefix = Long.toString(clock.millis(), 36).toUpperCase(Locale.ROOT) + "-";
        }
        concluded = true;
        return this;
    }

    private static void requireText(final String value, final String name)
    {
        if (value == null || value.isBlank())
        {
            throw new IllegalArgumentException(name + " is empty");
        }
    }

    void requireConcluded()
    {
        if (!concluded)
        {
            throw new IllegalStateException("call conclude() before starting the simulator");
        }
    }

    public String host()
    {
        return host;
    }

    public int port()
    {
        return port;
    }

    public String senderCompId()
    {
        return senderCompId;
    }

    public String targetCompId()
    {
        return targetCompId;
    }

    public List<FixVersion> versions()
    {
        return List.copyOf(versions);
    }

    public long seed()
    {
        return seed;
    }

    public Map<String, SimulatedInstrument> instruments()
    {
        return Map.copyOf(instruments);
    }

    /** The instruments in the order they were configured. */
    public List<SimulatedInstrument> instrumentList()
    {
        return List.copyOf(instruments.values());
    }

    public Duration tickInterval()
    {
        return tickInterval;
    }

    public boolean immediateFill()
    {
        return immediateFill;
    }

    public Path storeDirectory()
    {
        return storeDirectory;
    }

    public InstantSource clock()
    {
        return clock;
    }

    public LocalTime endOfDay()
    {
        return endOfDay;
    }

    public String idPrefix()
    {
        return idPrefix;
    }

    public SimulatorListener listener()
    {
        return listener;
    }
}

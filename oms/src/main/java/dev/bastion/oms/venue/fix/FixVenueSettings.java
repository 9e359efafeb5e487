package dev.bastion.oms.venue.fix;

import quickfix.ConfigError;
import quickfix.DataDictionary;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Properties;

/**
 * A broker's QuickFIX/J settings file, checked and completed for a {@link FixVenueAdapter}: the
 * broker's FIX team writes the format they know ({@code [DEFAULT]} and one initiator
 * {@code [SESSION]}), and every mistake found here stops the start with the file and key named.
 *
 * <p>Filled in when absent: {@code ConnectionType=initiator}, {@code HeartBtInt=30},
 * {@code ReconnectInterval=5}, {@code NonStopSession=Y} (unless a schedule is given),
 * {@code UseDataDictionary=Y} with Bastion's dictionary for the BeginString, {@code FileStorePath}
 * and {@code FileLogPath} under the venue's data directory. A relative {@code DataDictionary}
 * path is read beside the settings file when it is there, else from the classpath.
 */
public final class FixVenueSettings
{
    public static final String CONNECTION_TYPE = "ConnectionType";
    public static final String BEGIN_STRING = "BeginString";
    public static final String SENDER_COMP_ID = "SenderCompID";
    public static final String TARGET_COMP_ID = "TargetCompID";
    public static final String SOCKET_CONNECT_HOST = "SocketConnectHost";
    public static final String SOCKET_CONNECT_PORT = "SocketConnectPort";
    public static final String HEART_BT_INT = "HeartBtInt";
    public static final String RECONNECT_INTERVAL = "ReconnectInterval";
    public static final String USE_DATA_DICTIONARY = "UseDataDictionary";
    public static final String DATA_DICTIONARY = "DataDictionary";
    public static final String FILE_STORE_PATH = "FileStorePath";
    public static final String FILE_LOG_PATH = "FileLogPath";
    public static final String PERSIST_MESSAGES = "PersistMessages";
    public static final String NON_STOP_SESSION = "NonStopSession";
    public static final String START_TIME = "StartTime";
    public static final String END_TIME = "EndTime";

    private static final String[] YES_NO_KEYS = {
        USE_DATA_DICTIONARY, PERSIST_MESSAGES, NON_STOP_SESSION, "ResetOnLogon", "ResetOnLogout", "ResetOnDisconnect",
        "ValidateUserDefinedFields", "ValidateFieldsOutOfOrder", "ValidateFieldsHaveValues", "CheckLatency",
        "ValidateSequenceNumbers", "SocketUseSSL", "RefreshOnLogon"};

    private final String source;
    private final SessionSettings settings;
    private final SessionID sessionId;
    private final FixVersion version;

    private FixVenueSettings(
        final String source, final SessionSettings settings, final SessionID sessionId, final FixVersion version)
    {
        this.source = source;
        this.settings = settings;
        this.sessionId = sessionId;
        this.version = version;
    }

    /**
     * Reads and checks a settings file.
     *
     * @param dataDirectory the venue's data directory (FileStore and FileLog defaults).
     * @throws VenueConfigurationException naming the file and the key at fault.
     */
    public static FixVenueSettings load(final Path settingsFile, final Path dataDirectory)
    {
        final String source = settingsFile.toString();
        final byte[] content;
        try
        {
            content = Files.readAllBytes(settingsFile);
        }
        catch (final IOException ex)
        {
            throw new VenueConfigurationException(source, null, "cannot read the settings file (" + ex + ")", ex);
        }
        final Path base = settingsFile.toAbsolutePath().getParent();
        return parse(new ByteArrayInputStream(content), source, base, dataDirectory);
    }

    /** Checks settings given as text; {@code source} names them in error messages. */
    public static FixVenueSettings parse(final String text, final String source, final Path dataDirectory)
    {
        return parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), source, null, dataDirectory);
    }

    private static FixVenueSettings parse(
        final InputStream content, final String source, final Path base, final Path dataDirectory)
    {
        final SessionSettings settings;
        try
        {
            settings = new SessionSettings(content);
        }
        catch (final ConfigError ex)
        {
            throw new VenueConfigurationException(source, null, "not a QuickFIX/J settings file: " + ex.getMessage(),
                ex);
        }

        int sessions = 0;
        SessionID parsedId = null;
        for (final Iterator<SessionID> it = settings.sectionIterator(); it.hasNext(); )
        {
            parsedId = it.next();
            sessions++;
        }
        if (sessions != 1)
        {
            throw new VenueConfigurationException(source, "[SESSION]",
                "a venue has exactly one initiator session; found " + sessions);
        }
        final Properties session = sessionProperties(settings, parsedId, source);

        final String beginString = required(session, BEGIN_STRING, source);
        final FixVersion version = FixVersion.fromBeginString(beginString);
        if (version == null)
        {
            throw new VenueConfigurationException(source, BEGIN_STRING,
                "'" + beginString + "' is not supported; use FIX.4.2 or FIX.4.4");
        }
        required(session, SENDER_COMP_ID, source);
        required(session, TARGET_COMP_ID, source);
        final SessionID sessionId = parsedId;

        final String connectionType = session.getProperty(CONNECTION_TYPE);
        if (connectionType == null)
        {
            settings.setString(sessionId, CONNECTION_TYPE, "initiator");
        }
        else if (!"initiator".equals(connectionType.trim()))
        {
            throw new VenueConfigurationException(source, CONNECTION_TYPE,
                "'" + connectionType + "': Bastion connects to venues, so it must be initiator");
        }
        required(session, SOCKET_CONNECT_HOST, source);
        integer(session, SOCKET_CONNECT_PORT, source, 1, 65_535, true);
        defaultInteger(settings, sessionId, session, HEART_BT_INT, source, 1, 3_600, 30);
        defaultInteger(settings, sessionId, session, RECONNECT_INTERVAL, source, 1, 86_400, 5);
        for (final String key : YES_NO_KEYS)
        {
            yesNo(session, key, source);
        }
        if ("N".equalsIgnoreCase(trimmed(session, PERSIST_MESSAGES)))
        {
            throw new VenueConfigurationException(source, PERSIST_MESSAGES,
                "N would answer a resend request for orders with gap fills, losing them; remove it");
        }
        if (session.getProperty(START_TIME) == null && session.getProperty(END_TIME) == null &&
            session.getProperty(NON_STOP_SESSION) == null)
        {
            settings.setString(sessionId, NON_STOP_SESSION, "Y");
        }
        else if (!"Y".equalsIgnoreCase(trimmed(session, NON_STOP_SESSION)))
        {
            required(session, START_TIME, source);
            required(session, END_TIME, source);
        }

        if (!"N".equalsIgnoreCase(trimmed(session, USE_DATA_DICTIONARY)))
        {
            settings.setString(sessionId, USE_DATA_DICTIONARY, "Y");
            settings.setString(sessionId, DATA_DICTIONARY, dictionary(session, version, base, source));
        }
        final Path data = dataDirectory.toAbsolutePath();
        if (session.getProperty(FILE_STORE_PATH) == null)
        {
            settings.setString(sessionId, FILE_STORE_PATH, data.resolve("store").toString());
        }
        if (session.getProperty(FILE_LOG_PATH) == null)
        {
            settings.setString(sessionId, FILE_LOG_PATH, data.resolve("log").toString());
        }
        if (session.getProperty("FileIncludeMilliseconds") == null)
        {
            settings.setString(sessionId, "FileIncludeMilliseconds", "Y");
        }
        return new FixVenueSettings(source, settings, sessionId, version);
    }

    private static Properties sessionProperties(final SessionSettings settings, final SessionID id, final String source)
    {
        try
        {
            return settings.getSessionProperties(id, true);
        }
        catch (final ConfigError ex)
        {
            throw new VenueConfigurationException(source, "[SESSION]", ex.getMessage(), ex);
        }
    }

    private static String dictionary(
        final Properties session, final FixVersion version, final Path base, final String source)
    {
        final String configured = trimmed(session, DATA_DICTIONARY);
        if (configured == null || configured.isEmpty())
        {
            return version.dictionary();
        }
        String location = configured;
        if (base != null && !Path.of(configured).isAbsolute() && Files.isRegularFile(base.resolve(configured)))
        {
            location = base.resolve(configured).toString();
        }
        try
        {
            new DataDictionary(location);
        }
        catch (final ConfigError | RuntimeException ex)
        {
            throw new VenueConfigurationException(source, DATA_DICTIONARY,
                "cannot load '" + configured + "' (as a file or from the classpath): " + ex.getMessage(), ex);
        }
        return location;
    }

    private static String required(final Properties session, final String key, final String source)
    {
        final String value = trimmed(session, key);
        if (value == null || value.isEmpty())
        {
            throw new VenueConfigurationException(source, key, "missing; the [SESSION] or [DEFAULT] must set it");
        }
        return value;
    }

    private static Integer integer(
        final Properties session, final String key, final String source, final int min, final int max,
        final boolean required)
    {
        final String value = required ? required(session, key, source) : trimmed(session, key);
        if (value == null)
        {
            return null;
        }
        try
        {
            final int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max)
            {
                return parsed;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // reported below with the range
        }
        throw new VenueConfigurationException(source, key, "'" + value + "' is not a whole number from " + min +
            " to " + max);
    }

    private static void defaultInteger(
        final SessionSettings settings, final SessionID sessionId, final Properties session, final String key,
        final String source, final int min, final int max, final int defaultValue)
    {
        if (integer(session, key, source, min, max, false) == null)
        {
            settings.setLong(sessionId, key, defaultValue);
        }
    }

    private static void yesNo(final Properties session, final String key, final String source)
    {
        final String value = trimmed(session, key);
        if (value != null && !value.toUpperCase(Locale.ROOT).matches("Y|N"))
        {
            throw new VenueConfigurationException(source, key, "'" + value + "' must be Y or N");
        }
    }

    private static String trimmed(final Properties session, final String key)
    {
        final String value = session.getProperty(key);
        return value == null ? null : value.trim();
    }

    /** The settings file or the name the settings text was given. */
    public String source()
    {
        return source;
    }

    /** QuickFIX/J's settings, completed; for the initiator only. */
    public SessionSettings sessionSettings()
    {
        return settings;
    }

    public SessionID sessionId()
    {
        return sessionId;
    }

    public FixVersion version()
    {
        return version;
    }

    /** A setting of the session (or the defaults), or null. */
    public String get(final String key)
    {
        try
        {
            return settings.isSetting(sessionId, key) ? settings.getString(sessionId, key) : null;
        }
        catch (final ConfigError ex)
        {
            return null;
        }
    }
}

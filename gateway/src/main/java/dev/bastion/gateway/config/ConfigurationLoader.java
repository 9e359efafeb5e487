package dev.bastion.gateway.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads {@code bastion.yaml} into a concluded {@link GatewayConfiguration}. Relative paths in the
 * file are resolved against the working directory, as QuickFIX resolves its FileStorePath.
 * Sessions may sit in the file itself ({@code sessions:}) or in another file it names
 * ({@code sessionsFile:}, relative to the naming file).
 */
public final class ConfigurationLoader
{
    private static final Set<String> TOP_LEVEL_KEYS = Set.of(
        "gateway", "complianceLog", "sessions", "sessionsFile", "oms", "risk", "venues", "routing", "admin",
        ReconciliationConfigurationReader.SECTION);
    private static final Set<String> ADMIN_KEYS = Set.of("host", "port", "token", "tokenEnv");
    private static final Set<String> GATEWAY_KEYS =
        Set.of("host", "port", "dataDirectory", "sendingTimeWindowMs", "maxMessageLength");
    private static final Set<String> COMPLIANCE_KEYS = Set.of("directory", "flushIntervalMs");
    private static final Set<String> SESSION_KEYS = Set.of(
        "senderCompId", "targetCompId", "fixVersion", "username", "password", "passwordEnv",
        "heartbeatIntervalSeconds", "throttle", "resetSeqNumOnLogon", "cancelOnDisconnect", "dropCopy");
    private static final Set<String> THROTTLE_KEYS = Set.of("messages", "windowMs");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /** The gateway's part of the file; the order-flow sections are read and checked too. */
    public GatewayConfiguration load(final Path file)
    {
        return loadAll(file).gateway();
    }

    /**
     * Everything the file configures: the gateway (concluded) and the order flow behind it.
     *
     * @throws ConfigurationException naming the file and the key.
     * @throws dev.bastion.oms.venue.fix.VenueConfigurationException naming a venue's settings file and key.
     */
    public BastionConfiguration loadAll(final Path file)
    {
        final ConfigNode root = read(file);
        root.rejectUnknownKeys(TOP_LEVEL_KEYS);
        final GatewayConfiguration configuration = new GatewayConfiguration();

        final ConfigNode gateway = root.section("gateway");
        if (gateway != null)
        {
            gateway.rejectUnknownKeys(GATEWAY_KEYS);
            configuration
                .host(gateway.string("host", GatewayConfiguration.DEFAULT_HOST))
                .port(gateway.integer("port", GatewayConfiguration.DEFAULT_PORT))
                .dataDirectory(Path.of(gateway.string("dataDirectory", "data")))
                .sendingTimeWindowMs(
                    gateway.longInteger("sendingTimeWindowMs", GatewayConfiguration.DEFAULT_SENDING_TIME_WINDOW_MS))
                .maxMessageLength(gateway.integer("maxMessageLength", GatewayConfiguration.DEFAULT_MAX_MESSAGE_LENGTH));
        }

        final ConfigNode compliance = root.section("complianceLog");
        if (compliance != null)
        {
            compliance.rejectUnknownKeys(COMPLIANCE_KEYS);
            final String directory = compliance.string("directory", null);
            if (directory != null)
            {
                configuration.complianceLogDirectory(Path.of(directory));
            }
            configuration.complianceFlushIntervalMs(compliance.longInteger("flushIntervalMs", 0));
        }

        final ConfigNode admin = root.section("admin");
        if (admin != null)
        {
            admin.rejectUnknownKeys(ADMIN_KEYS);
            configuration.admin(new AdminConfiguration(admin.string("host", "127.0.0.1"), admin.integer("port", 0),
                secret(admin, "token", "tokenEnv")));
        }

        if (root.has("sessions") && root.has("sessionsFile"))
        {
            throw root.error("sessionsFile", "give sessions either inline (sessions:) or in a file, not both");
        }
        ConfigNode sessionsSource = root;
        if (root.has("sessionsFile"))
        {
            final Path sessionsFile = resolveSibling(file, root.requiredString("sessionsFile"));
            sessionsSource = read(sessionsFile);
            sessionsSource.rejectUnknownKeys(Set.of("sessions"));
        }
        for (final ConfigNode session : sessionsSource.sections("sessions"))
        {
            configuration.addSession(session(session));
        }

        final OrderFlowConfiguration orderFlow = OrderFlowConfigurationReader.read(root, file);
        try
        {
            return new BastionConfiguration(configuration.conclude(), orderFlow);
        }
        catch (final ConfigurationException ex)
        {
            throw new ConfigurationException(file + ": " + ex.getMessage(), ex);
        }
    }

    private static ClientSessionConfiguration session(final ConfigNode node)
    {
        node.rejectUnknownKeys(SESSION_KEYS);
        final String senderCompId = node.requiredString("senderCompId");
        final String targetCompId = node.requiredString("targetCompId");
        final FixVersion fixVersion;
        try
        {
            fixVersion = FixVersion.fromBeginString(node.requiredString("fixVersion"));
        }
        catch (final IllegalArgumentException ex)
        {
            throw node.error("fixVersion", ex.getMessage());
        }

        final String password = password(node);
        final String username = node.string("username", null);
        final int heartbeat = node.integer("heartbeatIntervalSeconds", 0);
        if (heartbeat < 0)
        {
            throw node.error("heartbeatIntervalSeconds", "must not be negative");
        }

        ThrottleConfiguration throttle = null;
        final ConfigNode throttleNode = node.section("throttle");
        if (throttleNode != null)
        {
            throttleNode.rejectUnknownKeys(THROTTLE_KEYS);
            final int messages = throttleNode.integer("messages", 0);
            final int windowMs = throttleNode.integer("windowMs", 1_000);
            if (messages < 1)
            {
                throw throttleNode.error("messages", "required, at least 1");
            }
            if (windowMs < 1)
            {
                throw throttleNode.error("windowMs", "must be at least 1");
            }
            throttle = new ThrottleConfiguration(messages, windowMs);
        }

        return new ClientSessionConfiguration(
            senderCompId, targetCompId, fixVersion, username, password, heartbeat, throttle,
            node.bool("resetSeqNumOnLogon", false), node.bool("cancelOnDisconnect", false),
            node.bool("dropCopy", false));
    }

    private static String password(final ConfigNode node)
    {
        return secret(node, "password", "passwordEnv");
    }

    /** A secret given in the file ({@code key}) or in an environment variable the file names ({@code envKey}). */
    private static String secret(final ConfigNode node, final String key, final String envKey)
    {
        if (node.has(key) && node.has(envKey))
        {
            throw node.error(envKey, "give either " + key + " or " + envKey + ", not both");
        }
        if (node.has(envKey))
        {
            final String variable = node.requiredString(envKey);
            final String value = System.getenv(variable);
            if (value == null || value.isEmpty())
            {
                throw node.error(envKey, "environment variable " + variable + " is not set");
            }
            return value;
        }
        return node.string(key, null);
    }

    private ConfigNode read(final Path file)
    {
        try
        {
            final JsonNode tree = yaml.readTree(Files.readString(file));
            if (tree == null || tree.isMissingNode() || tree.isNull())
            {
                throw new ConfigurationException(file + ": the file is empty");
            }
            if (!tree.isObject())
            {
                throw new ConfigurationException(file + ": expected key: value pairs at the top level");
            }
            return new ConfigNode(file, "", tree);
        }
        catch (final NoSuchFileException ex)
        {
            throw new ConfigurationException(file + ": no such file");
        }
        catch (final JsonProcessingException ex)
        {
            throw new ConfigurationException(file + ": not valid YAML at line " +
                ex.getLocation().getLineNr() + ": " + ex.getOriginalMessage());
        }
        catch (final IOException ex)
        {
            throw new ConfigurationException(file + ": cannot read: " + ex.getMessage(), ex);
        }
    }

    private static Path resolveSibling(final Path file, final String name)
    {
        final Path path = Path.of(name);
        if (path.isAbsolute())
        {
            return path;
        }
        final Path parent = file.toAbsolutePath().getParent();
        return parent == null ? path : parent.resolve(path);
    }
}

package dev.bastion.gateway.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Settings of the client-facing gateway, with defaults. Fill it with the fluent setters (or
 * {@link ConfigurationLoader}), then call {@link #conclude()} once: it validates and derives the
 * directories. Components receive a concluded configuration and never read files or properties.
 */
public final class GatewayConfiguration
{
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 9880;
    public static final long DEFAULT_SENDING_TIME_WINDOW_MS = 120_000;
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = 8 * 1024;

    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private Path dataDirectory = Path.of("data");
    private Path complianceLogDirectory;
    private long complianceFlushIntervalMs;
    private long sendingTimeWindowMs = DEFAULT_SENDING_TIME_WINDOW_MS;
    private int maxMessageLength = DEFAULT_MAX_MESSAGE_LENGTH;
    private final List<ClientSessionConfiguration> sessions = new ArrayList<>();
    private AdminConfiguration admin = AdminConfiguration.OFF;
    private boolean concluded;

    public GatewayConfiguration host(final String host)
    {
        this.host = host;
        return this;
    }

    public GatewayConfiguration port(final int port)
    {
        this.port = port;
        return this;
    }

    public GatewayConfiguration dataDirectory(final Path dataDirectory)
    {
        this.dataDirectory = dataDirectory;
        return this;
    }

    /** Where the compliance log goes; defaults to {@code <dataDirectory>/compliance}. */
    public GatewayConfiguration complianceLogDirectory(final Path complianceLogDirectory)
    {
        this.complianceLogDirectory = complianceLogDirectory;
        return this;
    }

    /** How far a message's SendingTime (52) may be from the gateway's clock before it is rejected. */
    public GatewayConfiguration sendingTimeWindowMs(final long sendingTimeWindowMs)
    {
        this.sendingTimeWindowMs = sendingTimeWindowMs;
        return this;
    }

    /** Longest inbound message accepted, in bytes; longer ones are refused at the socket. */
    public GatewayConfiguration maxMessageLength(final int maxMessageLength)
    {
        this.maxMessageLength = maxMessageLength;
        return this;
    }

    public GatewayConfiguration addSession(final ClientSessionConfiguration session)
    {
        sessions.add(session);
        return this;
    }

    /** The admin HTTP endpoint (kill switch, trading states); off by default. */
    public GatewayConfiguration admin(final AdminConfiguration admin)
    {
        this.admin = admin;
        return this;
    }

    public AdminConfiguration admin()
    {
        return admin;
    }

    public GatewayConfiguration conclude()
    {
        if (concluded)
        {
            return this;
        }
        if (host == null || host.isBlank())
        {
            throw new ConfigurationException("gateway.host: must not be empty");
        }
        // Not 0: Artio does not tell which ephemeral port it bound, and clients need to know it.
        if (port < 1 || port > 65_535)
        {
            throw new ConfigurationException("gateway.port: must be 1..65535, was " + port);
        }
        if (sendingTimeWindowMs < 1_000)
        {
            throw new ConfigurationException(
                "gateway.sendingTimeWindowMs: must be at least 1000, was " + sendingTimeWindowMs);
        }
        if (maxMessageLength < 256)
        {
            throw new ConfigurationException(
                "gateway.maxMessageLength: must be at least 256, was " + maxMessageLength);
        }
        if (complianceFlushIntervalMs < 0)
        {
            throw new ConfigurationException(
                "complianceLog.flushIntervalMs: must be 0 or more, was " + complianceFlushIntervalMs);
        }
        admin.validate();
        final Set<String> seen = new HashSet<>();
        for (int i = 0; i < sessions.size(); i++)
        {
            final ClientSessionConfiguration session = sessions.get(i);
            final String identity = session.senderCompId() + "/" + session.targetCompId();
            if (!seen.add(identity))
            {
                throw new ConfigurationException("sessions[" + i + "]: duplicate session " + identity);
            }
        }
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        if (complianceLogDirectory == null)
        {
            complianceLogDirectory = dataDirectory.resolve("compliance");
        }
        complianceLogDirectory = complianceLogDirectory.toAbsolutePath().normalize();
        concluded = true;
        return this;
    }

    public String host()
    {
        return host;
    }

    public int port()
    {
        return port;
    }

    public Path dataDirectory()
    {
        return dataDirectory;
    }

    /**
     * How long a compliance record may wait in memory before it is written to the file; 0 (the
     * default) writes each batch as soon as the messages in it have been read. A crash loses no
     * record either way: the next start replays them from Artio's archive.
     */
    public GatewayConfiguration complianceFlushIntervalMs(final long complianceFlushIntervalMs)
    {
        this.complianceFlushIntervalMs = complianceFlushIntervalMs;
        return this;
    }

    public long complianceFlushIntervalMs()
    {
        return complianceFlushIntervalMs;
    }

    public Path complianceLogDirectory()
    {
        return complianceLogDirectory;
    }

    /** Artio's session state: sequence numbers and indexes. */
    public Path artioDirectory()
    {
        return dataDirectory.resolve("artio");
    }

    /** Aeron archive: every message in and out, the source of resends. */
    public Path archiveDirectory()
    {
        return dataDirectory.resolve("archive");
    }

    /** Aeron's own files: one directory per process so that gateways never share a driver. */
    public Path aeronDirectory()
    {
        return dataDirectory.resolve("aeron");
    }

    public long sendingTimeWindowMs()
    {
        return sendingTimeWindowMs;
    }

    public int maxMessageLength()
    {
        return maxMessageLength;
    }

    public List<ClientSessionConfiguration> sessions()
    {
        return List.copyOf(sessions);
    }
}

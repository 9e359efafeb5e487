package dev.bastion.bench.load;

import java.time.Duration;

/**
 * Settings of one {@link FixLoadClient}: where to connect, how to log on, and the order it sends.
 * Fluent setters with defaults; {@link #conclude()} checks them once before the client starts.
 */
public final class LoadClientConfiguration
{
    private String host = "127.0.0.1";
    private int port;
    private String senderCompId = "BENCH";
    private String targetCompId;
    private String username;
    private String password;
    private int heartbeatSeconds = 30;
    private String account = "BENCH";
    private String symbol = "AAPL";
    private long priceCents = 19_000;
    private Duration logonTimeout = Duration.ofSeconds(30);
    private Duration drainTimeout = Duration.ofSeconds(10);

    public LoadClientConfiguration host(final String host)
    {
        this.host = host;
        return this;
    }

    public LoadClientConfiguration port(final int port)
    {
        this.port = port;
        return this;
    }

    /** The generator's CompID: SenderCompID (49) of what it sends. */
    public LoadClientConfiguration senderCompId(final String senderCompId)
    {
        this.senderCompId = senderCompId;
        return this;
    }

    /** The target's CompID: TargetCompID (56) of what the generator sends. */
    public LoadClientConfiguration targetCompId(final String targetCompId)
    {
        this.targetCompId = targetCompId;
        return this;
    }

    /** Username (553) and Password (554) of the Logon; null for none. */
    public LoadClientConfiguration credentials(final String username, final String password)
    {
        this.username = username;
        this.password = password;
        return this;
    }

    public LoadClientConfiguration heartbeatSeconds(final int heartbeatSeconds)
    {
        this.heartbeatSeconds = heartbeatSeconds;
        return this;
    }

    /**
     * The orders sent: Account (1), Symbol (55), and the middle of their limit prices in cents (the
     * {@link NewOrderSingleTemplate} steps them through ±5.00).
     */
    public LoadClientConfiguration order(final String account, final String symbol, final long priceCents)
    {
        this.account = account;
        this.symbol = symbol;
        this.priceCents = priceCents;
        return this;
    }

    public LoadClientConfiguration logonTimeout(final Duration logonTimeout)
    {
        this.logonTimeout = logonTimeout;
        return this;
    }

    /** How long after its last order a phase waits for the answers still due before it counts them lost. */
    public LoadClientConfiguration drainTimeout(final Duration drainTimeout)
    {
        this.drainTimeout = drainTimeout;
        return this;
    }

    public LoadClientConfiguration conclude()
    {
        if (port <= 0 || port > 65_535)
        {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        if (targetCompId == null || targetCompId.isEmpty() || senderCompId == null || senderCompId.isEmpty())
        {
            throw new IllegalArgumentException("senderCompId and targetCompId are required");
        }
        if (heartbeatSeconds < 1)
        {
            throw new IllegalArgumentException("heartbeatSeconds must be at least 1, was " + heartbeatSeconds);
        }
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

    public String senderCompId()
    {
        return senderCompId;
    }

    public String targetCompId()
    {
        return targetCompId;
    }

    public String username()
    {
        return username;
    }

    public String password()
    {
        return password;
    }

    public int heartbeatSeconds()
    {
        return heartbeatSeconds;
    }

    public String account()
    {
        return account;
    }

    public String symbol()
    {
        return symbol;
    }

    public long priceCents()
    {
        return priceCents;
    }

    public Duration logonTimeout()
    {
        return logonTimeout;
    }

    public Duration drainTimeout()
    {
        return drainTimeout;
    }
}

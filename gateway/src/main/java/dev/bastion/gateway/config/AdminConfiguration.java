package dev.bastion.gateway.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The admin HTTP endpoint of a running Bastion (the kill switch, trading states).
 *
 * @param host  a loopback address: the endpoint has no TLS, so it is not offered to the network.
 * @param port  0: no endpoint.
 * @param token when not null, every request must carry {@code Authorization: Bearer <token>}.
 */
public record AdminConfiguration(String host, int port, String token)
{
    public static final AdminConfiguration OFF = new AdminConfiguration("127.0.0.1", 0, null);

    public boolean enabled()
    {
        return port != 0;
    }

    /** @throws ConfigurationException naming the key. */
    void validate()
    {
        if (port < 0 || port > 65_535)
        {
            throw new ConfigurationException("admin.port: must be 0..65535 (0: no admin endpoint), was " + port);
        }
        if (host == null || host.isBlank())
        {
            throw new ConfigurationException("admin.host: must not be empty");
        }
        try
        {
            if (!InetAddress.getByName(host).isLoopbackAddress())
            {
                throw new ConfigurationException("admin.host: must be a loopback address (127.0.0.1): the admin " +
                    "endpoint has no TLS, was " + host);
            }
        }
        catch (final UnknownHostException ex)
        {
            throw new ConfigurationException("admin.host: unknown host " + host);
        }
        if (token != null && token.isBlank())
        {
            throw new ConfigurationException("admin.token: must not be empty when given");
        }
    }

    @Override
    public String toString()
    {
        return "Admin[" + host + ":" + port + ", token=" + (token == null ? "none" : "****") + "]";
    }
}

package dev.bastion.gateway.session;

import dev.bastion.gateway.config.ClientSessionConfiguration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured client sessions, looked up by the CompIDs of an inbound message: the client's
 * SenderCompID (49) and the gateway's CompID it addressed (56).
 */
public final class ClientSessionRegistry
{
    private final Map<String, ClientSessionConfiguration> byCompIds = new HashMap<>();

    public ClientSessionRegistry(final List<ClientSessionConfiguration> sessions)
    {
        for (final ClientSessionConfiguration session : sessions)
        {
            byCompIds.put(key(session.targetCompId(), session.senderCompId()), session);
        }
    }

    /**
     * @param clientCompId  SenderCompID (49) of the inbound message.
     * @param gatewayCompId TargetCompID (56) of the inbound message.
     * @return the session, or null when none is configured for this pair.
     */
    public ClientSessionConfiguration find(final String clientCompId, final String gatewayCompId)
    {
        return byCompIds.get(key(clientCompId, gatewayCompId));
    }

    public boolean knowsClient(final String clientCompId)
    {
        for (final ClientSessionConfiguration session : byCompIds.values())
        {
            if (session.targetCompId().equals(clientCompId))
            {
                return true;
            }
        }
        return false;
    }

    public boolean knowsGatewayCompId(final String gatewayCompId)
    {
        for (final ClientSessionConfiguration session : byCompIds.values())
        {
            if (session.senderCompId().equals(gatewayCompId))
            {
                return true;
            }
        }
        return false;
    }

    private static String key(final String clientCompId, final String gatewayCompId)
    {
        return clientCompId + '\u0001' + gatewayCompId;
    }
}

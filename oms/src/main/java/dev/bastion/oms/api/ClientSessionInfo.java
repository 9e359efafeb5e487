package dev.bastion.oms.api;

/**
 * A client session as the OMS sees it.
 *
 * @param sessionId     stable id of the session (survives reconnects and restarts).
 * @param beginString   FIX version, e.g. {@code FIX.4.4}.
 * @param gatewayCompId the gateway's CompID on this session.
 * @param clientCompId  the client's CompID.
 */
public record ClientSessionInfo(long sessionId, String beginString, String gatewayCompId, String clientCompId)
{
    @Override
    public String toString()
    {
        return beginString + ":" + gatewayCompId + "->" + clientCompId + "#" + sessionId;
    }
}

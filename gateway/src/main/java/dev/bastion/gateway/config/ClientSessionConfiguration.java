package dev.bastion.gateway.config;

import java.util.Objects;

/**
 * One client FIX session the gateway accepts, named from the gateway's side as QuickFIX users know
 * it: {@code senderCompId} is the gateway's CompID, {@code targetCompId} the client's.
 *
 * @param senderCompId             CompID the gateway uses (the client's TargetCompID, 56).
 * @param targetCompId             CompID of the client (the client's SenderCompID, 49).
 * @param fixVersion               BeginString the client must use.
 * @param username                 Username (553) the Logon must carry, or null when none is required.
 * @param password                 Password (554) the Logon must carry, or null when none is required.
 * @param heartbeatIntervalSeconds HeartBtInt (108) the Logon must ask for, or 0 to accept the client's.
 * @param throttle                 inbound rate limit, or null for none.
 * @param resetSeqNumOnLogon       true: both sides start at 1 on every logon (nothing survives a
 *                                 reconnect); false: sequence numbers persist across logons and restarts.
 */
public record ClientSessionConfiguration(
    String senderCompId,
    String targetCompId,
    FixVersion fixVersion,
    String username,
    String password,
    int heartbeatIntervalSeconds,
    ThrottleConfiguration throttle,
    boolean resetSeqNumOnLogon)
{
    public ClientSessionConfiguration
    {
        Objects.requireNonNull(senderCompId, "senderCompId");
        Objects.requireNonNull(targetCompId, "targetCompId");
        Objects.requireNonNull(fixVersion, "fixVersion");
        if (heartbeatIntervalSeconds < 0)
        {
            throw new IllegalArgumentException("heartbeatIntervalSeconds must not be negative");
        }
    }

    public boolean requiresCredentials()
    {
        return username != null || password != null;
    }

    /** A stable, readable key: {@code FIX.4.4:BASTION->CLIENT1}. */
    public String sessionKey()
    {
        return fixVersion.beginString() + ":" + senderCompId + "->" + targetCompId;
    }

    @Override
    public String toString()
    {
        // never print the password
        return "ClientSession[" + sessionKey() + ", username=" + username +
            ", password=" + (password == null ? "none" : "****") +
            ", heartbeatIntervalSeconds=" + heartbeatIntervalSeconds + ", throttle=" + throttle +
            ", resetSeqNumOnLogon=" + resetSeqNumOnLogon + "]";
    }
}

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
 * @param cancelOnDisconnect       true: when the session disconnects (logout or lost connection) its
 *                                 open orders are canceled at the venues; false: they keep working.
 * @param dropCopy                 true: a drop-copy session, which receives a copy of every
 *                                 ExecutionReport sent to any client session and may not send orders.
 */
public record ClientSessionConfiguration(
    String senderCompId,
    String targetCompId,
    FixVersion fixVersion,
    String username,
    String password,
    int heartbeatIntervalSeconds,
    ThrottleConfiguration throttle,
    boolean resetSeqNumOnLogon,
    boolean cancelOnDisconnect,
    boolean dropCopy)
{
    /** A trading session without cancel-on-disconnect. */
    public ClientSessionConfiguration(
        final String senderCompId,
        final String targetCompId,
        final FixVersion fixVersion,
        final String username,
        final String password,
        final int heartbeatIntervalSeconds,
        final ThrottleConfiguration throttle,
        final boolean resetSeqNumOnLogon)
    {
        this(senderCompId, targetCompId, fixVersion, username, password, heartbeatIntervalSeconds, throttle,
            resetSeqNumOnLogon, false, false);
    }

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

    public ClientSessionConfiguration withCancelOnDisconnect(final boolean cancel)
    {
        return new ClientSessionConfiguration(senderCompId, targetCompId, fixVersion, username, password,
            heartbeatIntervalSeconds, throttle, resetSeqNumOnLogon, cancel, dropCopy);
    }

    public ClientSessionConfiguration withDropCopy(final boolean copy)
    {
        return new ClientSessionConfiguration(senderCompId, targetCompId, fixVersion, username, password,
            heartbeatIntervalSeconds, throttle, resetSeqNumOnLogon, cancelOnDisconnect, copy);
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
            ", resetSeqNumOnLogon=" + resetSeqNumOnLogon + ", cancelOnDisconnect=" + cancelOnDisconnect +
            ", dropCopy=" + dropCopy + "]";
    }
}

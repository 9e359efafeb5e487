package dev.bastion.gateway.session;

import dev.bastion.gateway.config.ClientSessionConfiguration;
import dev.bastion.gateway.config.FixVersion;
import org.agrona.collections.Long2ObjectHashMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import uk.co.real_logic.artio.builder.AbstractLogoutEncoder;
import uk.co.real_logic.artio.decoder.AbstractLogonDecoder;
import uk.co.real_logic.artio.decoder.SessionHeaderDecoder;
import uk.co.real_logic.artio.dictionary.FixDictionary;
import uk.co.real_logic.artio.messages.DisconnectReason;
import uk.co.real_logic.artio.validation.AuthenticationProxy;
import uk.co.real_logic.artio.validation.AuthenticationStrategy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Decides every inbound Logon on the engine's thread: the CompID pair must be configured, the
 * BeginString must be the session's, the credentials (553/554) must match when the session has
 * them, and the session must not be logged on already. A refused Logon is answered with a Logout
 * whose Text (58) says why, then the connection is closed.
 */
public final class ClientAuthenticationStrategy implements AuthenticationStrategy
{
    /** Long enough for the Logout to leave the socket before the close. */
    private static final long LOGOUT_LINGER_MS = 100;

    private static final Logger LOG = LogManager.getLogger(ClientAuthenticationStrategy.class);

    private final ClientSessionRegistry registry;
    private final Map<Class<? extends FixDictionary>, FixDictionary> dictionaries = new HashMap<>();
    private final Set<String> loggedOn = new HashSet<>();
    private final Long2ObjectHashMap<String> sessionKeyByConnection = new Long2ObjectHashMap<>();

    public ClientAuthenticationStrategy(final ClientSessionRegistry registry)
    {
        this.registry = registry;
    }

    @Override
    public void authenticateAsync(final AbstractLogonDecoder logon, final AuthenticationProxy proxy)
    {
        final SessionHeaderDecoder header = logon.header();
        final String clientCompId = header.senderCompIDAsString();
        final String gatewayCompId = header.targetCompIDAsString();
        final String beginString = new String(header.beginString(), 0, header.beginStringLength());

        final ClientSessionConfiguration session = registry.find(clientCompId, gatewayCompId);
        final LogonRefusal refusal = check(session, logon, clientCompId, gatewayCompId, beginString);
        if (refusal != null)
        {
            LOG.warn("Refused logon from {} (connection {}): {}", proxy.remoteAddress(), proxy.connectionId(),
                refusal.text());
            final FixDictionary dictionary = dictionaryFor(session, logon);
            final AbstractLogoutEncoder logout = dictionary.makeLogoutEncoder();
            logout.text(refusal.text());
            proxy.reject(logout, LOGOUT_LINGER_MS);
            return;
        }

        loggedOn.add(session.sessionKey());
        sessionKeyByConnection.put(proxy.connectionId(), session.sessionKey());
        LOG.info("Accepted logon of {} from {} (connection {})", session.sessionKey(), proxy.remoteAddress(),
            proxy.connectionId());
        proxy.accept(session.fixVersion().dictionary());
    }

    @Override
    public boolean authenticate(final AbstractLogonDecoder logon)
    {
        // Artio calls authenticateAsync; this synchronous form is never used.
        throw new IllegalStateException("authenticateAsync is the entry point");
    }

    @Override
    public void onDisconnect(final long sessionId, final long connectionId, final DisconnectReason reason)
    {
        final String sessionKey = sessionKeyByConnection.remove(connectionId);
        if (sessionKey != null)
        {
            loggedOn.remove(sessionKey);
            LOG.info("Session {} disconnected (connection {}): {}", sessionKey, connectionId, reason);
        }
    }

    private LogonRefusal check(
        final ClientSessionConfiguration session,
        final AbstractLogonDecoder logon,
        final String clientCompId,
        final String gatewayCompId,
        final String beginString)
    {
        if (session == null)
        {
            return LogonRefusal.unknownSession(clientCompId, gatewayCompId);
        }
        if (!session.fixVersion().beginString().equals(beginString))
        {
            return LogonRefusal.wrongBeginString(beginString, session.fixVersion().beginString());
        }
        if (session.requiresCredentials())
        {
            final boolean hasUsername = logon.supportsUsername() && logon.usernameLength() > 0;
            final boolean hasPassword = logon.supportsPassword() && logon.passwordLength() > 0;
            if ((session.username() != null && !hasUsername) || (session.password() != null && !hasPassword))
            {
                return LogonRefusal.missingCredentials();
            }
            // Evaluate both before deciding, so the answer's timing does not tell which one was wrong.
            final boolean usernameMatches = session.username() == null ||
                constantTimeEquals(session.username(), logon.username(), logon.usernameLength());
            final boolean passwordMatches = session.password() == null ||
                constantTimeEquals(session.password(), logon.password(), logon.passwordLength());
            if (!(usernameMatches & passwordMatches))
            {
                return LogonRefusal.badCredentials();
            }
        }
        if (session.heartbeatIntervalSeconds() > 0 && logon.heartBtInt() != session.heartbeatIntervalSeconds())
        {
            return LogonRefusal.wrongHeartbeat(logon.heartBtInt(), session.heartbeatIntervalSeconds());
        }
        if (loggedOn.contains(session.sessionKey()))
        {
            return LogonRefusal.alreadyLoggedOn(session.sessionKey());
        }
        return null;
    }

    private FixDictionary dictionaryFor(final ClientSessionConfiguration session, final AbstractLogonDecoder logon)
    {
        final Class<? extends FixDictionary> type = session != null ?
            session.fixVersion().dictionary() : dictionaryOfDecoder(logon);
        return dictionaries.computeIfAbsent(type, FixDictionary::of);
    }

    private static Class<? extends FixDictionary> dictionaryOfDecoder(final AbstractLogonDecoder logon)
    {
        // The engine decoded the Logon with the dictionary of its BeginString (or the FIX 4.4 default).
        return logon instanceof dev.bastion.fix.fix42.decoder.LogonDecoder ?
            FixVersion.FIX42.dictionary() : FixVersion.FIX44.dictionary();
    }

    private static boolean constantTimeEquals(final String expected, final char[] actual, final int actualLength)
    {
        final byte[] expectedBytes = expected.getBytes(StandardCharsets.US_ASCII);
        final byte[] actualBytes = new String(actual, 0, actualLength).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expectedBytes, actualBytes);
    }
}

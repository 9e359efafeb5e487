package dev.bastion.gateway.session;

import dev.bastion.gateway.config.ClientSessionConfiguration;
import uk.co.real_logic.artio.decoder.AbstractLogonDecoder;
import uk.co.real_logic.artio.decoder.SessionHeaderDecoder;
import uk.co.real_logic.artio.validation.PersistenceLevel;
import uk.co.real_logic.artio.validation.SessionPersistenceStrategy;

/**
 * Per-session sequence-number persistence. Artio resets sequence numbers at every logon unless
 * told otherwise; a production session must keep them across reconnects and restarts, so
 * persistence is the default and only sessions configured with {@code resetSeqNumOnLogon} start
 * at 1 each time.
 */
public final class ClientPersistenceStrategy implements SessionPersistenceStrategy
{
    private final ClientSessionRegistry registry;

    public ClientPersistenceStrategy(final ClientSessionRegistry registry)
    {
        this.registry = registry;
    }

    @Override
    public PersistenceLevel getPersistenceLevel(final AbstractLogonDecoder logon)
    {
        final SessionHeaderDecoder header = logon.header();
        final ClientSessionConfiguration session =
            registry.find(header.senderCompIDAsString(), header.targetCompIDAsString());
        return session != null && session.resetSeqNumOnLogon() ?
            PersistenceLevel.TRANSIENT_SEQUENCE_NUMBERS : PersistenceLevel.PERSISTENT_SEQUENCE_NUMBERS;
    }
}

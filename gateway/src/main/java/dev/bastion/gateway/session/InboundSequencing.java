package dev.bastion.gateway.session;

import org.agrona.ErrorHandler;
import org.agrona.collections.Long2ObjectHashMap;
import uk.co.real_logic.artio.decoder.SessionHeaderDecoder;
import uk.co.real_logic.artio.library.LibraryConfiguration;
import uk.co.real_logic.artio.session.Session;
import uk.co.real_logic.artio.validation.MessageValidationStrategy;

/**
 * Artio's header-validation hook, used as the point where a client session's
 * {@link InboundSequencer} sees each message before Artio's session logic does (Artio calls it for
 * every message after the Logon, once the header is decoded and the CompIDs checked). It never
 * refuses a message: validation proper stays with Artio and the session handler. Found by the
 * message's CompIDs, without allocating; only the gateway's session thread touches it.
 */
public final class InboundSequencing implements MessageValidationStrategy
{
    private final Long2ObjectHashMap<InboundSequencer> byCompIds = new Long2ObjectHashMap<>();
    private final ErrorHandler errorHandler;
    private LibraryConfiguration library;

    public InboundSequencing(final ErrorHandler errorHandler)
    {
        this.errorHandler = errorHandler;
    }

    /** Installs this as the library's validation hook; the sequencers parse as the library does. */
    public void installIn(final LibraryConfiguration configuration)
    {
        configuration.messageValidationStrategy(this);
        library = configuration;
    }

    /** A sequencer for a session just acquired, found from then on by the session's CompIDs. */
    InboundSequencer open(final Session session)
    {
        final InboundSequencer sequencer = new InboundSequencer(session, this, errorHandler,
            library.validateCompIdsOnEveryMessage(), library.validateTimeStrictly(), library.sessionIdStrategy());
        register(sequencer);
        return sequencer;
    }

    void close(final InboundSequencer sequencer)
    {
        unregister(sequencer);
    }

    private void register(final InboundSequencer sequencer)
    {
        final char[] client = sequencer.clientCompId();
        final char[] gateway = sequencer.gatewayCompId();
        byCompIds.put(key(client, client.length, gateway, gateway.length), sequencer);
    }

    private void unregister(final InboundSequencer sequencer)
    {
        final char[] client = sequencer.clientCompId();
        final char[] gateway = sequencer.gatewayCompId();
        byCompIds.remove(key(client, client.length, gateway, gateway.length), sequencer);
    }

    @Override
    public boolean validate(final SessionHeaderDecoder header)
    {
        final InboundSequencer sequencer = byCompIds.get(key(
            header.senderCompID(), header.senderCompIDLength(), header.targetCompID(), header.targetCompIDLength()));
        if (sequencer != null && sequencer.matches(header))
        {
            sequencer.beforeSessionLogic(header);
        }
        return true;
    }

    @Override
    public int invalidTagId()
    {
        return 0;
    }

    @Override
    public int rejectReason()
    {
        return 0;
    }

    /** 64-bit FNV-1a over both CompIDs; a collision only costs the sequencing of that message. */
    private static long key(final char[] client, final int clientLength, final char[] gateway, final int gatewayLength)
    {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < clientLength; i++)
        {
            hash = (hash ^ client[i]) * 0x100000001b3L;
        }
        hash = (hash ^ 1) * 0x100000001b3L;
        for (int i = 0; i < gatewayLength; i++)
        {
            hash = (hash ^ gateway[i]) * 0x100000001b3L;
        }
        return hash;
    }
}

package dev.bastion.gateway;

import dev.bastion.gateway.config.ClientSessionConfiguration;
import dev.bastion.gateway.config.GatewayConfiguration;
import dev.bastion.gateway.session.ClientSessionCustomisation;
import dev.bastion.gateway.session.ClientSessionHandler;
import dev.bastion.gateway.session.ClientSessionProxy;
import dev.bastion.gateway.session.ClientSessionRegistry;
import dev.bastion.gateway.session.InboundSequencing;
import dev.bastion.gateway.session.OutboundReplies;
import dev.bastion.gateway.session.UnprocessedInboundReplay;
import dev.bastion.oms.api.ClientOrderHandler;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.Agent;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import uk.co.real_logic.artio.library.FixLibrary;
import uk.co.real_logic.artio.library.LibraryConfiguration;
import uk.co.real_logic.artio.library.SessionAcquiredInfo;
import uk.co.real_logic.artio.library.SessionHandler;
import uk.co.real_logic.artio.session.Session;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's session thread: it polls Artio's library (inbound messages, timers, session
 * state) and writes the OMS's queued replies. Every Artio {@link Session} is touched only here.
 */
final class GatewayAgent implements Agent
{
    private static final Logger LOG = LogManager.getLogger(GatewayAgent.class);
    private static final int FRAGMENT_LIMIT = 20;

    private final GatewayConfiguration configuration;
    private final ClientSessionRegistry registry;
    private final String aeronDirectory;
    private final OutboundReplies replies;
    private final ClientOrderHandler orderHandler;
    private final Long2ObjectHashMap<ClientSessionHandler> handlers = new Long2ObjectHashMap<>();
    private final CountDownLatch connected = new CountDownLatch(1);
    private final InboundSequencing sequencing = new InboundSequencing(
        throwable -> LOG.error("Session sequencing error", throwable));
    private FixLibrary library;

    GatewayAgent(
        final GatewayConfiguration configuration,
        final ClientSessionRegistry registry,
        final String aeronDirectory,
        final GatewayWiring wiring)
    {
        this.configuration = configuration;
        this.registry = registry;
        this.aeronDirectory = aeronDirectory;
        this.replies = new OutboundReplies(handlers::get, OutboundReplies.DEFAULT_BACKLOG_LIMIT,
            configuration.dataDirectory().resolve("replies"));
        for (final ClientSessionConfiguration session : configuration.sessions())
        {
            if (session.dropCopy())
            {
                replies.addDropCopy(session.sessionKey());
            }
        }
        this.orderHandler = wiring.orderHandler(replies);
    }

    /**
     * Hands the OMS the client messages Artio received and archived that it had not processed when
     * the last run ended; called before the engine starts and before this agent runs, so this thread
     * may drain the OMS's replies (into the sessions' kept replies) meanwhile.
     *
     * @return the messages replayed.
     */
    int replayUnprocessed(final String channel)
    {
        return new UnprocessedInboundReplay(orderHandler, registry, replies::drain, configuration.maxMessageLength())
            .replay(aeronDirectory, channel);
    }

    @Override
    public void onStart()
    {
        final LibraryConfiguration libraryConfiguration = new LibraryConfiguration()
            .sessionAcquireHandler(this::onSessionAcquired)
            .libraryAeronChannels(List.of(BastionGateway.IPC))
            .libraryName("bastion-gateway");
        libraryConfiguration.sessionCustomisationStrategy(new ClientSessionCustomisation());
        libraryConfiguration.sessionProxyFactory(ClientSessionProxy.FACTORY);
        sequencing.installIn(libraryConfiguration);
        libraryConfiguration.aeronContext().aeronDirectoryName(aeronDirectory);
        libraryConfiguration.monitoringFile(
            configuration.artioDirectory().resolve("library-counters").toString());
        library = FixLibrary.connect(libraryConfiguration);
    }

    @Override
    public int doWork()
    {
        int work = library.poll(FRAGMENT_LIMIT);
        if (connected.getCount() > 0 && library.isConnected())
        {
            connected.countDown();
        }
        work += replies.drain();
        for (final ClientSessionHandler handler : handlers.values())
        {
            work += handler.poll();
        }
        return work;
    }

    private SessionHandler onSessionAcquired(final Session session, final SessionAcquiredInfo info)
    {
        final ClientSessionConfiguration settings =
            registry.find(session.compositeKey().remoteCompId(), session.compositeKey().localCompId());
        if (settings != null && settings.resetSeqNumOnLogon() &&
            (session.lastSentMsgSeqNum() != 0 || session.lastReceivedMsgSeqNum() != 0))
        {
            // Artio's engine can hand over a session that reconnects at once after a logout with the
            // numbers of its previous connection; a reset-on-logon session must start from 1.
            session.lastSentMsgSeqNum(0);
            session.lastReceivedMsgSeqNum(0);
        }
        final ClientSessionHandler handler = new ClientSessionHandler(
            session, sequencing, orderHandler, settings == null ? null : settings.throttle(),
            configuration.maxMessageLength(), handlers::remove);
        if (settings != null)
        {
            handler.cancelOnDisconnect(settings.cancelOnDisconnect()).dropCopy(settings.dropCopy());
            if (settings.dropCopy())
            {
                replies.dropCopyHandler(settings.sessionKey(), handler);
            }
        }
        handlers.put(session.id(), handler);
        LOG.info("Session {} acquired ({}; last received {}, last sent {})",
            session.compositeKey(), session.beginString(), session.lastReceivedMsgSeqNum(),
            session.lastSentMsgSeqNum());
        return handler;
    }

    void awaitConnected(final long timeoutNs)
    {
        try
        {
            if (!connected.await(timeoutNs, TimeUnit.NANOSECONDS))
            {
                throw new IllegalStateException("FIX library did not connect to the engine within " +
                    TimeUnit.NANOSECONDS.toSeconds(timeoutNs) + " s");
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", ex);
        }
    }

    @Override
    public void onClose()
    {
        replies.close();
        if (library != null)
        {
            library.close();
        }
    }

    @Override
    public String roleName()
    {
        return "bastion-gateway";
    }
}

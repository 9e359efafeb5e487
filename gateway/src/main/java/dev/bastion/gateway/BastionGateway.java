package dev.bastion.gateway;

import dev.bastion.gateway.compliance.ComplianceCatchUp;
import dev.bastion.gateway.compliance.ComplianceLogAgent;
import dev.bastion.gateway.compliance.ComplianceMarker;
import dev.bastion.gateway.compliance.ComplianceLogWriter;
import dev.bastion.gateway.config.FixVersion;
import dev.bastion.gateway.config.GatewayConfiguration;
import dev.bastion.gateway.session.ClientAuthenticationStrategy;
import dev.bastion.gateway.session.ClientPersistenceStrategy;
import dev.bastion.gateway.session.ClientSessionCustomisation;
import dev.bastion.gateway.session.ClientSessionRegistry;
import dev.bastion.gateway.transport.MessageAlignedChannelSupplier;
import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.ArchivingMediaDriver;
import io.aeron.archive.client.AeronArchive;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import uk.co.real_logic.artio.engine.EngineConfiguration;
import uk.co.real_logic.artio.engine.FixEngine;
import uk.co.real_logic.artio.engine.LowResourceEngineScheduler;
import uk.co.real_logic.artio.messages.InitialAcceptedSessionOwner;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The client-facing gateway as one unit: an embedded Aeron media driver and archive, Artio's FIX
 * engine listening on the configured port, and the {@link GatewayAgent} that owns every client
 * session. {@link #launch} returns once the port accepts logons; {@link #close} stops everything
 * in reverse order, leaving sequence numbers and the message archive in the data directory.
 */
public final class BastionGateway implements AutoCloseable
{
    /** Aeron's IPC channel: engine, library, archive and compliance logger share one process. */
    static final String IPC = "aeron:ipc";

    private static final Logger LOG = LogManager.getLogger(BastionGateway.class);

    private final GatewayConfiguration configuration;
    private DataDirectoryLock dataDirectoryLock;
    private ArchivingMediaDriver mediaDriver;
    private AgentRunner complianceRunner;
    private FixEngine engine;
    private GatewayAgent agent;
    private AgentRunner agentRunner;

    private BastionGateway(final GatewayConfiguration configuration)
    {
        this.configuration = configuration;
    }

    /**
     * Starts the gateway and returns when it accepts logons.
     *
     * @param configuration concluded settings.
     * @param wiring        what the gateway hands application messages to.
     */
    public static BastionGateway launch(final GatewayConfiguration configuration, final GatewayWiring wiring)
    {
        configuration.conclude();
        final BastionGateway gateway = new BastionGateway(configuration);
        try
        {
            gateway.start(wiring);
            return gateway;
        }
        catch (final RuntimeException ex)
        {
            gateway.close();
            throw ex;
        }
    }

    private void start(final GatewayWiring wiring)
    {
        final long startNs = System.nanoTime();
        mkdirs(configuration.dataDirectory().toFile());
        final String aeronDirectory = configuration.aeronDirectory().toString();

        dataDirectoryLock = DataDirectoryLock.acquire(
            configuration.dataDirectory(), configuration.archiveDirectory(), configuration.artioDirectory());
        mediaDriver = ArchivingMediaDriver.launch(mediaDriverContext(aeronDirectory), archiveContext(aeronDirectory));

        // Catch the compliance log up with the archive, then subscribe before the engine exists, so
        // that no message can pass before the log listens.
        final Path complianceDirectory = configuration.complianceLogDirectory();
        mkdirs(complianceDirectory.toFile());
        final boolean logWithoutMarker = !Files.exists(complianceDirectory.resolve(ComplianceMarker.FILE)) &&
            ComplianceCatchUp.hasLogFiles(complianceDirectory);
        final ComplianceMarker marker = new ComplianceMarker(complianceDirectory);
        ComplianceCatchUp.truncateUnfinished(complianceDirectory, marker);
        final ComplianceLogWriter writer =
            new ComplianceLogWriter(complianceDirectory, marker, configuration.maxMessageLength());
        ComplianceCatchUp.replay(aeronDirectory, IPC, marker, writer, logWithoutMarker);
        final ComplianceLogAgent complianceLog = new ComplianceLogAgent(aeronDirectory, IPC, writer, marker,
            TimeUnit.MILLISECONDS.toNanos(configuration.complianceFlushIntervalMs()));
        complianceRunner = new AgentRunner(
            new SleepingMillisIdleStrategy(1), this::onAgentError, null, complianceLog);
        AgentRunner.startOnThread(complianceRunner);

        final ClientSessionRegistry registry = new ClientSessionRegistry(configuration.sessions());
        agent = new GatewayAgent(configuration, registry, aeronDirectory, wiring);
        // Before the engine listens: what Artio received and the OMS never processed goes to the OMS
        // first, ahead of anything a client sends after its logon.
        final int replayed = agent.replayUnprocessed(IPC);
        engine = FixEngine.launch(engineConfiguration(aeronDirectory, registry));

        agentRunner = new AgentRunner(idleStrategy(), this::onAgentError, null, agent);
        AgentRunner.startOnThread(agentRunner);
        agent.awaitConnected(TimeUnit.SECONDS.toNanos(30));

        LOG.info("Bastion gateway accepting FIX logons on {}:{} ({} sessions, data in {}, {} unprocessed client " +
            "message(s) replayed from the archive) after {} ms",
            configuration.host(), configuration.port(), configuration.sessions().size(),
            configuration.dataDirectory(), replayed, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs));
    }

    private MediaDriver.Context mediaDriverContext(final String aeronDirectory)
    {
        return new MediaDriver.Context()
            .aeronDirectoryName(aeronDirectory)
            // 2 cores here: one shared driver thread that backs off when idle, never a spinning one.
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(idleStrategy())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .warnIfDirectoryExists(false)
            .termBufferSparseFile(true);
    }

    private Archive.Context archiveContext(final String aeronDirectory)
    {
        return new Archive.Context()
            .aeronDirectoryName(aeronDirectory)
            .archiveDir(configuration.archiveDirectory().toFile())
            .deleteArchiveOnStart(false)
            // Only this process talks to the archive: IPC control, no UDP port to collide on.
            .controlChannelEnabled(false)
            .localControlChannel(IPC)
            .archiveClientContext(new AeronArchive.Context()
                .aeronDirectoryName(aeronDirectory)
                .controlResponseChannel(IPC))
            .replicationChannel("aeron:udp?endpoint=127.0.0.1:0")
            .recordingEventsEnabled(false)
            .threadingMode(ArchiveThreadingMode.SHARED)
            .idleStrategySupplier(BastionGateway::idleStrategy);
    }

    private EngineConfiguration engineConfiguration(final String aeronDirectory, final ClientSessionRegistry registry)
    {
        final EngineConfiguration engineConfiguration = new EngineConfiguration()
            .bindTo(configuration.host(), configuration.port())
            .libraryAeronChannel(IPC)
            .logFileDir(configuration.artioDirectory().toString())
            .deleteLogFileDirOnStart(false)
            .scheduler(new LowResourceEngineScheduler())
            .framerIdleStrategy(idleStrategy())
            .initialAcceptedSessionOwner(InitialAcceptedSessionOwner.SOLE_LIBRARY)
            .authenticationStrategy(new ClientAuthenticationStrategy(registry))
            .sessionPersistenceStrategy(new ClientPersistenceStrategy(registry))
            .acceptorfixDictionary(FixVersion.FIX44.dictionary())
            .lookupDefaultAcceptorfixDictionary(false)
            .overrideAcceptorFixDictionary(FixVersion.FIX42.dictionary())
            .overrideAcceptorFixDictionary(FixVersion.FIX44.dictionary())
            .receiverBufferSize(Math.max(configuration.maxMessageLength() * 2, 16 * 1024))
            .channelSupplierFactory(MessageAlignedChannelSupplier::new)
            .sendingTimeWindowInMs(configuration.sendingTimeWindowMs());
        engineConfiguration.sessionCustomisationStrategy(new ClientSessionCustomisation());
        engineConfiguration.monitoringFile(configuration.artioDirectory().resolve("engine-counters").toString());
        engineConfiguration.aeronContext().aeronDirectoryName(aeronDirectory);
        engineConfiguration.aeronArchiveContext()
            .aeronDirectoryName(aeronDirectory)
            .controlRequestChannel(IPC)
            .controlResponseChannel(IPC);
        return engineConfiguration;
    }

    static IdleStrategy idleStrategy()
    {
        // Spin briefly, yield, then park up to 1 ms: ~15-25 % of a core when idle with sessions
        // logged on (NOTES-DEPENDENCIES.md), microseconds of wake-up under load.
        return new BackoffIdleStrategy(10, 20, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(1));
    }

    private void onAgentError(final Throwable throwable)
    {
        LOG.error("Gateway agent error", throwable);
    }

    public GatewayConfiguration configuration()
    {
        return configuration;
    }

    /** The port actually bound (differs from the configured one only when that was 0). */
    public int port()
    {
        return configuration.port();
    }

    @Override
    public void close()
    {
        CloseHelper.quietClose(agentRunner);
        if (agentRunner == null && agent != null)
        {
            // Built, but the start failed before its thread ran: its reply files still need closing.
            agent.onClose();
        }
        CloseHelper.quietClose(engine);
        CloseHelper.quietClose(complianceRunner);
        CloseHelper.quietClose(mediaDriver);
        CloseHelper.quietClose(dataDirectoryLock);
        LOG.info("Bastion gateway stopped");
    }

    private static void mkdirs(final File directory)
    {
        if (!directory.isDirectory() && !directory.mkdirs())
        {
            throw new IllegalStateException("cannot create data directory " + directory);
        }
    }
}

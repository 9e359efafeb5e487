package dev.bastion.oms.venue.sim;

import dev.bastion.oms.api.Side;
import dev.bastion.oms.venue.fix.FixVersion;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.FieldNotFound;
import quickfix.FileStoreFactory;
import quickfix.IncorrectTagValue;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.MessageStoreFactory;
import quickfix.RejectLogon;
import quickfix.RuntimeError;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.UnsupportedMessageType;
import quickfix.field.ClOrdID;
import quickfix.field.MassStatusReqID;
import quickfix.field.MassStatusReqType;
import quickfix.field.MsgType;
import quickfix.field.OrdStatusReqID;
import quickfix.field.OrigClOrdID;
import quickfix.field.Symbol;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A venue for tests, demos and benchmarks: a real FIX acceptor (QuickFIX/J, FIX 4.4 and 4.2
 * sessions on one port) in front of a {@link MatchingEngine} that fills orders against seeded
 * synthetic price paths. Tests step the paths explicitly and steer the venue (rejects, delayed
 * acks, disconnects, busts, corrections, unsolicited cancels); {@link #record()} holds everything
 * it received and sent.
 *
 * <p>Threads: QuickFIX/J's acceptor thread decodes requests and hands them to one engine thread
 * (a scheduled executor, so it sleeps when idle), which owns the books, runs the ticks and the
 * commands, and sends the reports. Requests are handled in arrival order, delayed or not.
 */
public final class VenueSimulator implements AutoCloseable
{
    private static final Logger LOG = LogManager.getLogger(VenueSimulator.class);
    private static final long COMMAND_TIMEOUT_SECONDS = 10;

    private final VenueSimulatorConfiguration configuration;
    private final VenueRecord record = new VenueRecord();
    private final ScheduledThreadPoolExecutor engineThread;
    private final MatchingEngine engine;
    private final Map<String, SessionID> sessionsByName = new HashMap<>();
    private final Map<SessionID, FixVersion> versions = new HashMap<>();
    private final AtomicInteger sessionRejectsLeft = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final SocketAcceptor acceptor;
    private final int port;
    private volatile long ackDelayNanos;
    private volatile boolean refusingLogons;
    private volatile long refuseLogonsUntilNanos = System.nanoTime();
    private long lastDueNanos;

    private VenueSimulator(final VenueSimulatorConfiguration configuration) throws ConfigError
    {
        configuration.requireConcluded();
        this.configuration = configuration;
        engineThread = new ScheduledThreadPoolExecutor(1, runnable ->
        {
            final Thread thread = new Thread(runnable, "venue-sim-engine");
            thread.setDaemon(true);
            return thread;
        });
        engineThread.setRemoveOnCancelPolicy(true);
        engine = new MatchingEngine(configuration, new Output());

        final SessionSettings settings = acceptorSettings(configuration);
        for (final FixVersion version : configuration.versions())
        {
            final SessionID sessionId =
                new SessionID(version.beginString(), configuration.senderCompId(), configuration.targetCompId());
            sessionsByName.put(sessionId.toString(), sessionId);
            versions.put(sessionId, version);
        }
        final MessageStoreFactory store = configuration.storeDirectory() == null ?
            new MemoryStoreFactory() : new FileStoreFactory(settings);
        acceptor = new SocketAcceptor(new SessionCallbacks(), store, settings, new SLF4JLogFactory(settings),
            new quickfix.DefaultMessageFactory());
        try
        {
            acceptor.start();
        }
        catch (final RuntimeError ex)
        {
            engineThread.shutdownNow();
            throw new IllegalStateException("venue simulator cannot listen on " + configuration.host() + ":" +
                configuration.port() + ": " + rootMessage(ex), ex);
        }
        port = boundPort();
        final long tickMillis = configuration.tickInterval().toMillis();
        if (tickMillis > 0)
        {
            engineThread.scheduleWithFixedDelay(() -> guarded(engine::step), tickMillis, tickMillis,
                TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Starts listening.
     *
     * @param configuration concluded settings.
     * @throws IllegalStateException when the port cannot be bound or the settings are refused.
     */
    public static VenueSimulator launch(final VenueSimulatorConfiguration configuration)
    {
        try
        {
            return new VenueSimulator(configuration);
        }
        catch (final ConfigError ex)
        {
            throw new IllegalStateException("venue simulator settings refused: " + ex.getMessage(), ex);
        }
    }

    private static SessionSettings acceptorSettings(final VenueSimulatorConfiguration configuration)
    {
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "acceptor");
        settings.setString("SocketAcceptAddress", configuration.host());
        settings.setLong("SocketAcceptPort", configuration.port());
        settings.setString("NonStopSession", "Y");
        settings.setString("UseDataDictionary", "Y");
        settings.setString("ResetOnLogon", "N");
        settings.setString(SLF4JLogFactory.SETTING_EVENT_CATEGORY, "quickfix.venuesim.event");
        settings.setString(SLF4JLogFactory.SETTING_ERROR_EVENT_CATEGORY, "quickfix.venuesim.error");
        settings.setString(SLF4JLogFactory.SETTING_INMSG_CATEGORY, "quickfix.venuesim.in");
        settings.setString(SLF4JLogFactory.SETTING_OUTMSG_CATEGORY, "quickfix.venuesim.out");
        if (configuration.storeDirectory() != null)
        {
            settings.setString(FileStoreFactory.SETTING_FILE_STORE_PATH, configuration.storeDirectory().toString());
        }
        for (final FixVersion version : configuration.versions())
        {
            final SessionID sessionId =
                new SessionID(version.beginString(), configuration.senderCompId(), configuration.targetCompId());
            settings.setString(sessionId, "BeginString", version.beginString());
            settings.setString(sessionId, "SenderCompID", configuration.senderCompId());
            settings.setString(sessionId, "TargetCompID", configuration.targetCompId());
            settings.setString(sessionId, "DataDictionary", version.dictionary());
        }
        return settings;
    }

    private int boundPort()
    {
        for (final org.apache.mina.core.service.IoAcceptor endpoint : acceptor.getEndpoints())
        {
            final SocketAddress address = endpoint.getLocalAddress();
            if (address instanceof InetSocketAddress)
            {
                return ((InetSocketAddress)address).getPort();
            }
        }
        throw new IllegalStateException("venue simulator has no bound socket");
    }

    /** The port it listens on (the one chosen when configured with 0). */
    public int port()
    {
        return port;
    }

    public String host()
    {
        return configuration.host();
    }

    public VenueRecord record()
    {
        return record;
    }

    /**
     * QuickFIX/J initiator settings that connect to this simulator, for a
     * {@link dev.bastion.oms.venue.fix.FixVenueAdapter} (a file in the broker's own format).
     */
    public String initiatorSettings(
        final FixVersion version, final int heartBtIntSeconds, final int reconnectIntervalSeconds)
    {
        if (!configuration.versions().contains(version))
        {
            throw new IllegalArgumentException("the simulator has no " + version.beginString() + " session");
        }
        return String.join("\n",
            "[DEFAULT]",
            "ConnectionType=initiator",
            "HeartBtInt=" + heartBtIntSeconds,
            "ReconnectInterval=" + reconnectIntervalSeconds,
            "",
            "[SESSION]",
            "BeginString=" + version.beginString(),
            "SenderCompID=" + configuration.targetCompId(),
            "TargetCompID=" + configuration.senderCompId(),
            "SocketConnectHost=" + configuration.host(),
            "SocketConnectPort=" + port,
            "");
    }

    // ---------------------------------------------------------------- the market

    /** Steps every price path once and fills what crosses; returns the new ticks. */
    public List<PriceTick> step()
    {
        return onEngine(engine::step);
    }

    /** Steps one symbol to an exact fixed-point price and volume. */
    public PriceTick step(final String symbol, final long price, final long volume)
    {
        return onEngine(() -> engine.step(symbol, price, volume));
    }

    public PriceTick lastTick(final String symbol)
    {
        return onEngine(() -> engine.lastTick(symbol));
    }

    /** Ends the simulated trading day: every open Day order expires. */
    public void endOfDay()
    {
        onEngine(() ->
        {
            engine.endOfDay();
            return null;
        });
    }

    // ---------------------------------------------------------------- commands

    /** Cancels an open order on the venue's own initiative (ExecType 4 with no cancel request). */
    public void cancelUnsolicited(final String clOrdId, final String text)
    {
        onEngine(() ->
        {
            engine.cancelUnsolicited(clOrdId, text);
            return null;
        });
    }

    /** Ends an open order for the day on the venue's own initiative (ExecType 3, Done for day). */
    public void doneForDay(final String clOrdId, final String text)
    {
        onEngine(() ->
        {
            engine.doneForDay(clOrdId, text);
            return null;
        });
    }

    /** Busts a trade (ExecType H, ExecRefID = {@code execId}); returns the report sent. */
    public SimExecution bust(final String execId)
    {
        return onEngine(() -> engine.bust(execId));
    }

    /** Corrects a trade to a fixed-point quantity and price (ExecType G, ExecRefID = {@code execId}). */
    public SimExecution correct(final String execId, final long qty, final long price)
    {
        return onEngine(() -> engine.correct(execId, qty, price));
    }

    /** Rejects the next {@code count} new orders with this OrdRejReason (FIX 4.4 code) and Text. */
    public void rejectNext(final int count, final int ordRejReason, final String text)
    {
        onEngine(() ->
        {
            engine.rejectNext(count, ordRejReason, text);
            return null;
        });
    }

    /** Rejects every new order for {@code symbol} until {@link #clearRejections()}. */
    public void rejectSymbol(final String symbol, final int ordRejReason, final String text)
    {
        onEngine(() ->
        {
            engine.rejectSymbol(symbol, ordRejReason, text);
            return null;
        });
    }

    public void clearRejections()
    {
        onEngine(() ->
        {
            engine.clearRejections();
            return null;
        });
    }

    /** The next {@code count} new orders fill {@code fraction} of their quantity at once, then the rest is canceled. */
    public void partialFillThenCancel(final int count, final double fraction)
    {
        onEngine(() ->
        {
            engine.partialFillThenCancel(count, fraction);
            return null;
        });
    }

    /** Load-test mode: every accepted order fills in full at once. */
    public void immediateFill(final boolean enabled)
    {
        onEngine(() ->
        {
            engine.immediateFill(enabled);
            return null;
        });
    }

    /** Every request from the sessions is handled (acknowledged) this much later; order is kept. */
    public void delayAcks(final Duration delay)
    {
        if (delay.isNegative())
        {
            throw new IllegalArgumentException("delay is negative: " + delay);
        }
        ackDelayNanos = delay.toNanos();
    }

    /** Answers the next {@code count} application messages with a session-level Reject (3), as a strict venue does. */
    public void sessionRejectNext(final int count)
    {
        sessionRejectsLeft.set(count);
    }

    /** While true, every Logon is answered with a Logout. */
    public void refuseLogons(final boolean refuse)
    {
        refusingLogons = refuse;
    }

    /**
     * Drops every session's connection now, without a Logout, and refuses logons for the given
     * time ({@link Duration#ZERO}: the client may log on again at once).
     */
    public void disconnect(final Duration refuseLogonsFor)
    {
        refuseLogonsUntilNanos = System.nanoTime() + refuseLogonsFor.toNanos();
        for (final SessionID sessionId : versions.keySet())
        {
            final Session session = Session.lookupSession(sessionId);
            if (session != null && session.hasResponder())
            {
                try
                {
                    session.disconnect("Venue simulator: disconnect command", false);
                }
                catch (final IOException ex)
                {
                    LOG.warn("Disconnecting {} failed", sessionId, ex);
                }
            }
        }
    }

    /** @return true when the session of this FIX version is logged on. */
    public boolean isLoggedOn(final FixVersion version)
    {
        for (final Map.Entry<SessionID, FixVersion> entry : versions.entrySet())
        {
            if (entry.getValue() == version)
            {
                final Session session = Session.lookupSession(entry.getKey());
                return session != null && session.isLoggedOn();
            }
        }
        return false;
    }

    /** Drops the sessions and stops the engine; safe to call more than once. */
    @Override
    public void close()
    {
        if (!closed.compareAndSet(false, true))
        {
            return;
        }
        acceptor.stop(true);
        engineThread.shutdownNow();
        try
        {
            engineThread.awaitTermination(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- engine thread

    private <T> T onEngine(final Callable<T> command)
    {
        final Future<T> result = engineThread.submit(command);
        try
        {
            return result.get(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (final ExecutionException ex)
        {
            if (ex.getCause() instanceof RuntimeException)
            {
                throw (RuntimeException)ex.getCause();
            }
            throw new IllegalStateException(ex.getCause());
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the simulator", ex);
        }
        catch (final TimeoutException ex)
        {
            throw new IllegalStateException("the simulator's engine did not answer in " + COMMAND_TIMEOUT_SECONDS +
                " s", ex);
        }
    }

    /** Hands a session's request to the engine thread, after the ack delay, never ahead of an earlier one. */
    private synchronized void fromSession(final Runnable request)
    {
        final long now = System.nanoTime();
        final long due = Math.max(now + ackDelayNanos, lastDueNanos);
        lastDueNanos = due;
        engineThread.schedule(() -> guarded(request), due - now, TimeUnit.NANOSECONDS);
    }

    private static void guarded(final Runnable task)
    {
        try
        {
            task.run();
        }
        catch (final RuntimeException ex)
        {
            LOG.error("Venue simulator task failed", ex);
        }
    }

    private static String rootMessage(final Throwable ex)
    {
        Throwable cause = ex;
        while (cause.getCause() != null)
        {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    private void send(final String session, final Message message)
    {
        final Session target = Session.lookupSession(sessionsByName.get(session));
        if (target != null)
        {
            target.send(message); // stored even when logged out: resent on the client's ResendRequest
        }
    }

    /** The engine's decisions: recorded, told to the listener, sent on the session. */
    private final class Output implements SimulatorOutput
    {
        @Override
        public void orderBooked(final VenueRecord.OrderEntry order)
        {
            record.add(order);
            configuration.listener().onOrder(order);
        }

        @Override
        public void execution(final SimExecution execution)
        {
            record.add(execution);
            configuration.listener().onExecution(execution);
            send(execution.session(), SimulatorMessages.executionReport(execution,
                versions.get(sessionsByName.get(execution.session()))));
        }

        @Override
        public void cancelReject(final SimCancelReject reject)
        {
            record.add(reject);
            configuration.listener().onCancelReject(reject);
            send(reject.session(), SimulatorMessages.orderCancelReject(reject,
                versions.get(sessionsByName.get(reject.session()))));
        }
    }

    /** QuickFIX/J's callbacks, on its acceptor thread. */
    private final class SessionCallbacks implements Application
    {
        @Override
        public void onCreate(final SessionID sessionId)
        {
        }

        @Override
        public void onLogon(final SessionID sessionId)
        {
            configuration.listener().onLogon(sessionId.toString());
        }

        @Override
        public void onLogout(final SessionID sessionId)
        {
            configuration.listener().onLogout(sessionId.toString());
        }

        @Override
        public void toAdmin(final Message message, final SessionID sessionId)
        {
        }

        @Override
        public void fromAdmin(final Message message, final SessionID sessionId) throws FieldNotFound, RejectLogon
        {
            if (MsgType.LOGON.equals(message.getHeader().getString(MsgType.FIELD)) &&
                (refusingLogons || System.nanoTime() - refuseLogonsUntilNanos < 0))
            {
                throw new RejectLogon("Venue simulator is refusing logons for now");
            }
        }

        @Override
        public void toApp(final Message message, final SessionID sessionId)
        {
        }

        @Override
        public void fromApp(final Message message, final SessionID sessionId)
            throws FieldNotFound, IncorrectTagValue, UnsupportedMessageType
        {
            final String msgType = message.getHeader().getString(MsgType.FIELD);
            final boolean possDup = SimulatorMessages.isPossibleDuplicate(message);
            final String session = sessionId.toString();
            record.add(new VenueRecord.Request(session, msgType,
                message.isSetField(ClOrdID.FIELD) ? message.getString(ClOrdID.FIELD) : null, possDup));
            if (sessionRejectsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0)
            {
                throw new IncorrectTagValue(Symbol.FIELD,
                    message.isSetField(Symbol.FIELD) ? message.getString(Symbol.FIELD) : "");
            }
            switch (msgType)
            {
                case MsgType.ORDER_SINGLE:
                {
                    final OrderRequest request = SimulatorMessages.orderRequest(message, false, possDup);
                    fromSession(() -> engine.newOrder(session, request));
                    break;
                }
                case MsgType.ORDER_CANCEL_REQUEST:
                {
                    final String clOrdId = message.getString(ClOrdID.FIELD);
                    final String origClOrdId = message.getString(OrigClOrdID.FIELD);
                    fromSession(() -> engine.cancel(session, clOrdId, origClOrdId, possDup));
                    break;
                }
                case MsgType.ORDER_CANCEL_REPLACE_REQUEST:
                {
                    final OrderRequest request = SimulatorMessages.orderRequest(message, true, possDup);
                    fromSession(() -> engine.replace(session, request));
                    break;
                }
                case MsgType.ORDER_STATUS_REQUEST:
                {
                    final String clOrdId = message.getString(ClOrdID.FIELD);
                    final String requestId =
                        message.isSetField(OrdStatusReqID.FIELD) ? message.getString(OrdStatusReqID.FIELD) : null;
                    final String symbol = message.getString(Symbol.FIELD);
                    final Side side = Side.fromFix(message.getChar(quickfix.field.Side.FIELD));
                    if (side == null)
                    {
                        throw new IncorrectTagValue(quickfix.field.Side.FIELD);
                    }
                    fromSession(() -> engine.status(session, clOrdId, requestId, symbol, side));
                    break;
                }
                case MsgType.ORDER_MASS_STATUS_REQUEST:
                {
                    final String requestId = message.getString(MassStatusReqID.FIELD);
                    final int type = message.getInt(MassStatusReqType.FIELD);
                    if (type != MassStatusReqType.STATUS_FOR_ALL_ORDERS &&
                        type != MassStatusReqType.STATUS_FOR_ORDERS_FOR_A_SECURITY)
                    {
                        throw new IncorrectTagValue(MassStatusReqType.FIELD, Integer.toString(type));
                    }
                    final String symbol = type == MassStatusReqType.STATUS_FOR_ORDERS_FOR_A_SECURITY ?
                        message.getString(Symbol.FIELD) : null;
                    fromSession(() -> engine.massStatus(session, requestId, symbol));
                    break;
                }
                default:
                    throw new UnsupportedMessageType();
            }
        }
    }
}

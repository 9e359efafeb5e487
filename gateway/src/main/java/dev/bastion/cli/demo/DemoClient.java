package dev.bastion.cli.demo;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.OrdStatus;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The demo's FIX client: a QuickFIX/J initiator that logs on to the gateway like any client would,
 * prints one line per ExecutionReport and OrderCancelReject as it arrives, and keeps them for the
 * script to wait on.
 */
final class DemoClient implements Application, AutoCloseable
{
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final SessionID sessionId;
    private final String username;
    private final String password;
    private final PrintWriter out;
    private final SocketInitiator initiator;
    private final List<Message> received = new ArrayList<>();
    private volatile boolean loggedOn;

    DemoClient(
        final String beginString, final String clientCompId, final String gatewayCompId, final String host,
        final int port, final String username, final String password, final PrintWriter out)
    {
        this.sessionId = new SessionID(beginString, clientCompId, gatewayCompId);
        this.username = username;
        this.password = password;
        this.out = out;
        final SessionSettings settings = new SessionSettings();
        settings.setString(sessionId, "ConnectionType", "initiator");
        settings.setString(sessionId, "SocketConnectHost", host);
        settings.setLong(sessionId, "SocketConnectPort", port);
        settings.setLong(sessionId, "HeartBtInt", 30);
        settings.setLong(sessionId, "ReconnectInterval", 1);
        settings.setString(sessionId, "NonStopSession", "Y");
        settings.setString(sessionId, "DataDictionary",
            "FIX.4.2".equals(beginString) ? "dev/bastion/fix/FIX42.xml" : "dev/bastion/fix/FIX44.xml");
        settings.setString(sessionId, "ValidateUserDefinedFields", "N");
        settings.setString(sessionId, SLF4JLogFactory.SETTING_EVENT_CATEGORY, "quickfix.demo.event");
        settings.setString(sessionId, SLF4JLogFactory.SETTING_INMSG_CATEGORY, "quickfix.demo.in");
        settings.setString(sessionId, SLF4JLogFactory.SETTING_OUTMSG_CATEGORY, "quickfix.demo.out");
        try
        {
            initiator = new SocketInitiator(this, new MemoryStoreFactory(), settings, new SLF4JLogFactory(settings),
                new DefaultMessageFactory());
        }
        catch (final ConfigError ex)
        {
            throw new IllegalStateException("demo client settings refused: " + ex.getMessage(), ex);
        }
    }

    String beginString()
    {
        return sessionId.getBeginString();
    }

    void logOn(final Duration timeout)
    {
        try
        {
            initiator.start();
        }
        catch (final ConfigError ex)
        {
            throw new IllegalStateException("demo client cannot start: " + ex.getMessage(), ex);
        }
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!loggedOn)
        {
            if (System.nanoTime() > deadline)
            {
                throw new DemoFailure("the demo client could not log on to the gateway as " +
                    sessionId.getSenderCompID() + " within " + timeout.toSeconds() + " s");
            }
            pause();
        }
    }

    void send(final Message message)
    {
        try
        {
            if (!Session.sendToTarget(message, sessionId))
            {
                throw new DemoFailure("QuickFIX/J did not send " + message);
            }
        }
        catch (final SessionNotFound ex)
        {
            throw new DemoFailure("the demo client's session is gone: " + ex.getMessage());
        }
    }

    /** The first message received that matches, waiting for it up to {@code timeout}. */
    Message await(final String what, final Predicate<Message> matches, final Duration timeout)
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (true)
        {
            synchronized (received)
            {
                for (final Message message : received)
                {
                    if (matches.test(message))
                    {
                        return message;
                    }
                }
            }
            if (System.nanoTime() > deadline)
            {
                throw new DemoFailure("no " + what + " within " + timeout.toSeconds() + " s");
            }
            pause();
        }
    }

    /** Every message received so far, in order. */
    List<Message> received()
    {
        synchronized (received)
        {
            return List.copyOf(received);
        }
    }

    @Override
    public void fromApp(final Message message, final SessionID id)
    {
        print(message);
        synchronized (received)
        {
            received.add(message);
        }
    }

    private void print(final Message message)
    {
        final String line;
        if ("8".equals(Fields.get(message.getHeader(), 35)))
        {
            line = String.format("%s  8 %-16s %-15s %-16s %s%s", LocalTime.now(ZoneOffset.UTC).format(TIME),
                Fields.clOrdIds(message), execType(message), ordStatus(message), Fields.quantities(message),
                Fields.extras(message));
        }
        else if ("9".equals(Fields.get(message.getHeader(), 35)))
        {
            line = String.format("%s  9 %-16s %-15s %-16s CxlRejReason %s%s",
                LocalTime.now(ZoneOffset.UTC).format(TIME), Fields.clOrdIds(message), "CANCEL_REJECT",
                ordStatus(message), Fields.get(message, 102), Fields.text(message));
        }
        else
        {
            line = LocalTime.now(ZoneOffset.UTC).format(TIME) + "  " + message.toString().replace('\u0001', '|');
        }
        synchronized (out)
        {
            out.println(line);
            out.flush();
        }
    }

    static String execType(final Message message)
    {
        final String code = Fields.get(message, 150);
        for (final ExecType execType : ExecType.values())
        {
            if (code.length() == 1 && execType.fixValue() == code.charAt(0))
            {
                return execType.name();
            }
        }
        return code;
    }

    static String ordStatus(final Message message)
    {
        final String code = Fields.get(message, 39);
        for (final OrdStatus status : OrdStatus.values())
        {
            if (code.length() == 1 && status.fixValue() == code.charAt(0))
            {
                return status.name();
            }
        }
        return code;
    }

    @Override
    public void toAdmin(final Message message, final SessionID id)
    {
        try
        {
            if ("A".equals(message.getHeader().getString(35)))
            {
                if (username != null)
                {
                    message.setString(553, username);
                }
                if (password != null)
                {
                    message.setString(554, password);
                }
            }
        }
        catch (final FieldNotFound ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void fromAdmin(final Message message, final SessionID id)
    {
        if ("5".equals(Fields.get(message.getHeader(), 35)) && message.isSetField(58))
        {
            synchronized (out)
            {
                out.println("The gateway logged the demo client out: " + Fields.get(message, 58));
                out.flush();
            }
        }
    }

    @Override
    public void onLogon(final SessionID id)
    {
        loggedOn = true;
    }

    @Override
    public void onLogout(final SessionID id)
    {
        loggedOn = false;
    }

    @Override
    public void onCreate(final SessionID id)
    {
    }

    @Override
    public void toApp(final Message message, final SessionID id)
    {
    }

    /** Logs out and waits for the gateway's answer, freeing the session for another client. */
    @Override
    public void close()
    {
        initiator.stop(false);
    }

    private static void pause()
    {
        try
        {
            Thread.sleep(5);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted");
        }
    }
}

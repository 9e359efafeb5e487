package dev.bastion.gateway.support;

import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.FileStoreFactory;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.MessageStoreFactory;
import quickfix.ScreenLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.Password;
import quickfix.field.Text;
import quickfix.field.Username;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real, independent FIX engine as the client: a QuickFIX/J initiator on loopback that sends
 * Username/Password in its Logon and keeps what the gateway sends it.
 */
public final class QuickFixClient implements Application, AutoCloseable
{
    private final SessionID sessionId;
    private final String username;
    private final String password;
    private final SocketInitiator initiator;
    private final BlockingQueue<Message> applicationMessages = new LinkedBlockingQueue<>();
    private final BlockingQueue<Message> adminMessages = new LinkedBlockingQueue<>();
    private final List<String> conversation = new CopyOnWriteArrayList<>();
    private volatile boolean loggedOn;

    /**
     * @param store a directory for a persistent message store (sequence numbers survive a restart
     *              of the client), or null for an in-memory one.
     */
    public QuickFixClient(
        final String beginString, final String clientCompId, final String gatewayCompId, final int port,
        final String username, final String password, final Path store)
    {
        this.sessionId = new SessionID(beginString, clientCompId, gatewayCompId);
        this.username = username;
        this.password = password;
        final SessionSettings settings = new SessionSettings();
        settings.setString(sessionId, "ConnectionType", "initiator");
        settings.setString(sessionId, "SocketConnectHost", "127.0.0.1");
        settings.setLong(sessionId, "SocketConnectPort", port);
        settings.setLong(sessionId, "HeartBtInt", 30);
        settings.setLong(sessionId, "ReconnectInterval", 1);
        settings.setString(sessionId, "StartTime", "00:00:00");
        settings.setString(sessionId, "EndTime", "00:00:00");
        settings.setString(sessionId, "DataDictionary",
            "FIX.4.2".equals(beginString) ? "dev/bastion/fix/FIX42.xml" : "dev/bastion/fix/FIX44.xml");
        settings.setString(sessionId, "ValidateUserDefinedFields", "N");
        settings.setString(sessionId, "PersistMessages", "Y");
        if (store != null)
        {
            settings.setString(sessionId, "FileStorePath", store.toString());
        }
        final MessageStoreFactory storeFactory =
            store != null ? new FileStoreFactory(settings) : new MemoryStoreFactory();
        try
        {
            initiator = new SocketInitiator(this, storeFactory, settings, new ScreenLogFactory(false, false, false),
                new DefaultMessageFactory());
        }
        catch (final ConfigError ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    public QuickFixClient start()
    {
        try
        {
            initiator.start();
        }
        catch (final ConfigError ex)
        {
            throw new IllegalStateException(ex);
        }
        return this;
    }

    public void awaitLogon()
    {
        Await.until(sessionId + " logged on", Duration.ofSeconds(15), () -> loggedOn);
    }

    public boolean isLoggedOn()
    {
        return loggedOn;
    }

    public Session session()
    {
        return Session.lookupSession(sessionId);
    }

    public void send(final Message message)
    {
        try
        {
            if (!Session.sendToTarget(message, sessionId))
            {
                throw new IllegalStateException("QuickFIX/J did not send " + message);
            }
        }
        catch (final SessionNotFound ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /** The next application message from the gateway, or an assertion failure after 10 s. */
    public Message nextApplicationMessage() throws InterruptedException
    {
        final Message message = applicationMessages.poll(10, TimeUnit.SECONDS);
        if (message == null)
        {
            throw new AssertionError(sessionId + ": no application message within 10 s");
        }
        return message;
    }

    /** The next application message if one comes within the time, else null. */
    public Message pollApplicationMessage(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        return applicationMessages.poll(timeout, unit);
    }

    /** The next admin message of this MsgType from the gateway, skipping others. */
    public Message nextAdminMessage(final String msgType) throws InterruptedException, FieldNotFound
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline)
        {
            final Message message = adminMessages.poll(100, TimeUnit.MILLISECONDS);
            if (message != null && msgType.equals(message.getHeader().getString(MsgType.FIELD)))
            {
                return message;
            }
        }
        throw new AssertionError(sessionId + ": no admin message " + msgType + " within 10 s");
    }

    /** The Text (58) of the Logout the gateway answered the Logon with. */
    public String logoutText() throws InterruptedException, FieldNotFound
    {
        final Message logout = nextAdminMessage(MsgType.LOGOUT);
        return logout.isSetField(Text.FIELD) ? logout.getString(Text.FIELD) : "";
    }

    /**
     * Every message sent and received, as the gateway sees them: {@code IN <MsgSeqNum> <MsgType>}
     * for what this client sent, {@code OUT <MsgSeqNum> <MsgType>} for what it received.
     */
    public List<String> conversation()
    {
        return List.copyOf(conversation);
    }

    private void remember(final String direction, final Message message)
    {
        try
        {
            conversation.add(direction + " " + message.getHeader().getInt(MsgSeqNum.FIELD) + " " +
                message.getHeader().getString(MsgType.FIELD));
        }
        catch (final FieldNotFound ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void toAdmin(final Message message, final SessionID sessionId)
    {
        remember("IN", message);
        try
        {
            if (MsgType.LOGON.equals(message.getHeader().getString(MsgType.FIELD)))
            {
                if (username != null)
                {
                    message.setString(Username.FIELD, username);
                }
                if (password != null)
                {
                    message.setString(Password.FIELD, password);
                }
            }
        }
        catch (final FieldNotFound ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId)
    {
        remember("OUT", message);
        adminMessages.add(message);
    }

    @Override
    public void fromApp(final Message message, final SessionID sessionId)
    {
        remember("OUT", message);
        applicationMessages.add(message);
    }

    @Override
    public void onLogon(final SessionID sessionId)
    {
        loggedOn = true;
    }

    @Override
    public void onLogout(final SessionID sessionId)
    {
        loggedOn = false;
    }

    @Override
    public void onCreate(final SessionID sessionId)
    {
    }

    @Override
    public void toApp(final Message message, final SessionID sessionId)
    {
        remember("IN", message);
    }

    @Override
    public void close()
    {
        // A graceful stop: Logout, and wait for the answer, as a real client would.
        initiator.stop(false);
    }
}

package dev.bastion.bench.load;

import org.apache.mina.core.service.IoAcceptor;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.MsgType;
import quickfix.field.OrdStatus;
import quickfix.field.OrdType;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TransactTime;
import quickfix.fix44.ExecutionReport;

import java.net.InetSocketAddress;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The reference a FIX engine user would write first: a QuickFIX/J acceptor whose application
 * answers each NewOrderSingle with an ExecutionReport New, then one Filled at the order's price.
 * QuickFIX/J's defaults otherwise (one SocketAcceptor, its single event-handling thread, the FIX 4.4
 * data dictionary validating every message), a memory store that keeps no message
 * (PersistMessages=N: QuickFIX/J's memory store otherwise holds every message sent, and a run of a
 * million orders filled a 1 GB heap), and no message log at all: it does only what a FIX session must.
 */
public final class BareQuickFixAcceptor implements AutoCloseable
{
    public static final String COMP_ID = "QFJ";

    private final SocketAcceptor acceptor;
    private final int port;

    private BareQuickFixAcceptor(final String host, final int port, final String clientCompId) throws ConfigError
    {
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "acceptor");
        settings.setString("SocketAcceptAddress", host);
        settings.setLong("SocketAcceptPort", port);
        settings.setString("NonStopSession", "Y");
        settings.setString("ResetOnLogon", "Y");
        settings.setString("UseDataDictionary", "Y");
        settings.setString("DataDictionary", "FIX44.xml");
        settings.setString("PersistMessages", "N");
        final SessionID sessionId = new SessionID("FIX.4.4", COMP_ID, clientCompId);
        settings.setString(sessionId, "BeginString", "FIX.4.4");
        settings.setString(sessionId, "SenderCompID", COMP_ID);
        settings.setString(sessionId, "TargetCompID", clientCompId);
        // No LogFactory: QuickFIX/J then logs no message and no session event.
        acceptor = new SocketAcceptor(new Fills(), new MemoryStoreFactory(), settings, new DefaultMessageFactory());
        acceptor.start();
        this.port = boundPort(acceptor);
    }

    /** Listens on {@code host:port} (0: a free port) for one FIX 4.4 session from {@code clientCompId}. */
    public static BareQuickFixAcceptor start(final String host, final int port, final String clientCompId)
        throws ConfigError
    {
        return new BareQuickFixAcceptor(host, port, clientCompId);
    }

    public int port()
    {
        return port;
    }

    @Override
    public void close()
    {
        acceptor.stop(true);
    }

    private static int boundPort(final SocketAcceptor acceptor)
    {
        for (final IoAcceptor endpoint : acceptor.getEndpoints())
        {
            if (endpoint.getLocalAddress() instanceof InetSocketAddress address)
            {
                return address.getPort();
            }
        }
        throw new IllegalStateException("the QuickFIX/J acceptor has no bound socket");
    }

    /** The application: New then Filled for every order, nothing else. */
    private static final class Fills implements Application
    {
        private long executions;

        @Override
        public void fromApp(final Message message, final SessionID sessionId) throws FieldNotFound
        {
            if (!MsgType.ORDER_SINGLE.equals(message.getHeader().getString(MsgType.FIELD)))
            {
                return;
            }
            final String clOrdId = message.getString(ClOrdID.FIELD);
            final char side = message.getChar(Side.FIELD);
            final double quantity = message.getDouble(OrderQty.FIELD);
            final double price = message.getDouble(Price.FIELD);
            final String symbol = message.getString(Symbol.FIELD);
            final String orderId = "QFJ-" + clOrdId;

            final ExecutionReport acknowledged = report(orderId, ExecType.NEW, OrdStatus.NEW, side, quantity, 0, 0);
            complete(acknowledged, clOrdId, symbol, quantity, price);
            final ExecutionReport filled = report(orderId, ExecType.TRADE, OrdStatus.FILLED, side, 0, quantity, price);
            complete(filled, clOrdId, symbol, quantity, price);
            filled.set(new LastQty(quantity));
            filled.set(new LastPx(price));
            send(acknowledged, sessionId);
            send(filled, sessionId);
        }

        private ExecutionReport report(
            final String orderId, final char execType, final char ordStatus, final char side,
            final double leaves, final double cum, final double avgPx)
        {
            return new ExecutionReport(new OrderID(orderId), new ExecID(Long.toString(++executions)),
                new ExecType(execType), new OrdStatus(ordStatus), new Side(side), new LeavesQty(leaves),
                new CumQty(cum), new AvgPx(avgPx));
        }

        private static void complete(
            final ExecutionReport report, final String clOrdId, final String symbol, final double quantity,
            final double price)
        {
            report.set(new ClOrdID(clOrdId));
            report.set(new Symbol(symbol));
            report.set(new OrderQty(quantity));
            report.set(new OrdType(OrdType.LIMIT));
            report.set(new Price(price));
            report.set(new TransactTime(LocalDateTime.now(ZoneOffset.UTC)));
        }

        private static void send(final Message message, final SessionID sessionId)
        {
            try
            {
                Session.sendToTarget(message, sessionId);
            }
            catch (final SessionNotFound ex)
            {
                throw new IllegalStateException("session " + sessionId + " is gone", ex);
            }
        }

        @Override
        public void onCreate(final SessionID sessionId)
        {
        }

        @Override
        public void onLogon(final SessionID sessionId)
        {
        }

        @Override
        public void onLogout(final SessionID sessionId)
        {
        }

        @Override
        public void toAdmin(final Message message, final SessionID sessionId)
        {
        }

        @Override
        public void fromAdmin(final Message message, final SessionID sessionId)
        {
        }

        @Override
        public void toApp(final Message message, final SessionID sessionId)
        {
        }
    }

    /**
     * {@code BareQuickFixAcceptor [--host HOST] [--port PORT] [--client-comp-id ID]}: prints the
     * address it listens on, runs until killed.
     */
    public static void main(final String[] args) throws Exception
    {
        String host = "127.0.0.1";
        int port = 0;
        String clientCompId = "BENCH";
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--client-comp-id" -> clientCompId = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        final BareQuickFixAcceptor acceptor = start(host, port, clientCompId);
        System.out.println("quickfixj-acceptor listening on " + host + ":" + acceptor.port() + " for FIX.4.4 " +
            clientCompId + " -> " + COMP_ID);
        System.out.flush();
        Thread.currentThread().join();
    }
}

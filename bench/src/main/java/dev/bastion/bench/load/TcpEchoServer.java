package dev.bastion.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.function.LongPredicate;

/**
 * The physical floor of the comparison: bytes in, bytes out, over the same loopback, with answers of
 * the sizes a FIX engine sends, and no FIX engine. For each connection one thread reads the stream,
 * finds each message's end by its BodyLength ({@link FixStreamDecoder}) and answers:
 * <ul>
 *     <li>a NewOrderSingle (D) with two ExecutionReports encoded once at start, New (150=0) then
 *     Filled (150=F, 39=2), with only MsgSeqNum, ClOrdID (copied from the order), BodyLength and
 *     CheckSum patched; OrderID, ExecID and times are the same in every report;</li>
 *     <li>a Logon with a Logon, a TestRequest with a Heartbeat, a Logout with a Logout;</li>
 *     <li>anything else with nothing.</li>
 * </ul>
 * The answers to everything one read brought are written in one write. Nothing is validated
 * (CompIDs, CheckSum, sequence numbers, fields), nothing is stored, nothing is allocated per
 * message. Whatever a FIX engine adds over this is its cost.
 */
public final class TcpEchoServer implements AutoCloseable
{
    private static final String COMP_ID = "ECHO";
    private static final int BUFFER = 256 * 1024;

    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final LongPredicate answerOrder;
    private volatile boolean closed;

    /** Listens on {@code host:port} (0: a free port) and answers every order. */
    public static TcpEchoServer start(final String host, final int port) throws IOException
    {
        return new TcpEchoServer(host, port, order -> true);
    }

    /**
     * Listens and answers the orders {@code answerOrder} accepts (counting from 0 per connection);
     * the others get no answer at all. For tests of the generator's lost-answer check.
     */
    static TcpEchoServer start(final String host, final int port, final LongPredicate answerOrder) throws IOException
    {
        return new TcpEchoServer(host, port, answerOrder);
    }

    private TcpEchoServer(final String host, final int port, final LongPredicate answerOrder) throws IOException
    {
        this.answerOrder = answerOrder;
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(host, port));
        acceptor = new Thread(this::accept, "tcp-echo-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port()
    {
        try
        {
            return ((InetSocketAddress)server.getLocalAddress()).getPort();
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private void accept()
    {
        int connections = 0;
        while (!closed)
        {
            try
            {
                final SocketChannel channel = server.accept();
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                final Thread thread = new Thread(new Connection(channel), "tcp-echo-" + ++connections);
                thread.setDaemon(true);
                thread.start();
            }
            catch (final IOException ex)
            {
                if (!closed)
                {
                    System.err.println("tcp-echo: accept failed: " + ex);
                }
                return;
            }
        }
    }

    @Override
    public void close()
    {
        closed = true;
        try
        {
            server.close();
        }
        catch (final IOException ignored)
        {
            // Nothing more to do with it.
        }
    }

    /** One client: reads, answers, writes, until the client goes. */
    private final class Connection implements Runnable
    {
        private final SocketChannel channel;
        private final FixStreamDecoder decoder = new FixStreamDecoder();
        private final FixStreamDecoder.Handler handler = this::onMessage;
        private final byte[] out = new byte[BUFFER];
        private final ByteBuffer outBuffer = ByteBuffer.wrap(out);
        private final UtcTimestampWriter timestamps = new UtcTimestampWriter();
        private int outLength;
        private int seqNum = 1;
        private long orders;
        private boolean loggedOut;
        private Reports reports;

        Connection(final SocketChannel channel)
        {
            this.channel = channel;
        }

        @Override
        public void run()
        {
            final ByteBuffer in = ByteBuffer.allocate(BUFFER);
            final byte[] bytes = in.array();
            try (channel)
            {
                while (!loggedOut && channel.read(in) >= 0)
                {
                    outLength = 0;
                    final int consumed = decoder.decode(bytes, 0, in.position(), handler);
                    final int rest = in.position() - consumed;
                    System.arraycopy(bytes, consumed, bytes, 0, rest);
                    in.position(rest);
                    outBuffer.clear().limit(outLength);
                    while (outBuffer.hasRemaining())
                    {
                        channel.write(outBuffer);
                    }
                }
            }
            catch (final IOException | RuntimeException ex)
            {
                if (!closed)
                {
                    System.err.println("tcp-echo: connection ended: " + ex);
                }
            }
        }

        private void onMessage(final InboundMessage message)
        {
            if (out.length - outLength < 4096)
            {
                flush();
            }
            if (message.isType("D"))
            {
                if (answerOrder.test(orders++))
                {
                    if (reports == null || reports.clOrdIdLength != message.clOrdIdLength)
                    {
                        reports = new Reports(message.clOrdIdLength);
                    }
                    outLength += reports.write(out, outLength, seqNum++, message, reports.newReport,
                        reports.newClOrdIdAt);
                    outLength += reports.write(out, outLength, seqNum++, message, reports.filled,
                        reports.filledClOrdIdAt);
                }
            }
            else if (message.isType("A"))
            {
                session(message, "98=0\u0001108=30\u0001141=Y\u0001");
            }
            else if (message.isType("1"))
            {
                session(message, message.testReqIdLength > 0 ? "112=" +
                    Ascii.text(message.buffer, message.testReqIdOffset, message.testReqIdLength) + "\u0001" : "");
            }
            else if (message.isType("5"))
            {
                session(message, "");
                loggedOut = true;
            }
        }

        /** Session messages are few: built as they come. */
        private void session(final InboundMessage message, final String fields)
        {
            final MessageTemplate template = new MessageTemplate("FIX.4.4", message.msgType(),
                "49=" + COMP_ID + "\u000156=BENCH\u000152=00000000-00:00:00.000\u0001" + fields);
            final int tail = template.begin(out, outLength, seqNum++);
            timestamps.write(out, tail + template.valueOffset(52), System.currentTimeMillis());
            outLength += template.finish(out, outLength, tail);
        }

        private void flush()
        {
            try
            {
                outBuffer.clear().limit(outLength);
                while (outBuffer.hasRemaining())
                {
                    channel.write(outBuffer);
                }
                outLength = 0;
            }
            catch (final IOException ex)
            {
                throw new IllegalStateException(ex);
            }
        }
    }

    /** The two ExecutionReports for orders whose ClOrdID has one length, encoded once. */
    private static final class Reports
    {
        private static final String TIME = "20250101-00:00:00.000";

        final int clOrdIdLength;
        final MessageTemplate newReport;
        final MessageTemplate filled;
        final int newClOrdIdAt;
        final int filledClOrdIdAt;

        Reports(final int clOrdIdLength)
        {
            this.clOrdIdLength = clOrdIdLength;
            final String clOrdId = "0".repeat(clOrdIdLength);
            final String header = "49=" + COMP_ID + "\u000156=BENCH\u000152=" + TIME + "\u0001";
            newReport = new MessageTemplate("FIX.4.4", "8", header +
                "37=ECHO-0000000001\u000111=" + clOrdId + "\u000117=ECHO-E-000000001\u0001150=0\u000139=0\u0001" +
                "55=AAPL\u000154=1\u000138=100\u000140=2\u000144=190\u0001151=100\u000114=0\u00016=0\u0001" +
                "60=" + TIME + "\u0001");
            filled = new MessageTemplate("FIX.4.4", "8", header +
                "37=ECHO-0000000001\u000111=" + clOrdId + "\u000117=ECHO-E-000000002\u0001150=F\u000139=2\u0001" +
                "55=AAPL\u000154=1\u000138=100\u000140=2\u000144=190\u000132=100\u000131=190\u0001" +
                "151=0\u000114=100\u00016=190\u000160=" + TIME + "\u0001");
            newClOrdIdAt = newReport.valueOffset(11);
            filledClOrdIdAt = filled.valueOffset(11);
        }

        int write(
            final byte[] dst, final int offset, final int seqNum, final InboundMessage order,
            final MessageTemplate report, final int clOrdIdAt)
        {
            final int tail = report.begin(dst, offset, seqNum);
            System.arraycopy(order.buffer, order.clOrdIdOffset, dst, tail + clOrdIdAt, clOrdIdLength);
            return report.finish(dst, offset, tail);
        }
    }

    /** {@code TcpEchoServer [--host HOST] [--port PORT]}: prints the address it listens on, runs until killed. */
    public static void main(final String[] args) throws Exception
    {
        String host = "127.0.0.1";
        int port = 0;
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        final TcpEchoServer server = TcpEchoServer.start(host, port);
        System.out.println("tcp-echo listening on " + host + ":" + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}

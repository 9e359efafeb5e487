package dev.bastion.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator's FIX 4.4 initiator over a plain blocking socket, built to stay out of the way
 * of what it measures: orders are {@link NewOrderSingleTemplate} copies with a few bytes patched,
 * written in batches by the calling thread; a receiver thread cuts the answers out of the byte
 * stream with {@link FixStreamDecoder} and records their latency into HdrHistograms. Neither
 * allocates per message.
 *
 * <p>The session layer is only what a run needs: Logon (ResetSeqNumFlag=Y, Username and Password
 * when configured), Heartbeat in answer to a TestRequest and when idle, a check that the target's
 * sequence numbers have no gap, Logout. A ResendRequest is answered with a SequenceReset (orders are
 * never resent: an order lost is reported lost).
 *
 * <p>Open loop ({@link PhaseSpec#rate()} orders a second) each order has its scheduled time, start +
 * n / rate, and is sent at that time or, if the sender is late, at once with the others due: the
 * latency counted from the scheduled time then includes the delay, as a real client would suffer
 * it. The sender parks between orders (no spinning on a 2-core machine the target shares), asking to
 * wake as much earlier as the park lately overslept (Linux's timer slack: ~70 µs here), and sends
 * what is due by then: an order may leave that much early, and is then measured from when it left
 * (never from its later schedule, which would credit the target with the earliness), or late, and is
 * then measured from its schedule. How late
 * orders left is kept (the send lag), and the latency from the actual send too. Max mode keeps at
 * most {@link PhaseSpec#window()} orders outstanding and measures from the actual send.
 */
public final class FixLoadClient implements AutoCloseable
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int SEND_BUFFER = 64 * 1024;
    private static final int RECEIVE_BUFFER = 256 * 1024;
    private static final int MAX_BATCH = 128;
    private static final long DEADLINE_SLACK_SECONDS = 30;
    private static final long INITIAL_PARK_LEAD_NS = TimeUnit.MICROSECONDS.toNanos(60);
    private static final long MAX_PARK_LEAD_NS = TimeUnit.MICROSECONDS.toNanos(200);

    private final LoadClientConfiguration configuration;
    private final SocketChannel channel;
    private final Thread receiver;
    private final ScheduledExecutorService watchdog;

    private final Object sendLock = new Object();
    private final byte[] sendBytes = new byte[SEND_BUFFER];
    private final ByteBuffer sendBuffer = ByteBuffer.wrap(sendBytes);
    private final FixMessageBuilder sessionMessage;
    private final UtcTimestampWriter sessionTimestamps = new UtcTimestampWriter();
    private int nextSeqNum = 1;
    private volatile long lastSendNs = System.nanoTime();

    private final CountDownLatch logonReceived = new CountDownLatch(1);
    private final CountDownLatch logoutReceived = new CountDownLatch(1);
    private final List<String> sessionFailures = new ArrayList<>();
    private volatile PhaseRun run;
    private volatile String disconnected;
    private volatile boolean closing;
    private volatile String logoutText;
    private volatile boolean loggedOn;

    // Receiver thread only.
    private final FixStreamDecoder decoder = new FixStreamDecoder();
    private final FixStreamDecoder.Handler onMessage = this::onMessage;
    private int expectedSeqNum = 1;
    private long readNs;
    private PhaseRun receivingRun;

    private FixLoadClient(final LoadClientConfiguration configuration, final SocketChannel channel)
    {
        this.configuration = configuration;
        this.channel = channel;
        this.sessionMessage = new FixMessageBuilder("FIX.4.4", 512);
        this.receiver = new Thread(this::receive, "bench-receiver");
        this.receiver.setDaemon(true);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "bench-watchdog");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Connects and logs on.
     *
     * @throws IOException when the target cannot be reached or does not answer the Logon in time
     *                     (with the Text of its Logout when it sent one).
     */
    public static FixLoadClient connect(final LoadClientConfiguration configuration) throws IOException
    {
        configuration.conclude();
        final SocketChannel channel;
        try
        {
            channel = SocketChannel.open(new InetSocketAddress(configuration.host(), configuration.port()));
        }
        catch (final IOException ex)
        {
            throw new IOException(
                "cannot connect to " + configuration.host() + ":" + configuration.port() + ": " + ex.getMessage(), ex);
        }
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        final FixLoadClient client = new FixLoadClient(configuration, channel);
        client.receiver.start();
        try
        {
            client.logon();
            return client;
        }
        catch (final IOException | RuntimeException ex)
        {
            client.closeQuietly();
            throw ex;
        }
    }

    private void logon() throws IOException
    {
        synchronized (sendLock)
        {
            header("A")
                .field(98, 0)
                .field(108, configuration.heartbeatSeconds())
                .field(141, "Y");
            if (configuration.username() != null)
            {
                sessionMessage.field(553, configuration.username());
            }
            if (configuration.password() != null)
            {
                sessionMessage.field(554, configuration.password());
            }
            sendSessionMessage();
        }
        try
        {
            logonReceived.await(configuration.logonTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the Logon answer", ex);
        }
        if (!loggedOn)
        {
            final String why = logoutText != null ? "it sent Logout: " + logoutText :
                disconnected != null ? disconnected :
                "no answer within " + configuration.logonTimeout().toSeconds() + " s";
            throw new IOException("Logon to " + configuration.targetCompId() + " at " + configuration.host() + ":" +
                configuration.port() + " failed: " + why);
        }
    }

    /**
     * Runs one phase: sends its orders, waits up to the drain timeout for the answers still due,
     * and returns what was measured, with a failure for every order not answered.
     *
     * @param clOrdIdPrefix starts every ClOrdID of the phase, so answers from another phase are told apart.
     */
    public PhaseResult run(final PhaseSpec spec, final String clOrdIdPrefix)
    {
        final NewOrderSingleTemplate template = new NewOrderSingleTemplate(
            configuration.senderCompId(), configuration.targetCompId(), clOrdIdPrefix,
            configuration.account(), configuration.symbol(), configuration.priceCents());
        final PhaseRun phase = new PhaseRun(spec, template);
        final int failuresBefore;
        synchronized (sessionFailures)
        {
            failuresBefore = sessionFailures.size();
        }
        final long deadlineSeconds = spec.warmup().plus(spec.duration()).plus(configuration.drainTimeout())
            .toSeconds() + DEADLINE_SLACK_SECONDS;
        final ScheduledFuture<?> deadline = watchdog.schedule(
            () -> abort("the phase " + spec.label() + " passed its deadline of " + deadlineSeconds +
                " s (the target stopped reading or answering); connection closed"),
            deadlineSeconds, TimeUnit.SECONDS);
        run = phase;
        long sent = 0;
        try
        {
            sent = spec.maxThroughput() ? sendMaxThroughput(phase) : sendOpenLoop(phase);
            drain(phase, sent);
        }
        catch (final IOException ex)
        {
            abort("send failed: " + ex);
        }
        finally
        {
            deadline.cancel(false);
            run = null;
        }
        final List<String> failures;
        synchronized (sessionFailures)
        {
            failures = new ArrayList<>(sessionFailures.subList(failuresBefore, sessionFailures.size()));
        }
        if (disconnected != null && !failures.contains(disconnected))
        {
            failures.add(disconnected);
        }
        return phase.result(sent, failures);
    }

    private long sendOpenLoop(final PhaseRun phase) throws IOException
    {
        final PhaseSpec spec = phase.spec;
        final long total = spec.warmupOrders() + spec.measuredOrders();
        phase.firstMeasured = spec.warmupOrders();
        final long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
        long order = 0;
        long lead = INITIAL_PARK_LEAD_NS;
        while (order < total && disconnected == null)
        {
            final long now = System.nanoTime();
            final long due = start + order * NANOS_PER_SECOND / spec.rate();
            final long remaining = due - now;
            if (remaining > lead)
            {
                // Park wakes late by tens of µs (timer slack): ask for less by what it overslept lately.
                final long asked = remaining - lead;
                LockSupport.parkNanos(asked);
                final long overslept = System.nanoTime() - now - asked;
                lead = Math.max(0, Math.min(MAX_PARK_LEAD_NS, lead + (overslept - lead) / 8));
            }
            else
            {
                order = sendBatch(phase, order, total, now + lead, start);
            }
        }
        return order;
    }

    private long sendMaxThroughput(final PhaseRun phase) throws IOException
    {
        final PhaseSpec spec = phase.spec;
        final long start = System.nanoTime();
        final long measureFrom = start + spec.warmup().toNanos();
        final long end = measureFrom + spec.duration().toNanos();
        final int window = spec.window();
        long order = 0;
        while (disconnected == null)
        {
            final long now = System.nanoTime();
            if (now >= end)
            {
                break;
            }
            if (now >= measureFrom && phase.firstMeasured == Long.MAX_VALUE)
            {
                phase.firstMeasured = order;
            }
            final long free = window - (order - phase.answered);
            if (free <= 0)
            {
                awaitWindow(phase, order, window);
                continue;
            }
            order = sendBatch(phase, order, order + free, now, Long.MIN_VALUE);
        }
        return order;
    }

    /** Parks until a quarter of the window is free again (the receiver wakes it), so a wake-up sends a batch. */
    private void awaitWindow(final PhaseRun phase, final long order, final int window)
    {
        phase.wakeWhenAnswered = order - window + Math.max(1, window / 4);
        phase.waitingSender = Thread.currentThread();
        if (phase.answered < phase.wakeWhenAnswered && disconnected == null)
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        phase.waitingSender = null;
        heartbeatIfIdle();
    }

    /**
     * Encodes the orders from {@code order} that are due (open loop: scheduled at or before
     * {@code dueBy}; max mode, {@code start == Long.MIN_VALUE}: up to {@code limit}) into one write.
     *
     * @return the next order number.
     */
    private long sendBatch(final PhaseRun phase, final long order, final long limit, final long dueBy, final long start)
        throws IOException
    {
        final NewOrderSingleTemplate template = phase.template;
        final int maxLength = template.maxLength();
        final boolean openLoop = start != Long.MIN_VALUE;
        final int rate = phase.spec.rate();
        synchronized (sendLock)
        {
            final long epochMillis = System.currentTimeMillis();
            long next = order;
            int length = 0;
            while (next < limit && next - order < MAX_BATCH && length + maxLength <= sendBytes.length &&
                (!openLoop || start + next * NANOS_PER_SECOND / rate <= dueBy))
            {
                length += template.encode(sendBytes, length, nextSeqNum++, next, epochMillis);
                next++;
            }
            final long sentNs = System.nanoTime();
            for (long o = order; o < next; o++)
            {
                phase.onSend(o, openLoop ? start + o * NANOS_PER_SECOND / rate : sentNs, sentNs);
            }
            phase.published = next;
            write(sendBuffer, length);
            return next;
        }
    }

    private void drain(final PhaseRun phase, final long sent)
    {
        final long deadline = System.nanoTime() + configuration.drainTimeout().toNanos();
        while (phase.answered < sent && disconnected == null && System.nanoTime() < deadline)
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            heartbeatIfIdle();
        }
    }

    /** Sends a Heartbeat when nothing has been sent for a heartbeat interval, as the session rules ask. */
    private void heartbeatIfIdle()
    {
        if (System.nanoTime() - lastSendNs < TimeUnit.SECONDS.toNanos(configuration.heartbeatSeconds()))
        {
            return;
        }
        synchronized (sendLock)
        {
            header("0");
            trySendSessionMessage();
        }
    }

    private void receive()
    {
        final ByteBuffer in = ByteBuffer.allocate(RECEIVE_BUFFER);
        final byte[] bytes = in.array();
        try
        {
            while (true)
            {
                final int read = channel.read(in);
                if (read < 0)
                {
                    disconnect(logoutText != null ? "the target logged out: " + logoutText :
                        "the target closed the connection");
                    return;
                }
                readNs = System.nanoTime();
                final PhaseRun phase = run;
                receivingRun = phase;
                final int consumed;
                if (phase != null)
                {
                    synchronized (phase)
                    {
                        consumed = decoder.decode(bytes, 0, in.position(), onMessage);
                    }
                }
                else
                {
                    consumed = decoder.decode(bytes, 0, in.position(), onMessage);
                }
                final int rest = in.position() - consumed;
                System.arraycopy(bytes, consumed, bytes, 0, rest);
                in.position(rest);
                if (rest == bytes.length)
                {
                    throw new FixFramingException("a message longer than the receive buffer", bytes, 0, rest);
                }
            }
        }
        catch (final ClosedChannelException ex)
        {
            disconnect(closing ? null : "connection closed");
        }
        catch (final IOException | RuntimeException ex)
        {
            disconnect(closing ? null : "receive failed: " + ex.getMessage());
        }
    }

    private void onMessage(final InboundMessage message)
    {
        checkSequence(message);
        final PhaseRun phase = receivingRun;
        if (message.isType("8"))
        {
            if (phase != null)
            {
                phase.onExecutionReport(message, readNs);
            }
            else
            {
                sessionFailure("an ExecutionReport came outside any phase: " + message);
            }
        }
        else if (message.isType("0"))
        {
            return;
        }
        else if (message.isType("1"))
        {
            synchronized (sendLock)
            {
                header("0");
                if (message.testReqIdLength > 0)
                {
                    sessionMessage.field(112, message.buffer, message.testReqIdOffset, message.testReqIdLength);
                }
                trySendSessionMessage();
            }
        }
        else if (message.isType("j"))
        {
            // During a phase, the phase counts rejects and keeps the first; outside one, each is a failure.
            if (phase != null)
            {
                phase.onBusinessReject(message);
            }
            else
            {
                sessionFailure("BusinessMessageReject: " + message);
            }
        }
        else if (message.isType("3"))
        {
            if (phase != null)
            {
                phase.onSessionReject(message);
            }
            else
            {
                sessionFailure("session Reject: " + message);
            }
        }
        else if (message.isType("A"))
        {
            loggedOn = true;
            logonReceived.countDown();
        }
        else if (message.isType("5"))
        {
            logoutText = message.text();
            logoutReceived.countDown();
            if (!closing)
            {
                sessionFailure("the target logged out: " + message.text());
            }
        }
        else if (message.isType("2"))
        {
            sessionFailure("the target asked for a resend (it missed messages): " + message);
            synchronized (sendLock)
            {
                header("4").field(36, nextSeqNum);
                trySendSessionMessage();
            }
        }
    }

    private void checkSequence(final InboundMessage message)
    {
        final int seqNum = message.msgSeqNum();
        if (seqNum > expectedSeqNum)
        {
            sessionFailure("sequence gap from the target: expected " + expectedSeqNum + ", received " + seqNum);
        }
        else if (seqNum < expectedSeqNum && !message.possDup())
        {
            sessionFailure("MsgSeqNum too low from the target: expected " + expectedSeqNum + ", received " + seqNum);
        }
        if (seqNum >= expectedSeqNum)
        {
            expectedSeqNum = seqNum + 1;
        }
    }

    private void sessionFailure(final String failure)
    {
        synchronized (sessionFailures)
        {
            // A broken target can send thousands: keep the first few, they say it.
            if (sessionFailures.size() < 20)
            {
                sessionFailures.add(failure);
            }
        }
    }

    private FixMessageBuilder header(final String msgType)
    {
        return sessionMessage.reset()
            .field(35, msgType)
            .field(34, nextSeqNum++)
            .field(49, configuration.senderCompId())
            .field(56, configuration.targetCompId())
            .timestamp(52, System.currentTimeMillis(), sessionTimestamps);
    }

    private void sendSessionMessage() throws IOException
    {
        sessionMessage.finish();
        write(ByteBuffer.wrap(sessionMessage.buffer(), sessionMessage.offset(), sessionMessage.length()), -1);
    }

    private void trySendSessionMessage()
    {
        try
        {
            sendSessionMessage();
        }
        catch (final IOException ex)
        {
            disconnect(closing ? null : "send failed: " + ex.getMessage());
        }
    }

    /** Writes all of {@code buffer} (from 0 to {@code length}, or as it stands when length is -1); under sendLock. */
    private void write(final ByteBuffer buffer, final int length) throws IOException
    {
        if (length >= 0)
        {
            buffer.clear().limit(length);
        }
        while (buffer.hasRemaining())
        {
            channel.write(buffer);
        }
        lastSendNs = System.nanoTime();
    }

    private void abort(final String reason)
    {
        disconnect(reason);
        closeChannel();
    }

    private void disconnect(final String reason)
    {
        if (reason != null && disconnected == null)
        {
            disconnected = reason;
        }
        logonReceived.countDown();
        final PhaseRun phase = run;
        if (phase != null)
        {
            final Thread sender = phase.waitingSender;
            if (sender != null)
            {
                LockSupport.unpark(sender);
            }
        }
    }

    /** Null while the session is up; otherwise why it went down. */
    public String disconnected()
    {
        return disconnected;
    }

    /** Logs out (waiting up to 5 s for the answer) and closes the connection. */
    @Override
    public void close()
    {
        closing = true;
        if (disconnected == null)
        {
            synchronized (sendLock)
            {
                header("5");
                trySendSessionMessage();
            }
            try
            {
                logoutReceived.await(5, TimeUnit.SECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly();
    }

    private void closeQuietly()
    {
        closing = true;
        closeChannel();
        watchdog.shutdownNow();
        try
        {
            receiver.join(TimeUnit.SECONDS.toMillis(5));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void closeChannel()
    {
        try
        {
            channel.close();
        }
        catch (final IOException ignored)
        {
            // Closing after a failure: the failure is what gets reported.
        }
    }
}

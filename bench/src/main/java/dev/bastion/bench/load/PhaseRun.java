package dev.bastion.bench.load;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The state one phase shares between the sending thread and the receiving thread. Per order (a slot
 * of a ring indexed by order number) it keeps the scheduled and the actual send time and whether
 * its New and its final answer have come; the ring is large enough that a slot is reused only once
 * its order is answered (open loop: one slot per order; max mode: at least twice the window).
 *
 * <p>The sender fills a slot, then publishes it by the volatile {@link #published} count before the
 * bytes go out; the receiver records under this object's monitor, one read at a time, so the
 * sender's final read of the counters and histograms (under the same monitor) sees all of it.
 */
final class PhaseRun
{
    private static final byte NEW = 1;
    private static final byte DONE = 2;
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(300);

    final PhaseSpec spec;
    final NewOrderSingleTemplate template;
    private final long[] intendedNs;
    private final long[] sentNs;
    private final byte[] state;
    private final int mask;

    /** Orders whose send times are written; the receiver reads slots only below it. */
    volatile long published;
    /** First order number whose answers are recorded; warm-up orders are below it. */
    volatile long firstMeasured = Long.MAX_VALUE;
    /** Orders fully answered; written by the receiver only, read by the sender for the window and the drain. */
    volatile long answered;
    /** Set by a sender about to park for the window; the receiver wakes it once {@link #wakeWhenAnswered}. */
    volatile Thread waitingSender;
    volatile long wakeWhenAnswered;

    private final Histogram newFromIntended = histogram();
    private final Histogram filledFromIntended = histogram();
    private final Histogram newFromSend = histogram();
    private final Histogram filledFromSend = histogram();
    /** Sender only, like {@link #firstMeasuredSentNs}: read back by the sender in {@link #result}. */
    private final Histogram sendLag = histogram();
    private long firstMeasuredSentNs;
    private long acknowledged;
    private long filled;
    private long rejected;
    private long strays;
    private long measuredAnswered;
    private long lastMeasuredAnswerNs;
    private String firstReject;
    private String firstStray;

    PhaseRun(final PhaseSpec spec, final NewOrderSingleTemplate template)
    {
        this.spec = spec;
        this.template = template;
        final long slots = spec.maxThroughput() ?
            Math.max(1024, 2L * spec.window()) : spec.warmupOrders() + spec.measuredOrders();
        if (slots > 1 << 28)
        {
            throw new IllegalArgumentException(
                spec.label() + " for " + spec.warmup().plus(spec.duration()).toSeconds() + " s is " + slots +
                " orders: more than the generator keeps send times for (2^28); shorten the duration");
        }
        final int capacity = Integer.highestOneBit((int)Math.max(1, slots - 1)) << 1;
        intendedNs = new long[capacity];
        sentNs = new long[capacity];
        state = new byte[capacity];
        mask = capacity - 1;
    }

    /** Sender: the send times of order {@code orderNumber}, before it is published. */
    void onSend(final long orderNumber, final long intendedNanos, final long sentNanos)
    {
        final int slot = (int)orderNumber & mask;
        // Late: measured from its schedule, so the wait behind a stall counts (no coordinated omission). Early: from
        // when it left, never from a time after it was sent (that would credit the target with our earliness).
        intendedNs[slot] = Math.min(intendedNanos, sentNanos);
        sentNs[slot] = sentNanos;
        state[slot] = 0;
        if (orderNumber >= firstMeasured)
        {
            if (orderNumber == firstMeasured)
            {
                firstMeasuredSentNs = sentNanos;
            }
            record(sendLag, sentNanos - intendedNanos);
        }
    }

    /** Receiver: an ExecutionReport for ClOrdID at {@code [offset, offset + length)}. */
    void onExecutionReport(final InboundMessage message, final long nowNs)
    {
        final long order = orderOf(message.buffer, message.clOrdIdOffset, message.clOrdIdLength, message);
        if (order < 0)
        {
            return;
        }
        final int slot = (int)order & mask;
        final boolean measured = order >= firstMeasured;
        final char execType = message.execType();
        final char ordStatus = message.ordStatus();
        if (execType == '8' || ordStatus == '8')
        {
            onRejected(order, message);
            return;
        }
        if (execType == '0' && (state[slot] & NEW) == 0)
        {
            state[slot] |= NEW;
            acknowledged++;
            if (measured)
            {
                record(newFromIntended, nowNs - intendedNs[slot]);
                record(newFromSend, nowNs - sentNs[slot]);
            }
        }
        if (ordStatus == '2' && (state[slot] & DONE) == 0)
        {
            state[slot] |= DONE;
            filled++;
            if (measured)
            {
                record(filledFromIntended, nowNs - intendedNs[slot]);
                record(filledFromSend, nowNs - sentNs[slot]);
                measuredAnswered++;
                lastMeasuredAnswerNs = nowNs;
            }
            onAnswered();
        }
    }

    /** Receiver: a BusinessMessageReject whose BusinessRejectRefID should be one of our ClOrdIDs. */
    void onBusinessReject(final InboundMessage message)
    {
        final long order = orderOf(message.buffer, message.refIdOffset, message.refIdLength, message);
        if (order >= 0)
        {
            onRejected(order, message);
        }
    }

    /** Receiver: a session-level Reject (3): which order it was cannot be told from it, but it will never be filled. */
    void onSessionReject(final InboundMessage message)
    {
        rejected++;
        if (firstReject == null)
        {
            firstReject = "session Reject of message " + message.refSeqNum + ": " + message;
        }
        onAnswered();
    }

    private void onRejected(final long order, final InboundMessage message)
    {
        final int slot = (int)order & mask;
        if ((state[slot] & DONE) != 0)
        {
            return;
        }
        state[slot] |= DONE;
        rejected++;
        if (firstReject == null)
        {
            firstReject = template.clOrdId(order) + ": " + message;
        }
        onAnswered();
    }

    private void onAnswered()
    {
        answered++;
        final Thread sender = waitingSender;
        if (sender != null && answered >= wakeWhenAnswered)
        {
            LockSupport.unpark(sender);
        }
    }

    private long orderOf(final byte[] buffer, final int offset, final int length, final InboundMessage message)
    {
        final long order = offset < 0 ? -1 : template.orderNumber(buffer, offset, length);
        if (order < 0 || order >= published)
        {
            strays++;
            if (firstStray == null)
            {
                firstStray = message.toString();
            }
            return -1;
        }
        return order;
    }

    private static void record(final Histogram histogram, final long nanos)
    {
        histogram.recordValue(Math.max(0, Math.min(nanos, HIGHEST_NANOS)));
    }

    private static Histogram histogram()
    {
        return new Histogram(HIGHEST_NANOS, 3);
    }

    /** Sender, after the drain: the phase's result. */
    synchronized PhaseResult result(final long sent, final List<String> sessionFailures)
    {
        final long first = Math.min(firstMeasured, sent);
        final long measured = sent - first;
        final List<String> failures = new ArrayList<>(sessionFailures);
        final long lost = sent - answered;
        if (lost > 0)
        {
            failures.add(lost + " of " + sent + " orders were not answered (first: " +
                template.clOrdId(firstUnanswered(sent)) + ")");
        }
        if (rejected > 0)
        {
            failures.add(rejected + " of " + sent + " orders were rejected; first: " + firstReject);
        }
        if (strays > 0)
        {
            failures.add(strays + " answers were for no order of this phase; first: " + firstStray);
        }
        if (measured > 0 && filledFromIntended.getTotalCount() == 0 && failures.isEmpty())
        {
            failures.add("no measured order was filled");
        }
        final double elapsedNs = measured == 0 ? 0 : lastMeasuredAnswerNs - firstMeasuredSentNs;
        final double achieved = elapsedNs <= 0 ? 0 : measuredAnswered * 1e9 / elapsedNs;
        return new PhaseResult(spec, sent, measured, answered, acknowledged, filled, rejected, achieved,
            newFromIntended.copy(), filledFromIntended.copy(), newFromSend.copy(), filledFromSend.copy(),
            sendLag.copy(), List.copyOf(failures));
    }

    private long firstUnanswered(final long sent)
    {
        final long from = Math.max(0, sent - state.length);
        for (long order = from; order < sent; order++)
        {
            if ((state[(int)order & mask] & DONE) == 0)
            {
                return order;
            }
        }
        return from;
    }
}

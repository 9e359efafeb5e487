package dev.bastion.oms.pipeline;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Where an event goes that must not be lost and whose producer must not block: venue reports and
 * session events (QuickFIX/J's and Artio's threads), operator commands. Client orders need none of
 * this: the gateway holds a refused message and offers it again.
 *
 * <p>Why an overflow queue rather than a ring that can never fill: nothing bounds the venue's side
 * (one order can draw any number of partial fills, a reconnect resends a day's reports), and a
 * business thread waiting on a full client reply queue stops draining the ring; a venue session
 * thread blocked on the ring then stops heartbeating and the venue drops the session. So a producer
 * that finds the ring full waits a bounded time (the business thread usually catches up within
 * it), then hands the event over here, allocating only then.
 *
 * <p>Order. While the queue holds anything, every producer of the ring goes through it (clients
 * are back-pressured), and each queued event carries the ring's cursor at the time it was queued:
 * the business thread takes it only after handling that sequence, so each producer's events are
 * handled in the order it made them. A queued event also publishes a wake-up slot when the ring
 * has room, so an idle business thread comes for it.
 */
final class InboundOverflow
{
    private static final long PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    private final RingBuffer<OmsEvent> ring;
    private final long maxWaitNanos;
    /** Any lock-free multi-producer queue does: this is the rare path, and it allocates a node per event. */
    private final ConcurrentLinkedQueue<OmsEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong overflowed = new AtomicLong();

    InboundOverflow(final RingBuffer<OmsEvent> ring, final long maxWaitNanos)
    {
        this.ring = ring;
        this.maxWaitNanos = maxWaitNanos;
    }

    boolean isEmpty()
    {
        return queue.isEmpty();
    }

    /** How many events have gone through the queue since start. */
    long overflowed()
    {
        return overflowed.get();
    }

    /**
     * A ring slot for an event that must not be lost, waiting at most the configured time.
     *
     * @return the claimed sequence, or -1: fill a {@link #newEvent()} and {@link #offer} it instead.
     */
    long claim()
    {
        long sequence = tryClaim();
        if (sequence >= 0 || !queue.isEmpty())
        {
            return sequence;
        }
        final long deadline = System.nanoTime() + maxWaitNanos;
        while (System.nanoTime() - deadline < 0)
        {
            LockSupport.parkNanos(PARK_NANOS);
            if (!queue.isEmpty())
            {
                return -1;
            }
            sequence = tryClaim();
            if (sequence >= 0)
            {
                return sequence;
            }
        }
        return -1;
    }

    /** A ring slot only if one is free now and nothing is queued (clients, timers), else -1. */
    long tryClaim()
    {
        if (!queue.isEmpty())
        {
            return -1;
        }
        try
        {
            return ring.tryNext();
        }
        catch (final InsufficientCapacityException ex)
        {
            return -1;
        }
    }

    OmsEvent newEvent()
    {
        final OmsEvent event = new OmsEvent();
        event.clear();
        return event;
    }

    void offer(final OmsEvent event)
    {
        event.afterSequence = ring.getCursor();
        queue.offer(event);
        overflowed.incrementAndGet();
        try
        {
            final long sequence = ring.tryNext();
            final OmsEvent wakeUp = ring.get(sequence);
            wakeUp.clear();
            wakeUp.kind = OmsEvent.Kind.OVERFLOW;
            ring.publish(sequence);
        }
        catch (final InsufficientCapacityException ex)
        {
            // The ring is full, so the business thread is busy and will look here after each event.
        }
    }

    /** Business thread: the next queued event that may be handled once {@code sequence} has been, or null. */
    OmsEvent pollReady(final long sequence)
    {
        final OmsEvent head = queue.peek();
        if (head == null || head.afterSequence > sequence)
        {
            return null;
        }
        return queue.poll();
    }
}

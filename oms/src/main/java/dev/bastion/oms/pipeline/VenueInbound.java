package dev.bastion.oms.pipeline;

import com.lmax.disruptor.RingBuffer;
import dev.bastion.oms.venue.VenueExecution;
import dev.bastion.oms.venue.VenueListener;
import org.agrona.concurrent.EpochNanoClock;

/**
 * The venues' side of the ring: each report is published as it comes. Venue reports are never
 * dropped and the venue session's thread never waits long: a full ring is waited on for a bounded
 * time, then the report goes through {@link InboundOverflow}, in order.
 */
final class VenueInbound implements VenueListener
{
    private final RingBuffer<OmsEvent> ring;
    private final InboundOverflow overflow;
    private final EpochNanoClock clock;

    VenueInbound(final RingBuffer<OmsEvent> ring, final InboundOverflow overflow, final EpochNanoClock clock)
    {
        this.ring = ring;
        this.overflow = overflow;
        this.clock = clock;
    }

    @Override
    public void onConnected(final String venue)
    {
        final long sequence = overflow.claim();
        publish(sequence, start(sequence, OmsEvent.Kind.VENUE_CONNECTED, venue));
    }

    @Override
    public void onDisconnected(final String venue)
    {
        final long sequence = overflow.claim();
        publish(sequence, start(sequence, OmsEvent.Kind.VENUE_DISCONNECTED, venue));
    }

    @Override
    public void onExecutionReport(final VenueExecution execution)
    {
        final long sequence = overflow.claim();
        final OmsEvent event = start(sequence, OmsEvent.Kind.VENUE_EXECUTION, execution.venue());
        event.execution = execution;
        publish(sequence, event);
    }

    @Override
    public void onCancelReject(
        final String venue, final String venueClOrdId, final String origVenueClOrdId, final int cxlRejReason,
        final String text)
    {
        final long sequence = overflow.claim();
        final OmsEvent event = start(sequence, OmsEvent.Kind.VENUE_CANCEL_REJECT, venue);
        event.venueClOrdId = venueClOrdId;
        event.origVenueClOrdId = origVenueClOrdId;
        event.cxlRejReason = cxlRejReason;
        event.text = text;
        publish(sequence, event);
    }

    private OmsEvent start(final long sequence, final OmsEvent.Kind kind, final String venue)
    {
        final OmsEvent event = sequence >= 0 ? ring.get(sequence) : overflow.newEvent();
        event.clear();
        event.kind = kind;
        event.venue = venue;
        event.epochNanos = clock.nanoTime();
        return event;
    }

    private void publish(final long sequence, final OmsEvent event)
    {
        if (sequence >= 0)
        {
            ring.publish(sequence);
        }
        else
        {
            overflow.offer(event);
        }
    }
}

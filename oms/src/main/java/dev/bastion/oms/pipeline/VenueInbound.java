package dev.bastion.oms.pipeline;

import com.lmax.disruptor.RingBuffer;
import dev.bastion.oms.venue.VenueExecution;
import dev.bastion.oms.venue.VenueListener;

/**
 * The venues' side of the ring: each report is published as it comes. Venue reports are never
 * dropped, so a full ring makes the venue session's thread wait for a slot.
 */
final class VenueInbound implements VenueListener
{
    private final RingBuffer<OmsEvent> ring;

    VenueInbound(final RingBuffer<OmsEvent> ring)
    {
        this.ring = ring;
    }

    @Override
    public void onConnected(final String venue)
    {
        final long sequence = ring.next();
        start(sequence, OmsEvent.Kind.VENUE_CONNECTED, venue);
        ring.publish(sequence);
    }

    @Override
    public void onDisconnected(final String venue)
    {
        final long sequence = ring.next();
        start(sequence, OmsEvent.Kind.VENUE_DISCONNECTED, venue);
        ring.publish(sequence);
    }

    @Override
    public void onExecutionReport(final VenueExecution execution)
    {
        final long sequence = ring.next();
        start(sequence, OmsEvent.Kind.VENUE_EXECUTION, execution.venue()).execution = execution;
        ring.publish(sequence);
    }

    @Override
    public void onCancelReject(
        final String venue, final String venueClOrdId, final String origVenueClOrdId, final int cxlRejReason,
        final String text)
    {
        final long sequence = ring.next();
        final OmsEvent event = start(sequence, OmsEvent.Kind.VENUE_CANCEL_REJECT, venue);
        event.clOrdId = venueClOrdId;
        event.origClOrdId = origVenueClOrdId;
        event.cxlRejReason = cxlRejReason;
        event.text = text;
        ring.publish(sequence);
    }

    private OmsEvent start(final long sequence, final OmsEvent.Kind kind, final String venue)
    {
        final OmsEvent event = ring.get(sequence);
        event.clear();
        event.kind = kind;
        event.venue = venue;
        event.publishedNanos = System.nanoTime();
        return event;
    }
}

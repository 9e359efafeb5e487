package dev.bastion.bench.pipeline;

import dev.bastion.oms.venue.VenueAdapter;
import dev.bastion.oms.venue.VenueOrder;

import java.util.concurrent.atomic.AtomicLong;

/** The end of the measured path: a venue that takes each order and counts it. */
final class StubVenue implements VenueAdapter
{
    static final String NAME = "STUB";

    final AtomicLong sent = new AtomicLong();

    @Override
    public String venueName()
    {
        return NAME;
    }

    @Override
    public void start()
    {
    }

    @Override
    public void stop()
    {
    }

    @Override
    public boolean isConnected()
    {
        return true;
    }

    @Override
    public void send(final VenueOrder order)
    {
        sent.lazySet(sent.get() + 1);
    }

    @Override
    public void cancel(final String venueClOrdId, final String origVenueClOrdId, final VenueOrder order)
    {
    }

    @Override
    public void replace(final String newVenueClOrdId, final String origVenueClOrdId, final VenueOrder amended)
    {
    }

    @Override
    public void requestStatus(final VenueOrder order)
    {
    }

    @Override
    public void massStatus()
    {
    }
}

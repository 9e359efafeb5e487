package dev.bastion.oms.venue;

/**
 * What a venue adapter tells the OMS. Called from the adapter's own thread: an implementation
 * hands each call on (the OMS publishes it onto its ring) and returns quickly, because a slow
 * callback holds up the venue session.
 */
public interface VenueListener
{
    /** The session to the venue is up: orders sent now go out at once. */
    void onConnected(String venue);

    /** The session is down: orders sent now wait in the adapter until the next logon. */
    void onDisconnected(String venue);

    void onExecutionReport(VenueExecution execution);

    /**
     * An OrderCancelReject (9): the cancel or replace request {@code venueClOrdId} was refused;
     * the order named by {@code origVenueClOrdId} stands as it was.
     *
     * @param cxlRejReason CxlRejReason (102): 0 too late to cancel, 1 unknown order, 3 already
     *                     pending, 99 other; -1 when the venue sent none.
     */
    void onCancelReject(String venue, String venueClOrdId, String origVenueClOrdId, int cxlRejReason, String text);
}

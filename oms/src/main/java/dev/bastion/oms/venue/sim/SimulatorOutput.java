package dev.bastion.oms.venue.sim;

/** Where the matching engine's decisions go: the FIX sessions and the record in the simulator, a list in tests. */
interface SimulatorOutput
{
    void orderBooked(VenueRecord.OrderEntry order);

    void execution(SimExecution execution);

    void cancelReject(SimCancelReject reject);
}

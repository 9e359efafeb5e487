package dev.bastion.oms.venue.sim;

/**
 * What the simulator tells whoever runs it (the {@code bastion venue-sim} command prints it).
 * Called on the simulator's threads; an implementation returns quickly.
 */
public interface SimulatorListener
{
    SimulatorListener NONE = new SimulatorListener()
    {
    };

    /** A NewOrderSingle was booked (accepted or rejected). */
    default void onOrder(final VenueRecord.OrderEntry order)
    {
    }

    /** An ExecutionReport was sent. */
    default void onExecution(final SimExecution execution)
    {
    }

    /** An OrderCancelReject was sent. */
    default void onCancelReject(final SimCancelReject reject)
    {
    }

    default void onLogon(final String session)
    {
    }

    default void onLogout(final String session)
    {
    }
}

package dev.bastion.oms.venue.sim;

import java.util.ArrayList;
import java.util.List;

/** The engine's output kept in lists; {@link #take()} hands over what came since the last call. */
final class RecordingOutput implements SimulatorOutput
{
    final List<VenueRecord.OrderEntry> orders = new ArrayList<>();
    final List<SimExecution> executions = new ArrayList<>();
    final List<SimCancelReject> cancelRejects = new ArrayList<>();
    private int taken;

    @Override
    public void orderBooked(final VenueRecord.OrderEntry order)
    {
        orders.add(order);
    }

    @Override
    public void execution(final SimExecution execution)
    {
        executions.add(execution);
    }

    @Override
    public void cancelReject(final SimCancelReject reject)
    {
        cancelRejects.add(reject);
    }

    List<SimExecution> take()
    {
        final List<SimExecution> fresh = List.copyOf(executions.subList(taken, executions.size()));
        taken = executions.size();
        return fresh;
    }
}

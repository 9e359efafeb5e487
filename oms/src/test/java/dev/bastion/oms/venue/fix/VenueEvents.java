package dev.bastion.oms.venue.fix;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.venue.VenueExecution;
import dev.bastion.oms.venue.VenueListener;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A VenueListener that keeps what it is told, for tests to await in order (bounded waits, no
 * sleeps). Tests sharing one session give their ClOrdIDs a prefix and {@link #only} it: reports
 * and cancel rejects for other tests' orders are skipped.
 */
final class VenueEvents implements VenueListener
{
    /** Generous: the machine is shared and a first QuickFIX/J logon in a JVM can take seconds under load. */
    static final long WAIT_SECONDS = 30;

    /** What an OrderCancelReject told the listener. */
    record CancelReject(String venue, String clOrdId, String origClOrdId, int reason, String text)
    {
    }

    private final BlockingQueue<VenueExecution> executions = new LinkedBlockingQueue<>();
    private final BlockingQueue<CancelReject> cancelRejects = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> connections = new LinkedBlockingQueue<>();
    private final List<VenueExecution> all = new ArrayList<>();
    private volatile String prefix = "";

    /** From now on, take only reports and rejects whose ClOrdID starts with {@code clOrdIdPrefix}. */
    void only(final String clOrdIdPrefix)
    {
        prefix = clOrdIdPrefix;
    }

    private boolean mine(final String clOrdId)
    {
        return clOrdId != null && clOrdId.startsWith(prefix);
    }

    @Override
    public void onConnected(final String venue)
    {
        connections.add("UP " + venue);
    }

    @Override
    public void onDisconnected(final String venue)
    {
        connections.add("DOWN " + venue);
    }

    @Override
    public void onExecutionReport(final VenueExecution execution)
    {
        synchronized (all)
        {
            all.add(execution);
        }
        executions.add(execution);
    }

    @Override
    public void onCancelReject(
        final String venue, final String venueClOrdId, final String origVenueClOrdId, final int cxlRejReason,
        final String text)
    {
        cancelRejects.add(new CancelReject(venue, venueClOrdId, origVenueClOrdId, cxlRejReason, text));
    }

    void awaitConnected() throws InterruptedException
    {
        assertThat(awaitConnection()).as("logon").startsWith("UP");
    }

    void awaitDisconnected() throws InterruptedException
    {
        assertThat(awaitConnection()).as("logout").startsWith("DOWN");
    }

    private String awaitConnection() throws InterruptedException
    {
        final String event = connections.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(event).as("a session event within " + WAIT_SECONDS + " s").isNotNull();
        return event;
    }

    VenueExecution next() throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true)
        {
            final VenueExecution execution = executions.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertThat(execution).as("an execution report within " + WAIT_SECONDS + " s").isNotNull();
            if (mine(execution.venueClOrdId()))
            {
                return execution;
            }
        }
    }

    /** This test's reports up to and including the first that matches. */
    List<VenueExecution> until(final java.util.function.Predicate<VenueExecution> last) throws InterruptedException
    {
        final List<VenueExecution> taken = new ArrayList<>();
        VenueExecution execution;
        do
        {
            execution = next();
            taken.add(execution);
        }
        while (!last.test(execution));
        return taken;
    }

    /** The next report, which must be of this ExecType. */
    VenueExecution next(final ExecType execType) throws InterruptedException
    {
        final VenueExecution execution = next();
        assertThat(execution.execType()).as("ExecType of " + execution).isEqualTo(execType);
        return execution;
    }

    CancelReject nextCancelReject() throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true)
        {
            final CancelReject reject = cancelRejects.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertThat(reject).as("an OrderCancelReject within " + WAIT_SECONDS + " s").isNotNull();
            if (mine(reject.clOrdId()))
            {
                return reject;
            }
        }
    }

    /** Every report received so far for this test's orders. */
    List<VenueExecution> all()
    {
        synchronized (all)
        {
            return all.stream().filter(execution -> mine(execution.venueClOrdId())).toList();
        }
    }
}

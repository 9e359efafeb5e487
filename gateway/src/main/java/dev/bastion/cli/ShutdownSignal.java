package dev.bastion.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waits for the JVM to be asked to stop (Ctrl-C, SIGTERM) and holds its exit until the command has
 * closed what it runs. A shutdown hook that only wakes the command would let the JVM halt while the
 * command is still closing: stores would be left "not closed cleanly" and temporary files behind.
 */
public final class ShutdownSignal implements AutoCloseable
{
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook;

    /**
     * @param closeTimeout how long the JVM's exit waits for the command to close before it halts anyway.
     */
    public ShutdownSignal(final Duration closeTimeout)
    {
        hook = new Thread(() ->
        {
            requested.countDown();
            try
            {
                closed.await(closeTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }, "bastion-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Returns once the JVM has been asked to stop. */
    public void await() throws InterruptedException
    {
        requested.await();
    }

    /** The command has closed what it runs: the JVM may exit now (or the hook is gone, if it was not stopping). */
    @Override
    public void close()
    {
        closed.countDown();
        try
        {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (final IllegalStateException shuttingDown)
        {
            // The JVM is stopping: the hook returns now that closed is counted down.
        }
    }
}

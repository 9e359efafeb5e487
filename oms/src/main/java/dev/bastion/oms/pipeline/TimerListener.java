package dev.bastion.oms.pipeline;

/**
 * Told on the business thread at each tick of the pipeline's timer, after the risk checks have seen
 * it: the place for work driven by time that must not race the order flow (portfolio marks and
 * valuations, end-of-day rolls).
 */
@FunctionalInterface
public interface TimerListener
{
    /** @param epochNanos the business clock: the tick's time, never before the last event's. */
    void onTimer(long epochNanos);
}

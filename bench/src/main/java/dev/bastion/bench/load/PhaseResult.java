package dev.bastion.bench.load;

import org.HdrHistogram.Histogram;

import java.util.List;

/**
 * What one phase measured. Latencies are in nanoseconds in the histograms; "from intended" starts
 * the clock at the time an order was scheduled (open loop, so a stalled target cannot hide the
 * orders that queued behind the stall: no coordinated omission), or when it left if the generator
 * sent it early; "from send" at the moment the generator actually wrote it. In max mode the two
 * are the same.
 *
 * @param spec              what was asked.
 * @param sent              orders sent, warm-up included.
 * @param measured          orders sent after the warm-up: the ones whose answers are recorded.
 * @param answered          orders that got their last answer (filled or rejected).
 * @param acknowledged      orders that got an ExecutionReport(New).
 * @param filled            orders that got an ExecutionReport(Filled).
 * @param rejected          orders answered with a reject of any kind.
 * @param achievedRate      measured orders answered per second, from the first measured send to the last answer.
 * @param newFromIntended   NewOrderSingle → ExecutionReport(New), from the scheduled send time.
 * @param filledFromIntended NewOrderSingle → ExecutionReport(Filled), from the scheduled send time.
 * @param newFromSend       NewOrderSingle → ExecutionReport(New), from the actual send.
 * @param filledFromSend    NewOrderSingle → ExecutionReport(Filled), from the actual send.
 * @param sendLag           how late the generator sent each measured order after its scheduled time: its own
 *                          timing error, included in the "from intended" figures (zero in max mode).
 * @param failures          why the phase does not count, each said for a person; empty when it does.
 */
public record PhaseResult(
    PhaseSpec spec,
    long sent,
    long measured,
    long answered,
    long acknowledged,
    long filled,
    long rejected,
    double achievedRate,
    Histogram newFromIntended,
    Histogram filledFromIntended,
    Histogram newFromSend,
    Histogram filledFromSend,
    Histogram sendLag,
    List<String> failures)
{
    public boolean ok()
    {
        return failures.isEmpty();
    }

    public long lost()
    {
        return sent - answered;
    }
}

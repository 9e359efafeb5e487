package dev.bastion.bench.load;

import java.util.List;

/**
 * What one target did in a run: its phases in order, or why it could not be measured.
 *
 * @param error why the target could not be started or logged on to; null when it was.
 */
public record TargetRun(String name, String description, List<MeasuredPhase> phases, String error)
{
    /**
     * One phase with the CPU it cost, over the whole phase (warm-up and drain included), as a
     * percentage of one core: 200 is both cores of this machine.
     */
    public record MeasuredPhase(PhaseResult result, double targetCpuPercent, double generatorCpuPercent)
    {
    }

    public boolean ok()
    {
        return error == null && phases.stream().allMatch(phase -> phase.result().ok());
    }

    /** The phase at this rate label ("1000/s", "max"), or null. */
    public MeasuredPhase phase(final String label)
    {
        return phases.stream().filter(phase -> phase.result().spec().label().equals(label)).findFirst().orElse(null);
    }
}

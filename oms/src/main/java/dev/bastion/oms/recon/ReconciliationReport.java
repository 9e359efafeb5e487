package dev.bastion.oms.recon;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What reconciliation has found since start: a count per kind and the most recent findings (up to
 * a bound), readable as a table. The business thread {@linkplain #drain drains} the fill path's
 * {@link FindingRing} into it at each timer tick and logs each finding at its level (INFO, WARN,
 * ERROR for critical); any thread may read it.
 */
public final class ReconciliationReport
{
    private static final Logger LOG = LogManager.getLogger(ReconciliationReport.class);

    private final int kept;
    private final ArrayDeque<Finding> recent;
    private final Map<FindingKind, Long> counts = new EnumMap<>(FindingKind.class);
    private long lost;

    /** @param kept how many of the latest findings the report lists (all are counted). */
    public ReconciliationReport(final int kept)
    {
        this.kept = kept;
        this.recent = new ArrayDeque<>(Math.min(kept, 1024));
    }

    /** Moves the ring's findings into the report and logs them; on the business thread. */
    public void drain(final FindingRing ring)
    {
        Finding finding;
        final List<Finding> drained = new ArrayList<>();
        while ((finding = ring.poll()) != null)
        {
            drained.add(finding);
        }
        synchronized (this)
        {
            for (final FindingKind kind : FindingKind.values())
            {
                final long count = ring.count(kind);
                if (count > 0)
                {
                    counts.put(kind, count);
                }
            }
            lost = ring.lost();
            for (final Finding each : drained)
            {
                if (recent.size() == kept)
                {
                    recent.pollFirst();
                }
                recent.addLast(each);
            }
        }
        for (final Finding each : drained)
        {
            LOG.log(logLevel(each.level()), "Reconciliation: {}", each);
        }
    }

    public synchronized long count(final FindingKind kind)
    {
        return counts.getOrDefault(kind, 0L);
    }

    public synchronized long count(final FindingLevel level)
    {
        long total = 0;
        for (final Map.Entry<FindingKind, Long> entry : counts.entrySet())
        {
            if (entry.getKey().level() == level)
            {
                total += entry.getValue();
            }
        }
        return total;
    }

    /** The latest findings, oldest first. */
    public synchronized List<Finding> findings()
    {
        return List.copyOf(recent);
    }

    /** A table: the counts per kind with their level, then the latest findings one per line. */
    @Override
    public synchronized String toString()
    {
        final StringBuilder text = new StringBuilder("Reconciliation report\n");
        text.append(String.format("%-26s %-8s %10s%n", "finding", "level", "count"));
        if (counts.isEmpty())
        {
            text.append("(no findings)\n");
        }
        counts.forEach((kind, count) -> text.append(String.format("%-26s %-8s %10d%n", kind, kind.level(), count)));
        text.append(String.format("totals: %d critical, %d warning, %d info%s%n",
            countUnlocked(FindingLevel.CRITICAL), countUnlocked(FindingLevel.WARNING), countUnlocked(FindingLevel.INFO),
            lost > 0 ? " (" + lost + " findings not listed: ring overrun)" : ""));
        for (final Finding finding : recent)
        {
            text.append(finding).append('\n');
        }
        return text.toString();
    }

    private long countUnlocked(final FindingLevel level)
    {
        long total = 0;
        for (final Map.Entry<FindingKind, Long> entry : counts.entrySet())
        {
            total += entry.getKey().level() == level ? entry.getValue() : 0;
        }
        return total;
    }

    private static Level logLevel(final FindingLevel level)
    {
        switch (level)
        {
            case CRITICAL:
                return Level.ERROR;
            case WARNING:
                return Level.WARN;
            default:
                return Level.INFO;
        }
    }
}

package dev.bastion.gateway.config;

import dev.bastion.oms.pipeline.OmsConfiguration;
import dev.bastion.oms.recon.ReconciliationConfiguration;

import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the {@code reconciliation:} section of {@code bastion.yaml}: how fills are checked against
 * their orders and how long a restart waits for the venues' status answers. Unknown keys are
 * refused; a bad value names the file and the key.
 */
final class ReconciliationConfigurationReader
{
    static final String SECTION = "reconciliation";
    static final Set<String> KEYS = Set.of("priceDeviationPercent", "lateFillAfterCancelMs", "statusAnswerTimeoutMs");

    private ReconciliationConfigurationReader()
    {
    }

    /** @return applies the section to an OMS configuration (nothing when the section is absent). */
    static Consumer<OmsConfiguration> read(final ConfigNode root)
    {
        final ConfigNode section = root.section(SECTION);
        if (section == null)
        {
            return oms -> { };
        }
        section.rejectUnknownKeys(KEYS);
        final double percent = section.positiveNumber("priceDeviationPercent",
            ReconciliationConfiguration.DEFAULT_PRICE_DEVIATION_PERCENT);
        final long lateFillMs = section.longInteger("lateFillAfterCancelMs",
            ReconciliationConfiguration.DEFAULT_LATE_FILL_AFTER_CANCEL.toMillis());
        if (lateFillMs < 1)
        {
            throw section.error("lateFillAfterCancelMs", "must be at least 1, was " + lateFillMs);
        }
        final long statusMs = section.longInteger("statusAnswerTimeoutMs",
            ReconciliationConfiguration.DEFAULT_STATUS_ANSWER_TIMEOUT.toMillis());
        if (statusMs < 1)
        {
            throw section.error("statusAnswerTimeoutMs", "must be at least 1, was " + statusMs);
        }
        return oms -> oms.reconciliationConfiguration()
            .priceDeviationPercent(percent)
            .lateFillAfterCancel(Duration.ofMillis(lateFillMs))
            .statusAnswerTimeout(Duration.ofMillis(statusMs));
    }
}

package dev.bastion.gateway.config;

import dev.bastion.oms.pipeline.OmsConfiguration;
import dev.bastion.oms.recon.ReconciliationConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code reconciliation:} section of bastion.yaml. */
class ReconciliationConfigurationReaderTest
{
    @TempDir
    Path directory;

    @Test
    void shouldApplyTheReconciliationSectionToTheOms() throws IOException
    {
        final Path file = write("""
            reconciliation:
              priceDeviationPercent: 1.5
              lateFillAfterCancelMs: 2500
              statusAnswerTimeoutMs: 9000
            """);

        final OmsConfiguration oms = new ConfigurationLoader().loadAll(file).orderFlow().omsConfiguration(List.of());
        final ReconciliationConfiguration reconciliation = oms.reconciliationConfiguration();

        assertThat(reconciliation.priceDeviationPercent()).isEqualTo(1.5);
        assertThat(reconciliation.lateFillAfterCancel()).isEqualTo(Duration.ofMillis(2500));
        assertThat(reconciliation.statusAnswerTimeout()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void shouldKeepTheDefaultsWithoutTheSection() throws IOException
    {
        final OmsConfiguration oms = new ConfigurationLoader().loadAll(write("gateway: {port: 9999}\n")).orderFlow()
            .omsConfiguration(List.of());

        assertThat(oms.reconciliationConfiguration().priceDeviationPercent())
            .isEqualTo(ReconciliationConfiguration.DEFAULT_PRICE_DEVIATION_PERCENT);
    }

    @Test
    void shouldRefuseAnUnknownKeyNamingItAndTheFile() throws IOException
    {
        final Path file = write("""
            reconciliation:
              priceDeviation: 3
            """);

        assertThatThrownBy(() -> new ConfigurationLoader().loadAll(file))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining(file.toString())
            .hasMessageContaining("reconciliation.priceDeviation: unknown key");
    }

    @Test
    void shouldRefuseANonPositiveThresholdNamingTheKey() throws IOException
    {
        final Path file = write("""
            reconciliation:
              priceDeviationPercent: 0
            """);

        assertThatThrownBy(() -> new ConfigurationLoader().loadAll(file))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("reconciliation.priceDeviationPercent");
    }

    private Path write(final String yaml) throws IOException
    {
        final Path file = directory.resolve("bastion.yaml");
        Files.writeString(file, "gateway:\n  port: 9999\n  dataDirectory: " + directory.resolve("data") + "\n" +
            yaml.replace("gateway: {port: 9999}\n", ""));
        return file;
    }
}

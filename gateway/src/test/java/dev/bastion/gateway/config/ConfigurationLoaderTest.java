package dev.bastion.gateway.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigurationLoaderTest
{
    @TempDir
    Path directory;

    @Test
    void theShippedDefaultConfigurationLoads()
    {
        final GatewayConfiguration configuration =
            new ConfigurationLoader().load(Path.of("..", "config", "bastion.yaml"));

        assertThat(configuration.port()).isEqualTo(9880);
        assertThat(configuration.sessions()).extracting(ClientSessionConfiguration::fixVersion)
            .contains(FixVersion.FIX42, FixVersion.FIX44);
    }

    @Test
    void readsSessionsWithCredentialsThrottleAndResetPolicy() throws IOException
    {
        final Path file = write("""
            gateway:
              port: 0
              dataDirectory: %s
            sessions:
              - senderCompId: BASTION
                targetCompId: CLIENT1
                fixVersion: FIX.4.2
                username: u1
                password: p1
                heartbeatIntervalSeconds: 20
                throttle: {messages: 100, windowMs: 500}
                resetSeqNumOnLogon: true
            """.formatted(directory.resolve("data")));

        final ClientSessionConfiguration session = new ConfigurationLoader().load(file).sessions().get(0);

        assertThat(session.fixVersion()).isEqualTo(FixVersion.FIX42);
        assertThat(session.username()).isEqualTo("u1");
        assertThat(session.password()).isEqualTo("p1");
        assertThat(session.heartbeatIntervalSeconds()).isEqualTo(20);
        assertThat(session.throttle()).isEqualTo(new ThrottleConfiguration(100, 500));
        assertThat(session.resetSeqNumOnLogon()).isTrue();
    }

    @Test
    void anUnknownKeyIsAnErrorNamingTheKeyAndTheFile() throws IOException
    {
        final Path file = write("""
            gateway:
              prot: 9880
            """);

        assertThatThrownBy(() -> new ConfigurationLoader().load(file))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining(file.toString())
            .hasMessageContaining("prot");
    }

    @Test
    void aSessionWithoutTargetCompIdIsAnErrorNamingTheKey() throws IOException
    {
        final Path file = write("""
            sessions:
              - senderCompId: BASTION
                fixVersion: FIX.4.4
            """);

        assertThatThrownBy(() -> new ConfigurationLoader().load(file))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("targetCompId");
    }

    @Test
    void anUnsupportedFixVersionIsAnErrorNamingTheKey() throws IOException
    {
        final Path file = write("""
            sessions:
              - senderCompId: BASTION
                targetCompId: C
                fixVersion: FIX.4.1
            """);

        assertThatThrownBy(() -> new ConfigurationLoader().load(file))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("fixVersion")
            .hasMessageContaining("FIX.4.1");
    }

    @Test
    void aPortOutOfRangeIsAnErrorNamingTheKey() throws IOException
    {
        final Path file = write("""
            gateway:
              port: 70000
            """);

        assertThatThrownBy(() -> new ConfigurationLoader().load(file))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("gateway.port");
    }

    @Test
    void aMissingPasswordEnvironmentVariableIsAnErrorNamingIt() throws IOException
    {
        final Path file = write("""
            sessions:
              - senderCompId: BASTION
                targetCompId: C
                fixVersion: FIX.4.4
                passwordEnv: BASTION_TEST_SURELY_UNSET_VARIABLE
            """);

        assertThatThrownBy(() -> new ConfigurationLoader().load(file))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("BASTION_TEST_SURELY_UNSET_VARIABLE");
    }

    private Path write(final String yaml) throws IOException
    {
        final Path file = directory.resolve("bastion.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}

package dev.bastion.gateway.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.bastion.oms.pipeline.OmsConfiguration;
import dev.bastion.oms.pipeline.RiskEngineCheck;
import dev.bastion.oms.pipeline.WaitStrategyChoice;
import dev.bastion.oms.venue.fix.VenueConfigurationException;
import dev.bastion.oms.venue.fix.VenueDefinition;
import dev.bastion.risk.pretrade.PreTradeChecker;
import dev.bastion.risk.pretrade.PreTradeConfiguration;
import dev.bastion.risk.pretrade.TradingState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

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
              port: 9999
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
    void portZeroIsRefusedBecauseClientsCouldNotBeToldThePort() throws IOException
    {
        final Path file = write("""
            gateway:
              port: 0
            """);

        assertThatThrownBy(() -> new ConfigurationLoader().load(file))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("gateway.port: must be 1..65535, was 0");
    }

    @Test
    void readsCancelOnDisconnectDropCopyAndTheAdminEndpoint() throws IOException
    {
        final Path file = write("""
            gateway:
              dataDirectory: %s
            admin:
              port: 9881
              token: s3cret
            sessions:
              - senderCompId: BASTION
                targetCompId: TRADER
                fixVersion: FIX.4.4
                cancelOnDisconnect: true
              - senderCompId: BASTION
                targetCompId: COPY
                fixVersion: FIX.4.4
                dropCopy: true
              - senderCompId: BASTION
                targetCompId: PLAIN
                fixVersion: FIX.4.4
            """.formatted(directory.resolve("data")));

        final GatewayConfiguration configuration = new ConfigurationLoader().load(file);

        assertThat(configuration.sessions()).extracting(ClientSessionConfiguration::cancelOnDisconnect)
            .containsExactly(true, false, false);
        assertThat(configuration.sessions()).extracting(ClientSessionConfiguration::dropCopy)
            .containsExactly(false, true, false);
        assertThat(configuration.admin()).isEqualTo(new AdminConfiguration("127.0.0.1", 9881, "s3cret"));
        assertThat(configuration.admin().toString()).doesNotContain("s3cret");
    }

    @Test
    void withoutAnAdminSectionThereIsNoAdminEndpoint() throws IOException
    {
        final Path file = write("""
            gateway:
              dataDirectory: %s
            """.formatted(directory.resolve("data")));

        assertThat(new ConfigurationLoader().load(file).admin().enabled()).isFalse();
    }

    @Test
    void anAdminHostOffTheLoopbackIsAnErrorNamingTheKeyAndTheFile() throws IOException
    {
        final Path file = write("""
            admin:
              host: 8.8.8.8
              port: 9881
            """);

        assertThatThrownBy(() -> new ConfigurationLoader().load(file))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining(file.toString())
            .hasMessageContaining("admin.host")
            .hasMessageContaining("loopback");
    }

    @Test
    void anUnknownAdminKeyIsAnErrorNamingTheKey() throws IOException
    {
        final Path file = write("""
            admin:
              prot: 9881
            """);

        assertThatThrownBy(() -> new ConfigurationLoader().load(file))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining(file.toString())
            .hasMessageContaining("prot");
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

    @Test
    void theShippedDefaultConfigurationConfiguresTheOrderFlow()
    {
        final BastionConfiguration configuration =
            new ConfigurationLoader().loadAll(Path.of("..", "config", "bastion.yaml"));
        final OrderFlowConfiguration orderFlow = configuration.orderFlow();

        assertThat(orderFlow.hasVenues()).isTrue();
        assertThat(orderFlow.venues()).extracting(VenueDefinition::name).containsExactly("SIM");
        assertThat(orderFlow.venues().get(0).settingsFile()).endsWith(Path.of("config", "venues", "venue-sim.cfg"));
        assertThat(orderFlow.routing().defaultVenue()).isEqualTo("SIM");
        assertThat(orderFlow.ringSize()).isEqualTo(16_384);
        assertThat(orderFlow.waitStrategy()).isEqualTo(WaitStrategyChoice.BLOCKING);

        final OmsConfiguration oms = orderFlow.omsConfiguration(orderFlow.venues()).conclude();
        assertThat(oms.preTradeCheck()).isInstanceOf(RiskEngineCheck.class);
        assertThat(oms.referencePrices()).containsEntry("AAPL", 190.0);
        assertThat(oms.tradingDayStart()).isEqualTo(LocalTime.of(21, 0));
    }

    @Test
    void readsRiskLimitsAccountsAndRoutingIntoTheRiskEngine() throws IOException
    {
        final Path file = withVenue("""
            risk:
              allowUnknownAccounts: false
              limits: {maxOrderNotional: 5000, maxOrders: 3, orderRateWindowMs: 2000}
              accounts:
                ACC-1: {capital: 250000, maxOrderNotional: 20000}
              restrictedSymbols: [ZVZZT]
              sectors: {AAPL: technology}
              kelly: {fraction: 0.5, maxFraction: 0.2}
            routing:
              defaultVenue: SIM
              symbols: {AAPL: SIM}
            """);

        final OmsConfiguration oms = new ConfigurationLoader().loadAll(file).orderFlow()
            .omsConfiguration(List.of()).conclude();

        final PreTradeConfiguration risk = oms.preTradeConfiguration();
        assertThat(risk.allowUnknownAccounts()).isFalse();
        assertThat(risk.limits().maxOrderNotional()).isEqualTo(5000);
        assertThat(risk.limits().maxOrders()).isEqualTo(3);
        assertThat(risk.limits().orderRateWindow()).isEqualTo(Duration.ofSeconds(2));
        assertThat(risk.restrictedSymbols()).containsExactly("ZVZZT");
        assertThat(risk.sectors()).containsEntry("AAPL", "technology");
        assertThat(oms.kellyConfiguration().kellyFraction()).isEqualTo(0.5);
        final PreTradeChecker checker = ((RiskEngineCheck)oms.preTradeCheck()).checker();
        assertThat(checker.accountState("ACC-1")).isEqualTo(TradingState.NORMAL);
        assertThat(checker.transition("ACC-1", TradingState.HALTED, "configured account")).isNotNull();
        assertThatThrownBy(() -> checker.transition("OTHER", TradingState.HALTED, "not configured"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownRiskLimitIsAnErrorNamingItsFullKey() throws IOException
    {
        final Path file = withVenue("""
            risk:
              accounts:
                ACC-1: {maxNotional: 5}
            routing: {defaultVenue: SIM}
            """);

        assertThatThrownBy(() -> new ConfigurationLoader().loadAll(file))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining(file.toString())
            .hasMessageContaining("risk.accounts.ACC-1.maxNotional: unknown key");
    }

    @Test
    void aRoutingToAVenueThatIsNotConfiguredIsAnErrorNamingTheKey() throws IOException
    {
        final Path file = withVenue("""
            routing:
              defaultVenue: SIM
              symbols: {MSFT: LSE}
            """);

        assertThatThrownBy(() -> new ConfigurationLoader().loadAll(file))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("routing.symbols.MSFT: 'LSE' is not a venue");
    }

    @Test
    void aWrongWaitStrategyOrRingSizeIsAnErrorListingWhatIsAllowed() throws IOException
    {
        assertThatThrownBy(() -> new ConfigurationLoader().loadAll(write("oms: {waitStrategy: spinning}")))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("oms.waitStrategy: must be one of blocking, sleeping, yielding");
        assertThatThrownBy(() -> new ConfigurationLoader().loadAll(write("oms: {ringSize: 1000}")))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("oms.ringSize: must be a power of two");
    }

    @Test
    void aKellyFractionAboveOneIsAnErrorNamingTheKey() throws IOException
    {
        assertThatThrownBy(() -> new ConfigurationLoader().loadAll(write("risk: {kelly: {fraction: 2}}")))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("risk.kelly.fraction: must be at most 1");
    }

    @Test
    void aWrongVenueSettingsFileStopsTheLoadNamingThatFileAndKey() throws IOException
    {
        Files.writeString(directory.resolve("broker.cfg"), """
            [SESSION]
            BeginString=FIX.4.4
            SenderCompID=BASTION
            TargetCompID=BROKER
            SocketConnectHost=127.0.0.1
            SocketConnectPort=99999
            """);
        final Path file = write("""
            venues:
              - name: BROKER
                settingsFile: broker.cfg
            routing: {defaultVenue: BROKER}
            """);

        assertThatThrownBy(() -> new ConfigurationLoader().loadAll(file))
            .isInstanceOf(VenueConfigurationException.class)
            .hasMessageContaining("broker.cfg")
            .hasMessageContaining("SocketConnectPort");
    }

    private Path withVenue(final String yaml) throws IOException
    {
        Files.writeString(directory.resolve("sim.cfg"), """
            [SESSION]
            BeginString=FIX.4.4
            SenderCompID=BASTION
            TargetCompID=SIM
            SocketConnectHost=127.0.0.1
            SocketConnectPort=9890
            """);
        return write("""
            venues:
              - name: SIM
                settingsFile: sim.cfg
                dataDirectory: %s
            """.formatted(directory.resolve("venue-data")) + yaml);
    }

    private Path write(final String yaml) throws IOException
    {
        final Path file = directory.resolve("bastion.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}

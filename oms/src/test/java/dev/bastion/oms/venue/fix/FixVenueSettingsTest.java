package dev.bastion.oms.venue.fix;

import dev.bastion.oms.venue.VenueAdapter;
import dev.bastion.oms.venue.VenueExecution;
import dev.bastion.oms.venue.VenueListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A broker's QuickFIX/J settings file: defaults filled in, and every mistake named by file and key. */
class FixVenueSettingsTest
{
    private static final String SESSION = String.join("\n",
        "[SESSION]",
        "BeginString=FIX.4.4",
        "SenderCompID=BASTION",
        "TargetCompID=BROKER",
        "SocketConnectHost=127.0.0.1",
        "SocketConnectPort=9999",
        "");
    private static final VenueListener NOBODY = new VenueListener()
    {
        @Override
        public void onConnected(final String venue)
        {
        }

        @Override
        public void onDisconnected(final String venue)
        {
        }

        @Override
        public void onExecutionReport(final VenueExecution execution)
        {
        }

        @Override
        public void onCancelReject(
            final String venue, final String venueClOrdId, final String origVenueClOrdId, final int cxlRejReason,
            final String text)
        {
        }
    };

    @TempDir
    Path dir;

    @Test
    void shouldFillInWhatABrokersMinimalFileLeavesOut() throws IOException
    {
        final FixVenueSettings settings = FixVenueSettings.load(write("broker.cfg", SESSION), dir.resolve("data"));

        assertThat(settings.version()).isEqualTo(FixVersion.FIX44);
        assertThat(settings.sessionId().toString()).isEqualTo("FIX.4.4:BASTION->BROKER");
        assertThat(settings.get("ConnectionType")).isEqualTo("initiator");
        assertThat(settings.get("HeartBtInt")).isEqualTo("30");
        assertThat(settings.get("ReconnectInterval")).isEqualTo("5");
        assertThat(settings.get("NonStopSession")).isEqualTo("Y");
        assertThat(settings.get("UseDataDictionary")).isEqualTo("Y");
        assertThat(settings.get("DataDictionary")).isEqualTo("dev/bastion/fix/FIX44.xml");
        assertThat(settings.get("FileStorePath")).isEqualTo(dir.resolve("data/store").toAbsolutePath().toString());
        assertThat(settings.get("FileLogPath")).isEqualTo(dir.resolve("data/log").toAbsolutePath().toString());
    }

    @Test
    void shouldKeepWhatTheFileSays() throws IOException
    {
        final FixVenueSettings settings = FixVenueSettings.load(write("broker.cfg",
            "[DEFAULT]\nHeartBtInt=10\nStartTime=08:00:00\nEndTime=18:00:00\nFileStorePath=/var/fix\n" +
                SESSION.replace("FIX.4.4", "FIX.4.2")), dir);

        assertThat(settings.version()).isEqualTo(FixVersion.FIX42);
        assertThat(settings.get("HeartBtInt")).isEqualTo("10");
        assertThat(settings.get("NonStopSession")).isNull();
        assertThat(settings.get("FileStorePath")).isEqualTo("/var/fix");
        assertThat(settings.get("DataDictionary")).isEqualTo("dev/bastion/fix/FIX42.xml");
    }

    @Test
    void shouldReadTheVenuesOwnDictionaryBesideTheSettingsFile() throws IOException
    {
        try (InputStream dictionary = getClass().getResourceAsStream("/dev/bastion/fix/FIX44.xml"))
        {
            Files.copy(dictionary, dir.resolve("broker-FIX44.xml"));
        }

        final FixVenueSettings settings = FixVenueSettings.load(
            write("broker.cfg", SESSION + "DataDictionary=broker-FIX44.xml\n"), dir);

        assertThat(settings.get("DataDictionary")).isEqualTo(dir.resolve("broker-FIX44.xml").toString());
    }

    @Test
    void shouldNameTheFileAndTheKeyOfEachMistake() throws IOException
    {
        assertRefused(SESSION.replace("SocketConnectPort=9999\n", ""),
            "SocketConnectPort: missing; the [SESSION] or [DEFAULT] must set it");
        assertRefused(SESSION.replace("9999", "98765"),
            "SocketConnectPort: '98765' is not a whole number from 1 to 65535");
        assertRefused(SESSION.replace("9999", "nine"),
            "SocketConnectPort: 'nine' is not a whole number from 1 to 65535");
        assertRefused(SESSION.replace("FIX.4.4", "FIX.4.3"),
            "BeginString: 'FIX.4.3' is not supported; use FIX.4.2 or FIX.4.4");
        assertRefused(SESSION.replace("TargetCompID=BROKER\n", ""),
            "TargetCompID: missing; the [SESSION] or [DEFAULT] must set it");
        assertRefused("[DEFAULT]\nConnectionType=acceptor\n" + SESSION,
            "ConnectionType: 'acceptor': Bastion connects to venues, so it must be initiator");
        assertRefused(SESSION + SESSION.replace("BROKER", "OTHER"),
            "[SESSION]: a venue has exactly one initiator session; found 2");
        assertRefused("[DEFAULT]\nHeartBtInt=30\n", "[SESSION]: a venue has exactly one initiator session; found 0");
        assertRefused(SESSION + "HeartBtInt=0\n", "HeartBtInt: '0' is not a whole number from 1 to 3600");
        assertRefused(SESSION + "ResetOnLogon=maybe\n", "ResetOnLogon: 'maybe' must be Y or N");
        assertRefused(SESSION + "PersistMessages=N\n",
            "PersistMessages: N would answer a resend request for orders with gap fills, losing them; remove it");
        assertRefused(SESSION + "NonStopSession=N\n", "StartTime: missing; the [SESSION] or [DEFAULT] must set it");
        assertRefused(SESSION + "DataDictionary=missing-FIX44.xml\n",
            "DataDictionary: cannot load 'missing-FIX44.xml' (as a file or from the classpath): ");
    }

    @Test
    void shouldNameAFileThatCannotBeRead()
    {
        final Path missing = dir.resolve("nowhere.cfg");

        assertThatThrownBy(() -> FixVenueSettings.load(missing, dir))
            .isInstanceOf(VenueConfigurationException.class)
            .hasMessageStartingWith(missing + ": cannot read the settings file");
    }

    @Test
    void shouldLoadTheExampleSettingsForTheVenueSimulator()
    {
        final FixVenueSettings settings = FixVenueSettings.load(Path.of("../config/venues/venue-sim.cfg"), dir);

        assertThat(settings.sessionId().toString()).isEqualTo("FIX.4.4:BASTION->SIM");
        assertThat(settings.get("SocketConnectPort")).isEqualTo("9890");
    }

    @Test
    void shouldBuildOneAdapterPerVenueInOrderForTheOrderPipeline() throws IOException
    {
        final Path first = write("a.cfg", SESSION);
        final Path second = write("b.cfg", SESSION.replace("BROKER", "OTHER").replace("FIX.4.4", "FIX.4.2"));

        final List<VenueAdapter> adapters = FixVenues.adapters(List.of(
            new VenueDefinition("A", first, dir.resolve("a")),
            new VenueDefinition("B", second, dir.resolve("b")))).apply(NOBODY);

        assertThat(adapters).extracting(VenueAdapter::venueName).containsExactly("A", "B");
        assertThat(adapters).allMatch(adapter -> !adapter.isConnected());
        assertThat(((FixVenueAdapter)adapters.get(1)).version()).isEqualTo(FixVersion.FIX42);
    }

    @Test
    void shouldRefuseVenuesThatShareANameADataDirectoryOrASession() throws IOException
    {
        final Path file = write("a.cfg", SESSION);
        final Path other = write("b.cfg", SESSION.replace("BROKER", "OTHER"));

        assertThatThrownBy(() -> FixVenues.adapters(List.of(new VenueDefinition("A", file, dir.resolve("a")),
            new VenueDefinition("A", other, dir.resolve("b"))))).hasMessageEndingWith("venue A is defined twice");
        assertThatThrownBy(() -> FixVenues.adapters(List.of(new VenueDefinition("A", file, dir.resolve("a")),
            new VenueDefinition("B", other, dir.resolve("a"))))).hasMessageContaining("shares its data directory");
        assertThatThrownBy(() -> FixVenues.adapters(List.of(new VenueDefinition("A", file, dir.resolve("a")),
            new VenueDefinition("B", file, dir.resolve("b")))))
            .hasMessageEndingWith("[SESSION]: session FIX.4.4:BASTION->BROKER is also venue A's; " +
                "QuickFIX/J runs one session per SessionID");
    }

    private void assertRefused(final String content, final String problem) throws IOException
    {
        final Path file = write("bad.cfg", content);
        assertThatThrownBy(() -> FixVenueSettings.load(file, dir))
            .isInstanceOf(VenueConfigurationException.class)
            .hasMessageStartingWith(file + ": " + problem);
    }

    private Path write(final String name, final String content) throws IOException
    {
        return Files.writeString(dir.resolve(name), content);
    }
}

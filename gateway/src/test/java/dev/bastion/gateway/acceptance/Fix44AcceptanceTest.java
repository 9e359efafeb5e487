package dev.bastion.gateway.acceptance;

import dev.bastion.gateway.BastionGateway;
import dev.bastion.gateway.config.ClientSessionConfiguration;
import dev.bastion.gateway.config.FixVersion;
import dev.bastion.gateway.config.GatewayConfiguration;
import dev.bastion.gateway.support.Await;
import dev.bastion.gateway.support.FreePort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Plays every QuickFIX session-level acceptance script against the real gateway over TCP. The
 * scripts default to the FIX 4.4 server set in the test resources; {@code
 * -Dbastion.acceptance.scripts=<folder>} runs another folder of the same format (the session's
 * FIX version follows {@code -Dbastion.acceptance.fixVersion=FIX.4.2}). A script that cannot
 * apply to Bastion is listed with its reason in {@code skipped.txt} in the folder.
 */
class Fix44AcceptanceTest
{
    private static final String SCRIPTS_PROPERTY = "bastion.acceptance.scripts";
    private static final String VERSION_PROPERTY = "bastion.acceptance.fixVersion";

    @TempDir
    static Path dataDirectory;

    private static BastionGateway gateway;
    private static final AtomicReference<EchoOrderHandler> HANDLER = new AtomicReference<>();
    private static final Map<String, ScriptRunner.Result> RESULTS = new LinkedHashMap<>();

    @BeforeAll
    static void startGateway()
    {
        final FixVersion version = FixVersion.fromBeginString(System.getProperty(VERSION_PROPERTY, "FIX.4.4"));
        final GatewayConfiguration configuration = new GatewayConfiguration()
            .port(FreePort.pick())
            .dataDirectory(dataDirectory)
            // The scripts' acceptor resets sequence numbers between scripts.
            .addSession(new ClientSessionConfiguration("ISLD", version == FixVersion.FIX44 ? "TW44" : "TW",
                version, null, null, 0, null, true));
        gateway = BastionGateway.launch(configuration, replies ->
        {
            final EchoOrderHandler handler = new EchoOrderHandler(replies);
            HANDLER.set(handler);
            return handler;
        });
    }

    @AfterAll
    static void stopGatewayAndReport() throws IOException
    {
        if (gateway != null)
        {
            gateway.close();
        }
        final long passed = RESULTS.values().stream().filter(ScriptRunner.Result::passed).count();
        final String summary = "Acceptance scripts: " + passed + " of " + RESULTS.size() + " run passed" +
            System.lineSeparator() + RESULTS.values().stream()
            .map(result -> (result.passed() ? "PASS " : "FAIL ") + result.script())
            .collect(Collectors.joining(System.lineSeparator()));
        final Path report = Path.of("target", "acceptance-report.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, summary + System.lineSeparator(), StandardCharsets.UTF_8);
        System.out.println(summary);
    }

    @TestFactory
    Stream<DynamicTest> everyScriptPasses() throws IOException, URISyntaxException
    {
        final Path folder = scriptsFolder();
        final Map<String, String> skipped = skipped(folder.resolve("skipped.txt"));
        final MessageMatcher matcher = MessageMatcher.fromFormatFile(fieldsFormat(folder));
        final ScriptRunner runner = new ScriptRunner("127.0.0.1", gateway.port(), matcher, 10_000);

        final List<Path> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder))
        {
            files.filter(file -> file.toString().endsWith(".def")).sorted().forEach(scripts::add);
        }
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () ->
        {
            final String name = script.getFileName().toString();
            assumeFalse(skipped.containsKey(name), () -> "skipped: " + skipped.get(name));
            final ScriptRunner.Result result = runner.run(AcceptanceScript.load(script));
            RESULTS.put(name, result);
            // The next script starts on a fresh connection, so wait until this one is gone.
            Await.until("the gateway to see the script's sessions end", Duration.ofSeconds(10),
                () -> !HANDLER.get().anyLoggedOn());
            if (!result.passed())
            {
                fail(result.report());
            }
        }));
    }

    private static Path scriptsFolder() throws URISyntaxException
    {
        final String configured = System.getProperty(SCRIPTS_PROPERTY);
        if (configured != null && !configured.isBlank())
        {
            return Path.of(configured);
        }
        return Path.of(Fix44AcceptanceTest.class.getResource("/fix-acceptance/fix44").toURI());
    }

    private static Path fieldsFormat(final Path folder) throws URISyntaxException
    {
        final Path beside = folder.resolve("fields.fmt");
        if (Files.exists(beside))
        {
            return beside;
        }
        return Path.of(Fix44AcceptanceTest.class.getResource("/fix-acceptance/fields.fmt").toURI());
    }

    private static Map<String, String> skipped(final Path file) throws IOException
    {
        final Map<String, String> skipped = new LinkedHashMap<>();
        if (Files.exists(file))
        {
            for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8))
            {
                final String text = line.strip();
                final int colon = text.indexOf(':');
                if (!text.isEmpty() && !text.startsWith("#") && colon > 0)
                {
                    skipped.put(text.substring(0, colon).strip(), text.substring(colon + 1).strip());
                }
            }
        }
        return skipped;
    }
}

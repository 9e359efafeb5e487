package dev.bastion.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bastion.gateway.BastionGateway;
import dev.bastion.gateway.config.ClientSessionConfiguration;
import dev.bastion.gateway.config.FixVersion;
import dev.bastion.gateway.config.GatewayConfiguration;
import dev.bastion.gateway.support.Await;
import dev.bastion.gateway.support.FreePort;
import dev.bastion.gateway.support.QuickFixClient;
import dev.bastion.gateway.support.RecordingOrderHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import quickfix.field.Side;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.bastion.gateway.support.TestOrders.newOrderSingle;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compliance log as compliance reads it: a real client session through the real gateway, then
 * {@code bastion fixlog} over what was written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FixLogCommandTest
{
    private static final String PASSWORD = "Pa55-word-never-logged";

    private Path complianceDirectory;
    private Instant started;

    @BeforeAll
    void tradeThroughTheGateway(@TempDir final Path data, @TempDir final Path logs) throws Exception
    {
        complianceDirectory = logs;
        started = Instant.now();
        final int port = FreePort.pick();
        final GatewayConfiguration configuration = new GatewayConfiguration()
            .port(port)
            .dataDirectory(data)
            .complianceLogDirectory(logs)
            .addSession(new ClientSessionConfiguration(
                "BASTION", "CLIENT44", FixVersion.FIX44, "alice", PASSWORD, 30, null, true));
        try (BastionGateway gateway = BastionGateway.launch(configuration, RecordingOrderHandler::new);
            QuickFixClient client = new QuickFixClient(
                "FIX.4.4", "CLIENT44", "BASTION", port, "alice", PASSWORD, null).start())
        {
            client.awaitLogon();
            client.send(newOrderSingle("FIX.4.4", "LOGGED-1", "AAPL", Side.BUY, 100, 187.5));
            client.send(newOrderSingle("FIX.4.4", "LOGGED-2", "MSFT", Side.SELL, 7, 410));
            client.nextApplicationMessage();
            client.nextApplicationMessage();
            Await.until("the reports in the compliance log", Duration.ofSeconds(10),
                () -> activeLog().contains("\u0001" + "11=LOGGED-2" + "\u0001") &&
                activeLog().split("11=LOGGED-2").length > 2);
        }
    }

    @Test
    void everyMessageInAndOutIsLoggedWithThePasswordMasked()
    {
        final String log = activeLog();

        assertThat(log).doesNotContain(PASSWORD);
        assertThat(log).contains("\u0001554=****\u0001");
        assertThat(log.lines().filter(line -> line.contains("\tIN\t") && line.contains("\u000135=A\u0001"))).hasSize(1);
        assertThat(log.lines().filter(line -> line.contains("\tOUT\t") && line.contains("\u000135=A\u0001"))).hasSize(1);
        assertThat(log.lines().filter(line -> line.contains("\u000135=D\u0001"))).hasSize(2);
        assertThat(log.lines().filter(line -> line.contains("\u000135=8\u0001"))).hasSize(2);
    }

    @Test
    void searchByClOrdIdPrintsTheOrderAndItsReportDecodedWithTagNames()
    {
        final String out = fixlog("--dir", complianceDirectory.toString(), "--cl-ord-id", "LOGGED-1");

        assertThat(out).contains("NewOrderSingle").contains("ExecutionReport");
        assertThat(out).containsPattern("11 ClOrdID\\s+= LOGGED-1");
        assertThat(out).containsPattern("54 Side\\s+= 1 \\(BUY\\)");
        assertThat(out).doesNotContain("LOGGED-2");
    }

    @Test
    void searchByMsgTypeAndDirectionAsJsonGivesOneObjectPerMessage() throws IOException
    {
        final String out = fixlog("--dir", complianceDirectory.toString(), "--msg-type", "8",
            "--direction", "out", "--format", "json", "--session", "CLIENT44");

        final List<JsonNode> messages = new ArrayList<>();
        for (final String line : out.split("\n"))
        {
            messages.add(new ObjectMapper().readTree(line));
        }
        assertThat(messages).hasSize(2);
        assertThat(messages).allSatisfy(message ->
        {
            assertThat(message.get("direction").asText()).isEqualTo("OUT");
            assertThat(message.get("msgName").asText()).isEqualTo("ExecutionReport");
            assertThat(message.get("session").asText()).isEqualTo("FIX.4.4:BASTION->CLIENT44");
        });
        final JsonNode firstFields = messages.get(0).get("fields");
        assertThat(firstFields.get(2).get("name").asText()).isEqualTo("MsgType");
    }

    @Test
    void searchAsCsvHasAHeaderAndOneRowPerMessage()
    {
        final String out = fixlog("--dir", complianceDirectory.toString(), "--msg-type", "D", "--format", "csv");

        final String[] rows = out.split("\n");
        assertThat(rows[0]).startsWith("time,direction,status,session,msgSeqNum,msgType,msgName,clOrdId");
        assertThat(rows).hasSize(3);
        assertThat(rows[1]).contains(",IN,OK,FIX.4.4:BASTION->CLIENT44,").contains(",D,NewOrderSingle,LOGGED-1,");
    }

    @Test
    void aTimeRangeThatEndsBeforeTheSessionFindsNothing()
    {
        final String out = fixlog("--dir", complianceDirectory.toString(), "--to", started.minusSeconds(60).toString(),
            "--format", "csv");

        assertThat(out.split("\n")).hasSize(1);
    }

    @Test
    void aMalformedTimeIsAUserErrorNamingTheOption()
    {
        final StringWriter err = new StringWriter();
        final int exit = BastionCli.commandLine().setErr(new PrintWriter(err))
            .execute("fixlog", "--dir", complianceDirectory.toString(), "--from", "yesterday");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--from").contains("yesterday");
    }

    private String fixlog(final String... args)
    {
        final StringWriter out = new StringWriter();
        final String[] command = new String[args.length + 1];
        command[0] = "fixlog";
        System.arraycopy(args, 0, command, 1, args.length);
        final int exit = BastionCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()))
            .execute(command);
        assertThat(exit).isZero();
        return out.toString();
    }

    /** Every day file of the log, oldest first. */
    private String activeLog()
    {
        try
        {
            final StringBuilder log = new StringBuilder();
            try (Stream<Path> files = Files.list(complianceDirectory))
            {
                for (final Path file : files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted()
                    .toList())
                {
                    log.append(Files.readString(file, StandardCharsets.ISO_8859_1));
                }
            }
            return log.toString();
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}

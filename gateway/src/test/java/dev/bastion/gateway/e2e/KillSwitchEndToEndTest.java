package dev.bastion.gateway.e2e;

import dev.bastion.cli.BastionCli;
import dev.bastion.gateway.support.QuickFixClient;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import quickfix.Message;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.bastion.gateway.e2e.ClientMessages.BUY;
import static dev.bastion.gateway.e2e.ClientMessages.DAY;
import static dev.bastion.gateway.e2e.ClientMessages.SELL;
import static dev.bastion.gateway.e2e.ClientMessages.limit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bastion kill-switch} against a running Bastion's real admin port: the CLI class is run as
 * the command line runs it, the orders go over real FIX sessions to the venue simulator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillSwitchEndToEndTest
{
    private static final String HALTED_ACCOUNT = "ACC-HALT";
    private static final String OTHER_ACCOUNT = "ACC-OTHER";

    private ControlsHarness bastion;
    private QuickFixClient trader;

    @BeforeAll
    void start(@TempDir final Path directory) throws IOException
    {
        bastion = new ControlsHarness(directory, List.of("KSA", "KSF"));
    }

    @AfterAll
    void stop()
    {
        CloseHelper.quietClose(bastion);
    }

    @BeforeEach
    void logOn()
    {
        trader = bastion.logOn(ControlsHarness.TRADER);
    }

    @AfterEach
    void logOut()
    {
        CloseHelper.quietClose(trader);
    }

    @Test
    void shouldHaltAnAccountCancelItsOpenOrdersRejectNewOnesAndTradeAgainAfterRelease() throws InterruptedException
    {
        final String h1 = accepted(order("H1", BUY, 10, "KSA", 99.00, HALTED_ACCOUNT));
        final String h2 = accepted(order("H2", SELL, 20, "KSA", 101.00, HALTED_ACCOUNT));
        accepted(order("O1", BUY, 30, "KSA", 98.00, OTHER_ACCOUNT));

        final Result engaged = killSwitch("--account", HALTED_ACCOUNT, "--reason", "desk halt: test");
        assertThat(engaged.exitCode).as(engaged.toString()).isZero();
        assertThat(engaged.out)
            .contains("Kill switch engaged for account ACC-HALT: NORMAL -> HALTED (reason: desk halt: test)")
            .contains("Open orders canceled: 2")
            .containsPattern("account ACC-HALT +HALTED +since .* \\(desk halt: test\\)");

        // Both open orders of the account are canceled at the venue; the other account's order works on.
        final List<Report> reports = new ArrayList<>();
        for (int i = 0; i < 4; i++)
        {
            reports.add(Report.of(trader.nextApplicationMessage()));
        }
        reports.get(0).er("H1").execType('6').orderId(h1);
        reports.get(1).er("H2").execType('6').orderId(h2);
        assertThat(reports.subList(2, 4)).allSatisfy(report -> report.execType('4').ordStatus('4').leaves("0"));
        assertThat(reports.subList(2, 4)).extracting(report -> report.value(11)).containsExactlyInAnyOrder("H1", "H2");
        bastion.awaitVenueCancels("KSA", 2);

        // A new order of the halted account is rejected with the reason; a cancel still passes.
        trader.send(order("H3", BUY, 10, "KSA", 99.00, HALTED_ACCOUNT));
        Report.of(trader.nextApplicationMessage()).er("H3").execType('8').ordStatus('8').tag(20020, "4")
            .textContains("desk halt: test");
        accepted(order("O2", BUY, 5, "KSA", 97.00, OTHER_ACCOUNT));

        final Result status = killSwitch();
        assertThat(status.exitCode).as(status.toString()).isZero();
        assertThat(status.out).containsPattern("firm +NORMAL").containsPattern("account ACC-HALT +HALTED");

        final Result released = killSwitch("--account", HALTED_ACCOUNT, "--release", "--reason", "all clear");
        assertThat(released.exitCode).as(released.toString()).isZero();
        assertThat(released.out)
            .contains("Kill switch released for account ACC-HALT: HALTED -> NORMAL (reason: all clear)")
            .containsPattern("account ACC-HALT +NORMAL +since .* \\(all clear\\)");

        accepted(order("H4", BUY, 10, "KSA", 99.00, HALTED_ACCOUNT));
        cancelAll("KSA", List.of("O1", "O2", "H4"), List.of(30.0, 5.0, 10.0));
    }

    @Test
    void shouldHaltTheWholeFirmAndCancelEveryOpenOrder() throws InterruptedException
    {
        accepted(order("F1", BUY, 10, "KSF", 99.00, HALTED_ACCOUNT));
        accepted(order("F2", SELL, 10, "KSF", 101.00, OTHER_ACCOUNT));

        final Result engaged = killSwitch("--firm", "--reason", "exchange outage");
        assertThat(engaged.exitCode).as(engaged.toString()).isZero();
        assertThat(engaged.out)
            .contains("Kill switch engaged for the firm: NORMAL -> HALTED (reason: exchange outage)")
            .contains("Open orders canceled: 2");
        final List<String> canceled = new ArrayList<>();
        for (int i = 0; i < 4; i++)
        {
            final Report report = Report.of(trader.nextApplicationMessage());
            if (report.value(150).equals("4"))
            {
                canceled.add(report.value(11));
            }
        }
        assertThat(canceled).containsExactlyInAnyOrder("F1", "F2");

        trader.send(order("F3", BUY, 10, "KSF", 99.00, OTHER_ACCOUNT));
        Report.of(trader.nextApplicationMessage()).er("F3").execType('8').tag(20020, "3")
            .textContains("exchange outage");

        final Result released = killSwitch("--firm", "--release");
        assertThat(released.exitCode).as(released.toString()).isZero();
        assertThat(released.out).contains("Kill switch released for the firm: HALTED -> NORMAL");
        final String f4 = accepted(order("F4", BUY, 10, "KSF", 99.00, OTHER_ACCOUNT));
        assertThat(f4).isNotBlank();
        cancelAll("KSF", List.of("F4"), List.of(10.0));
    }

    @Test
    void shouldRefuseAKillSwitchWithoutTheAdminToken()
    {
        final Result refused = run("kill-switch", "--firm", "--admin", "127.0.0.1:" + bastion.adminPort(),
            "--token", "wrong-token");
        assertThat(refused.exitCode).isEqualTo(1);
        assertThat(refused.err).contains("HTTP 401").contains("token");
    }

    @Test
    void shouldNameTheProblemWhenNoAdminEndpointAnswers()
    {
        final Result refused = run("kill-switch", "--firm", "--admin", "127.0.0.1:1", "--token", "x");
        assertThat(refused.exitCode).isEqualTo(2);
        assertThat(refused.err).contains("cannot reach the admin endpoint at 127.0.0.1:1");
    }

    @Test
    void shouldAnswerTheAdminEndpointInJsonAndRefuseBadRequestsWithTheReason() throws Exception
    {
        final HttpClient http = HttpClient.newHttpClient();
        final String base = "http://127.0.0.1:" + bastion.adminPort();

        final HttpResponse<String> states = http.send(admin(base + "/trading-states").GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(states.statusCode()).isEqualTo(200);
        assertThat(states.body()).contains("\"scope\" : \"firm\"").contains("\"state\" : \"NORMAL\"");

        final HttpResponse<String> both = http.send(admin(base + "/kill-switch?account=A&firm=true")
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(both.body()).contains("give either account=ACCOUNT or firm=true");

        final HttpResponse<String> wrongMethod = http.send(admin(base + "/kill-switch?firm=true").GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);

        final HttpResponse<String> unknown = http.send(admin(base + "/orders").GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no such endpoint: /orders");

        final HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).GET()
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);

        final Result releaseWithoutScope = killSwitch("--release");
        assertThat(releaseWithoutScope.exitCode).isEqualTo(2);
        assertThat(releaseWithoutScope.err).contains("--release needs --account ACCOUNT or --firm");
    }

    private static HttpRequest.Builder admin(final String uri)
    {
        return HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + ControlsHarness.TOKEN);
    }

    private static Message order(
        final String clOrdId, final char side, final double qty, final String symbol, final double price,
        final String account)
    {
        final Message order = limit(clOrdId, side, qty, symbol, price, DAY);
        order.setString(1, account);
        return order;
    }

    /** Sends the order and reads its PendingNew and New; the OrderID. */
    private String accepted(final Message order) throws InterruptedException
    {
        trader.send(order);
        final String clOrdId = Report.of(order).value(11);
        final String orderId = Report.of(trader.nextApplicationMessage()).er(clOrdId).execType('A').orderId();
        Report.of(trader.nextApplicationMessage()).er(clOrdId).execType('0').ordStatus('0');
        return orderId;
    }

    private void cancelAll(final String symbol, final List<String> clOrdIds, final List<Double> quantities)
        throws InterruptedException
    {
        for (int i = 0; i < clOrdIds.size(); i++)
        {
            trader.send(ClientMessages.cancel(clOrdIds.get(i) + "-X", clOrdIds.get(i), BUY, quantities.get(i), symbol));
        }
        int canceled = 0;
        while (canceled < clOrdIds.size())
        {
            final Message message = trader.pollApplicationMessage(10, TimeUnit.SECONDS);
            assertThat(message).as("the cancels of %s", clOrdIds).isNotNull();
            if ("4".equals(Report.of(message).value(150)))
            {
                canceled++;
            }
        }
    }

    private Result killSwitch(final String... arguments)
    {
        final List<String> all = new ArrayList<>(List.of("kill-switch", "--admin", "127.0.0.1:" + bastion.adminPort(),
            "--token", ControlsHarness.TOKEN));
        all.addAll(List.of(arguments));
        return run(all.toArray(String[]::new));
    }

    private static Result run(final String... arguments)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine commandLine = BastionCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        final int exitCode = commandLine.execute(arguments);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private record Result(int exitCode, String out, String err)
    {
    }
}

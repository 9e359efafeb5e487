package dev.bastion.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bastion.gateway.config.AdminConfiguration;
import dev.bastion.gateway.config.ConfigurationLoader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code bastion kill-switch}: engages or releases the kill switch of a running Bastion through its
 * admin endpoint, and prints what happened (orders canceled, the trading states after).
 */
@Command(name = "kill-switch", mixinStandardHelpOptions = true,
    description = {"Halt an account or the whole firm on a running Bastion and cancel its open orders at the venues; "
        + "with --release, let it trade again. New orders are rejected while halted; cancels still pass.",
        "Without --account or --firm, prints the trading states."})
public final class KillSwitchCommand implements Callable<Integer>
{
    static final int REFUSED = 1;

    @ArgGroup(exclusive = true)
    private Scope scope;

    @Option(names = "--reason", description = "Why; kept with the trading state and quoted in order rejects.")
    private String reason;

    @Option(names = "--release", description = "Release the kill switch (back to NORMAL) instead of engaging it.")
    private boolean release;

    @Option(names = "--admin", paramLabel = "HOST:PORT",
        description = "Admin endpoint of the running Bastion (default: admin.host and admin.port of --config).")
    private String admin;

    @Option(names = {"-c", "--config"}, defaultValue = "config/bastion.yaml",
        description = "Configuration of the running Bastion, for the admin address and token (default: ${DEFAULT-VALUE}).")
    private Path config;

    @Option(names = "--token", description = "Admin token (default: BASTION_ADMIN_TOKEN, else admin.token of --config).")
    private String token;

    @Spec
    private CommandSpec spec;

    static final class Scope
    {
        @Option(names = "--account", paramLabel = "ACCOUNT", required = true, description = "The account to halt.")
        String account;

        @Option(names = "--firm", required = true, description = "Halt the whole firm.")
        boolean firm;
    }

    @Override
    public Integer call() throws InterruptedException
    {
        final PrintWriter out = spec.commandLine().getOut();
        final String address = address();
        final String authorization = token();
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        final ObjectMapper json = new ObjectMapper();

        final HttpRequest.Builder request;
        if (scope == null)
        {
            if (release)
            {
                throw new UserInputException("--release needs --account ACCOUNT or --firm");
            }
            request = HttpRequest.newBuilder(URI.create("http://" + address + "/trading-states")).GET();
        }
        else
        {
            final String query = (scope.firm ? "firm=true" : "account=" + encode(scope.account)) +
                (reason == null ? "" : "&reason=" + encode(reason));
            request = HttpRequest.newBuilder(
                URI.create("http://" + address + "/kill-switch" + (release ? "/release" : "") + "?" + query))
                .POST(HttpRequest.BodyPublishers.noBody());
        }
        if (authorization != null)
        {
            request.header("Authorization", "Bearer " + authorization);
        }

        final HttpResponse<String> response;
        final JsonNode body;
        try
        {
            response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            body = json.readTree(response.body());
        }
        catch (final IOException ex)
        {
            throw new UserInputException("cannot reach the admin endpoint at " + address + " (is bastion start " +
                "running with an admin: section?): " + ex.getMessage());
        }
        if (response.statusCode() != 200)
        {
            spec.commandLine().getErr().println("bastion: kill-switch refused (HTTP " + response.statusCode() + "): " +
                body.path("error").asText(response.body()));
            return REFUSED;
        }
        if (scope != null)
        {
            final String who = "firm".equals(body.path("scope").asText()) ? "the firm" :
                "account " + body.path("account").asText();
            out.printf("Kill switch %s for %s: %s -> %s (reason: %s)%n", body.path("action").asText(), who,
                body.path("before").asText(), body.path("state").asText(), body.path("reason").asText());
            if (!release)
            {
                out.printf("Open orders canceled: %d (cancels sent to the venues; %d left to a cancel or replace " +
                    "already pending)%n", body.path("ordersCanceled").asInt(), body.path("ordersAlreadyPending").asInt());
            }
        }
        out.println("Trading states:");
        for (final JsonNode state : body.path("states"))
        {
            final String name = "firm".equals(state.path("scope").asText()) ? "firm" :
                "account " + state.path("account").asText();
            out.printf("  %-24s %-10s%s%n", name, state.path("state").asText(),
                state.path("since").isNull() ? "" :
                "since " + state.path("since").asText() + " (" + state.path("reason").asText() + ")");
        }
        out.flush();
        return 0;
    }

    private String address()
    {
        if (admin != null)
        {
            if (!admin.matches("[^:]+:\\d{1,5}"))
            {
                throw new UserInputException("--admin: expected HOST:PORT, e.g. 127.0.0.1:9881, was " + admin);
            }
            return admin;
        }
        final AdminConfiguration configured = configuredAdmin();
        if (!configured.enabled())
        {
            throw new UserInputException(config + ": admin.port: not set, so the running Bastion has no admin " +
                "endpoint; add an admin: section (see config/bastion.yaml) or give --admin HOST:PORT");
        }
        return configured.host() + ":" + configured.port();
    }

    private String token()
    {
        if (token != null)
        {
            return token;
        }
        final String fromEnvironment = System.getenv("BASTION_ADMIN_TOKEN");
        if (fromEnvironment != null && !fromEnvironment.isEmpty())
        {
            return fromEnvironment;
        }
        if (admin != null && !config.toFile().isFile())
        {
            return null;
        }
        return configuredAdmin().token();
    }

    private AdminConfiguration configuredAdmin()
    {
        return new ConfigurationLoader().load(config).admin();
    }

    private static String encode(final String value)
    {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

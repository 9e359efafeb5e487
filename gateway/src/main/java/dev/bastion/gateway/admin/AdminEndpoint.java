package dev.bastion.gateway.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bastion.gateway.config.AdminConfiguration;
import dev.bastion.oms.pipeline.KillSwitchResult;
import dev.bastion.oms.pipeline.OrderPipeline;
import dev.bastion.oms.pipeline.TradingStateView;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The admin HTTP endpoint on a loopback address (JDK's {@code com.sun.net.httpserver}; operators'
 * requests are rare, so one thread serves them). Every command goes through the OMS ring like any
 * other input; the endpoint only waits for the business thread's answer.
 *
 * <ul>
 *     <li>{@code GET /health}: {@code ok}.</li>
 *     <li>{@code GET /trading-states}: the firm's state and each account's that has changed.</li>
 *     <li>{@code POST /kill-switch?account=ACC&reason=TEXT} (or {@code firm=true}): HALTED and a cancel of
 *     every open order in scope; {@code POST /kill-switch/release?...}: back to NORMAL.</li>
 * </ul>
 * Answers are JSON; errors carry {@code {"error": "..."}} with 400 (bad request), 401 (token), 404, 405.
 */
public final class AdminEndpoint implements AutoCloseable
{
    private static final Logger LOG = LogManager.getLogger(AdminEndpoint.class);
    private static final long ANSWER_TIMEOUT_SECONDS = 10;

    private final OrderPipeline pipeline;
    private final byte[] token;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper json = new ObjectMapper();

    private AdminEndpoint(final AdminConfiguration configuration, final OrderPipeline pipeline) throws IOException
    {
        this.pipeline = pipeline;
        this.token = configuration.token() == null ? null : configuration.token().getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(configuration.host(), configuration.port()), 16);
        executor = Executors.newSingleThreadExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "bastion-admin");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Opens the endpoint; the configuration must be enabled. */
    public static AdminEndpoint start(final AdminConfiguration configuration, final OrderPipeline pipeline)
    {
        try
        {
            final AdminEndpoint endpoint = new AdminEndpoint(configuration, pipeline);
            endpoint.server.start();
            LOG.info("Admin endpoint on http://{}:{}/ ({})", configuration.host(), endpoint.port(),
                configuration.token() == null ? "no token" : "token required");
            return endpoint;
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("admin endpoint: cannot listen on " + configuration.host() + ":" +
                configuration.port() + ": " + ex.getMessage(), ex);
        }
    }

    public int port()
    {
        return server.getAddress().getPort();
    }

    private void handle(final HttpExchange exchange) throws IOException
    {
        try (exchange)
        {
            if (!authorized(exchange))
            {
                reply(exchange, 401, error("missing or wrong token: send Authorization: Bearer <admin.token>"));
                return;
            }
            final String path = exchange.getRequestURI().getPath();
            final String method = exchange.getRequestMethod();
            final Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            switch (path)
            {
                case "/health":
                    reply(exchange, 200, Map.of("status", "ok"));
                    break;
                case "/trading-states":
                    if (requireMethod(exchange, method, "GET"))
                    {
                        reply(exchange, 200, Map.of("states", states(await(pipeline.tradingStates()))));
                    }
                    break;
                case "/kill-switch":
                case "/kill-switch/release":
                    if (requireMethod(exchange, method, "POST"))
                    {
                        killSwitch(exchange, query, path.endsWith("/release"));
                    }
                    break;
                default:
                    reply(exchange, 404, error("no such endpoint: " + path +
                        " (GET /health, GET /trading-states, POST /kill-switch, POST /kill-switch/release)"));
                    break;
            }
        }
        catch (final RuntimeException ex)
        {
            LOG.error("Admin request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), ex);
            reply(exchange, 500, error(String.valueOf(ex.getMessage())));
        }
    }

    private void killSwitch(final HttpExchange exchange, final Map<String, String> query, final boolean release)
        throws IOException
    {
        final String account = query.get("account");
        final boolean firm = "true".equalsIgnoreCase(query.get("firm"));
        if ((account == null || account.isBlank()) == !firm)
        {
            reply(exchange, 400, error("give either account=ACCOUNT or firm=true"));
            return;
        }
        final String reason = query.getOrDefault("reason", "").isBlank() ?
            (release ? "kill switch released by operator" : "kill switch engaged by operator") : query.get("reason");
        final String scope = firm ? null : account;
        final CompletableFuture<KillSwitchResult> answer = release ?
            pipeline.releaseKillSwitch(scope, reason) : pipeline.engageKillSwitch(scope, reason);
        final KillSwitchResult result;
        try
        {
            result = answer.get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (final ExecutionException ex)
        {
            reply(exchange, 400, error(ex.getCause().getMessage()));
            return;
        }
        catch (final InterruptedException | TimeoutException ex)
        {
            reply(exchange, 503, error("the OMS did not answer within " + ANSWER_TIMEOUT_SECONDS + " s"));
            return;
        }
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("scope", result.account() == null ? "firm" : "account");
        body.put("account", result.account());
        body.put("action", release ? "released" : "engaged");
        body.put("before", result.before().name());
        body.put("state", result.after().name());
        body.put("reason", result.reason());
        body.put("ordersCanceled", result.ordersCanceled());
        body.put("ordersAlreadyPending", result.ordersAlreadyPending());
        body.put("states", states(await(pipeline.tradingStates())));
        reply(exchange, 200, body);
    }

    private static List<Map<String, Object>> states(final List<TradingStateView> views)
    {
        final List<Map<String, Object>> states = new ArrayList<>();
        for (final TradingStateView view : views)
        {
            final Map<String, Object> state = new LinkedHashMap<>();
            state.put("scope", view.account() == null ? "firm" : "account");
            state.put("account", view.account());
            state.put("state", view.state().name());
            state.put("reason", view.reason());
            state.put("since", view.sinceNanos() == 0 ? null :
                Instant.ofEpochSecond(0, view.sinceNanos()).toString());
            states.add(state);
        }
        return states;
    }

    private static <T> T await(final CompletableFuture<T> future)
    {
        try
        {
            return future.get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (final ExecutionException ex)
        {
            throw new IllegalStateException(ex.getCause().getMessage(), ex.getCause());
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
        catch (final TimeoutException ex)
        {
            throw new IllegalStateException("the OMS did not answer within " + ANSWER_TIMEOUT_SECONDS + " s", ex);
        }
    }

    private boolean authorized(final HttpExchange exchange)
    {
        if (token == null)
        {
            return true;
        }
        final String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer "))
        {
            return false;
        }
        return MessageDigest.isEqual(token, header.substring(7).trim().getBytes(StandardCharsets.UTF_8));
    }

    private boolean requireMethod(final HttpExchange exchange, final String method, final String expected)
        throws IOException
    {
        if (expected.equals(method))
        {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", expected);
        reply(exchange, 405, error(exchange.getRequestURI().getPath() + " takes " + expected + ", not " + method));
        return false;
    }

    private void reply(final HttpExchange exchange, final int status, final Object body) throws IOException
    {
        final byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody())
        {
            out.write(bytes);
        }
    }

    private static Map<String, String> error(final String message)
    {
        return Map.of("error", message);
    }

    private static Map<String, String> query(final String rawQuery)
    {
        final Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty())
        {
            return parameters;
        }
        for (final String pair : rawQuery.split("&"))
        {
            final int equals = pair.indexOf('=');
            final String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            final String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.put(key, value);
        }
        return parameters;
    }

    @Override
    public void close()
    {
        server.stop(0);
        executor.shutdownNow();
    }
}

package dev.bastion.bench.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Bastion as a user runs it: {@code bastion start} in its own JVM with a configuration written for
 * the run (one FIX 4.4 client session without a throttle, data and compliance log in the run's
 * directory).
 */
final class BastionTarget implements BenchTarget
{
    private static final String CLI = "dev.bastion.cli.BastionCli";
    private static final Pattern GATEWAY_READY = Pattern.compile("listening for FIX on ([0-9.]+):(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final String CLIENT_COMP_ID = "BENCH";
    private static final String GATEWAY_COMP_ID = "BASTION";
    private static final String USERNAME = "bench";

    private final List<ChildJvm> children = new ArrayList<>();

    @Override
    public String name()
    {
        return "bastion";
    }

    @Override
    public String description()
    {
        return "Bastion: bastion start (Artio gateway, compliance log) with a generated configuration";
    }

    @Override
    public LoadClientConfiguration start(final Path workDirectory, final List<String> jvmOptions) throws IOException
    {
        final Path directory = Files.createDirectories(workDirectory.resolve("bastion"));
        final String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
        final Path config = directory.resolve("bastion.yaml");
        Files.writeString(config, configuration(directory, freePort(), password), StandardCharsets.UTF_8);

        final ChildJvm gateway = ChildJvm.start("bastion start", jvmOptions, CLI,
            List.of("start", "-c", config.toString()), directory.resolve("bastion.log"), GATEWAY_READY, START_TIMEOUT);
        children.add(gateway);
        return new LoadClientConfiguration()
            .host(gateway.ready().group(1))
            .port(Integer.parseInt(gateway.ready().group(2)))
            .senderCompId(CLIENT_COMP_ID)
            .targetCompId(GATEWAY_COMP_ID)
            .credentials(USERNAME, password);
    }

    /** The run's bastion.yaml: one client session for the generator, no throttle, sequence numbers reset at logon. */
    static String configuration(final Path directory, final int port, final String password)
    {
        final Path data = directory.resolve("data");
        return String.join("\n",
            "# Written by bastion bench for one run.",
            "gateway:",
            "  host: 127.0.0.1",
            "  port: " + port,
            "  dataDirectory: " + quoted(data),
            "complianceLog:",
            "  directory: " + quoted(data.resolve("compliance")),
            "sessions:",
            "  - senderCompId: " + GATEWAY_COMP_ID,
            "    targetCompId: " + CLIENT_COMP_ID,
            "    fixVersion: FIX.4.4",
            "    username: " + USERNAME,
            "    password: " + password,
            "    heartbeatIntervalSeconds: 30",
            "    resetSeqNumOnLogon: true",
            "");
    }

    private static String quoted(final Path path)
    {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    /** A port free now; the gateway binds it a moment later (its configuration has no "any port" setting). */
    static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1")))
        {
            return socket.getLocalPort();
        }
    }

    @Override
    public List<ProcessHandle> processes()
    {
        final List<ProcessHandle> handles = new ArrayList<>();
        for (final ChildJvm child : children)
        {
            ProcessHandle.of(child.pid()).ifPresent(handles::add);
        }
        return handles;
    }

    @Override
    public void close()
    {
        for (int i = children.size() - 1; i >= 0; i--)
        {
            children.get(i).close();
        }
        children.clear();
    }
}

package dev.bastion.bench.load;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** {@link TcpEchoServer} in its own JVM: the floor. */
final class EchoTarget implements BenchTarget
{
    private static final Pattern READY = Pattern.compile("tcp-echo listening on ([0-9.]+):(\\d+)");

    private ChildJvm server;

    @Override
    public String name()
    {
        return "tcp-echo";
    }

    @Override
    public String description()
    {
        return "TCP echo: two pre-encoded ExecutionReports per order, ClOrdID/MsgSeqNum/CheckSum patched, " +
            "no FIX engine";
    }

    @Override
    public LoadClientConfiguration start(final Path workDirectory, final List<String> jvmOptions) throws IOException
    {
        server = ChildJvm.start(name(), jvmOptions, TcpEchoServer.class.getName(), List.of("--port", "0"),
            workDirectory.resolve("tcp-echo.log"), READY, Duration.ofSeconds(60));
        return new LoadClientConfiguration()
            .host(server.ready().group(1))
            .port(Integer.parseInt(server.ready().group(2)))
            .targetCompId("ECHO");
    }

    @Override
    public List<ProcessHandle> processes()
    {
        return server == null ? List.of() : ProcessHandle.of(server.pid()).stream().toList();
    }

    @Override
    public void close()
    {
        if (server != null)
        {
            server.close();
        }
    }
}

package dev.bastion.bench.load;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** {@link BareQuickFixAcceptor} in its own JVM: what a plain FIX engine costs. */
final class QuickFixTarget implements BenchTarget
{
    private static final Pattern READY = Pattern.compile("quickfixj-acceptor listening on ([0-9.]+):(\\d+)");

    private ChildJvm acceptor;

    @Override
    public String name()
    {
        return "quickfixj";
    }

    @Override
    public String description()
    {
        return "bare QuickFIX/J 2.3.2 acceptor: validates each order, answers New then Filled; no message " +
            "kept (PersistMessages=N), no message log";
    }

    @Override
    public LoadClientConfiguration start(final Path workDirectory, final List<String> jvmOptions) throws IOException
    {
        acceptor = ChildJvm.start(name(), jvmOptions, BareQuickFixAcceptor.class.getName(),
            List.of("--port", "0", "--client-comp-id", "BENCH"),
            workDirectory.resolve("quickfixj.log"), READY, Duration.ofSeconds(60));
        return new LoadClientConfiguration()
            .host(acceptor.ready().group(1))
            .port(Integer.parseInt(acceptor.ready().group(2)))
            .senderCompId("BENCH")
            .targetCompId(BareQuickFixAcceptor.COMP_ID);
    }

    @Override
    public List<ProcessHandle> processes()
    {
        return acceptor == null ? List.of() : ProcessHandle.of(acceptor.pid()).stream().toList();
    }

    @Override
    public void close()
    {
        if (acceptor != null)
        {
            acceptor.close();
        }
    }
}

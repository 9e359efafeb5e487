package dev.bastion.bench.compliance;

import dev.bastion.gateway.compliance.ComplianceLogWriter;
import dev.bastion.gateway.compliance.ComplianceMarker;
import dev.bastion.gateway.compliance.Direction;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What one compliance record costs the compliance-log thread, per message: the writer the gateway
 * first had (Log4j2 rolling appender, a String-built record, flushed to the operating system per
 * message) against the batched day-file writer it has now, flushing per message (an idle gateway:
 * each message is written in a turn of its own) and per 50 messages (a busy one: the agent reads
 * up to 50 fragments per stream per turn and flushes once). The message is a 200-byte
 * NewOrderSingle; files go to a temporary directory on the machine's disk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED"})
public class ComplianceLogBenchmark
{
    private static final int BATCH = 50;
    private static final String ORDER = ("8=FIX.4.4|9=178|35=D|34=1042|49=CLIENT1|52=20240501-13:45:07.123|" +
        "56=BASTION|11=ORD-20240501-000042|1=ACC-1|21=1|55=AAPL|54=1|38=100|40=2|44=187.25|59=0|" +
        "60=20240501-13:45:07.120|10=123|").replace('|', '\u0001');

    private final UnsafeBuffer message = new UnsafeBuffer(ORDER.getBytes(StandardCharsets.ISO_8859_1));
    private Path directory;
    private Log4jFlushPerMessageWriter log4j;
    private ComplianceMarker marker;
    private ComplianceLogWriter writer;
    private long timestampNs;
    private long position;

    @Setup(Level.Trial)
    public void open() throws IOException
    {
        directory = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "compliance-bench");
        Files.createDirectories(directory.resolve("log4j"));
        Files.createDirectories(directory.resolve("batched"));
        log4j = new Log4jFlushPerMessageWriter(directory.resolve("log4j"));
        marker = new ComplianceMarker(directory.resolve("batched"));
        writer = new ComplianceLogWriter(directory.resolve("batched"), marker, 8192);
        timestampNs = System.currentTimeMillis() * 1_000_000L;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException
    {
        log4j.close();
        writer.close();
        marker.close();
        try (Stream<Path> files = Files.walk(directory))
        {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public void log4jFlushPerMessage()
    {
        log4j.write(timestampNs++, Direction.IN, "OK", message, 0, message.capacity());
    }

    @Benchmark
    public void batchedFlushPerMessage()
    {
        writer.append(timestampNs++, Direction.IN, "OK", message, 0, message.capacity(), 1, position += 256);
        writer.flush();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void batchedFlushPer50Messages()
    {
        for (int i = 0; i < BATCH; i++)
        {
            writer.append(timestampNs++, Direction.IN, "OK", message, 0, message.capacity(), 1, position += 256);
        }
        writer.flush();
    }
}

package dev.bastion.bench.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** One system the load generator measures: started as its own processes on this machine, stopped after its phases. */
interface BenchTarget extends AutoCloseable
{
    /** Short name for tables and JSON: {@code bastion}, {@code quickfixj}, {@code tcp-echo}. */
    String name();

    /** What it is, in one line, for the report. */
    String description();

    /**
     * Starts the target's processes with data under {@code workDirectory} and returns how the generator
     * logs on to it.
     *
     * @param jvmOptions heap and GC options every target JVM gets alike.
     */
    LoadClientConfiguration start(Path workDirectory, List<String> jvmOptions) throws IOException;

    /** The target's processes, for their CPU time. */
    List<ProcessHandle> processes();

    @Override
    void close();
}

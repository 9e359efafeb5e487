package dev.bastion.gateway.compliance;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.RollingRandomAccessFileAppender;
import org.apache.logging.log4j.core.appender.rolling.TimeBasedTriggeringPolicy;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.SimpleMessage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Appends compliance records to {@code compliance.log} in the compliance directory, rolling to
 * {@code compliance-YYYY-MM-DD.log} at UTC midnight (Log4j2's rolling random-access appender). Each
 * record is flushed to the operating system as it is written, so a crash of the process loses
 * nothing that was written; the file is only ever appended to.
 */
public final class ComplianceLogWriter implements AutoCloseable
{
    public static final String ACTIVE_FILE = "compliance.log";
    static final String ROLLED_PATTERN = "compliance-%d{yyyy-MM-dd}{UTC}.log";

    private final RollingRandomAccessFileAppender appender;

    public ComplianceLogWriter(final Path directory)
    {
        final DefaultConfiguration configuration = new DefaultConfiguration();
        final PatternLayout layout = PatternLayout.newBuilder()
            .withPattern("%m%n")
            .withCharset(StandardCharsets.ISO_8859_1)
            .withConfiguration(configuration)
            .build();
        appender = RollingRandomAccessFileAppender.newBuilder()
            .setName("bastion-compliance")
            .withFileName(directory.resolve(ACTIVE_FILE).toString())
            .withFilePattern(directory.resolve(ROLLED_PATTERN).toString())
            .withPolicy(TimeBasedTriggeringPolicy.newBuilder().withInterval(1).withModulate(true).build())
            .withAppend(true)
            .withImmediateFlush(true)
            .setLayout(layout)
            .setConfiguration(configuration)
            .build();
        appender.start();
    }

    public void write(final ComplianceRecord record)
    {
        final LogEvent event = Log4jLogEvent.newBuilder()
            .setLoggerName("bastion.compliance")
            .setMessage(new SimpleMessage(record.toLine()))
            .setTimeMillis(record.time().toEpochMilli())
            .build();
        appender.append(event);
    }

    @Override
    public void close()
    {
        appender.stop();
    }
}

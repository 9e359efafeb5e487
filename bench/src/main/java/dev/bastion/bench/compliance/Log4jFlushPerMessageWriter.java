package dev.bastion.bench.compliance;

import dev.bastion.gateway.compliance.ComplianceRecord;
import dev.bastion.gateway.compliance.Direction;
import org.agrona.DirectBuffer;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.RollingRandomAccessFileAppender;
import org.apache.logging.log4j.core.appender.rolling.TimeBasedTriggeringPolicy;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.SimpleMessage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The compliance writer as the gateway first had it, kept here as the benchmark's baseline: each
 * message becomes Strings and a {@link ComplianceRecord}, goes to a Log4j2 rolling random-access
 * appender, and is flushed to the operating system before the next one.
 */
final class Log4jFlushPerMessageWriter implements AutoCloseable
{
    private final RollingRandomAccessFileAppender appender;

    Log4jFlushPerMessageWriter(final Path directory)
    {
        final DefaultConfiguration configuration = new DefaultConfiguration();
        final PatternLayout layout = PatternLayout.newBuilder()
            .withPattern("%m%n")
            .withCharset(StandardCharsets.ISO_8859_1)
            .withConfiguration(configuration)
            .build();
        appender = RollingRandomAccessFileAppender.newBuilder()
            .setName("bench-compliance")
            .withFileName(directory.resolve("compliance.log").toString())
            .withFilePattern(directory.resolve("compliance-%d{yyyy-MM-dd}{UTC}.log").toString())
            .withPolicy(TimeBasedTriggeringPolicy.newBuilder().withInterval(1).withModulate(true).build())
            .withAppend(true)
            .withImmediateFlush(true)
            .setLayout(layout)
            .setConfiguration(configuration)
            .build();
        appender.start();
    }

    void write(final long timestampNs, final Direction direction, final String status, final DirectBuffer buffer,
        final int offset, final int length)
    {
        final String message = buffer.getStringWithoutLengthAscii(offset, length);
        final ComplianceRecord record = new ComplianceRecord(
            Instant.ofEpochSecond(0, timestampNs), direction, status, sessionKey(direction, message), mask(message));
        final LogEvent event = Log4jLogEvent.newBuilder()
            .setLoggerName("bastion.compliance")
            .setMessage(new SimpleMessage(record.toLine()))
            .setTimeMillis(record.time().toEpochMilli())
            .build();
        appender.append(event);
    }

    private static String sessionKey(final Direction direction, final String message)
    {
        final ComplianceRecord fields = new ComplianceRecord(Instant.EPOCH, direction, "", "", message);
        final String sender = fields.field(49);
        final String target = fields.field(56);
        final String gateway = direction == Direction.IN ? target : sender;
        final String counterparty = direction == Direction.IN ? sender : target;
        return fields.field(8) + ":" + gateway + "->" + counterparty;
    }

    private static String mask(final String message)
    {
        if (!message.contains("554=") && !message.contains("925="))
        {
            return message;
        }
        final StringBuilder masked = new StringBuilder(message.length());
        int start = 0;
        while (start < message.length())
        {
            int end = message.indexOf('\u0001', start);
            final boolean last = end < 0;
            if (last)
            {
                end = message.length();
            }
            if (message.startsWith("554=", start) || message.startsWith("925=", start))
            {
                masked.append(message, start, start + 4).append("****");
            }
            else
            {
                masked.append(message, start, end);
            }
            if (!last)
            {
                masked.append('\u0001');
            }
            start = end + 1;
        }
        return masked.toString();
    }

    @Override
    public void close()
    {
        appender.stop();
    }
}

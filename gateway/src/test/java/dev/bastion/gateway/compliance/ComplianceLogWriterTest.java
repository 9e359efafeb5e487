package dev.bastion.gateway.compliance;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The compliance log's file format, its day files, and the marker that makes a crash harmless. */
class ComplianceLogWriterTest
{
    private static final String LOGON = "8=FIX.4.4|9=90|35=A|34=1|49=CLIENT1|52=20261124-10:00:00.000|56=BASTION|" +
        "98=0|108=30|553=client1|554=s3cret|925=n3w-s3cret|10=000|";
    private static final Instant MORNING = Instant.parse("2026-11-24T10:00:00.123456Z");
    private static final Instant NEXT_DAY = Instant.parse("2026-11-25T00:00:01Z");

    @TempDir
    Path directory;

    @Test
    void shouldWriteRecordsThatTheReaderParsesWithPasswordsMasked() throws IOException
    {
        try (ComplianceMarker marker = new ComplianceMarker(directory);
            ComplianceLogWriter writer = new ComplianceLogWriter(directory, marker, 1024))
        {
            writer.append(nanos(MORNING), Direction.IN, "OK", fix(LOGON), 0, LOGON.length(), 7, 512);
        }

        final List<String> lines = Files.readAllLines(file(MORNING), StandardCharsets.ISO_8859_1);
        assertThat(lines).hasSize(1);
        final ComplianceRecord record = ComplianceRecord.parse(lines.get(0));
        assertThat(record.time()).isEqualTo(MORNING);
        assertThat(record.direction()).isEqualTo(Direction.IN);
        assertThat(record.status()).isEqualTo("OK");
        assertThat(record.session()).isEqualTo("FIX.4.4:BASTION->CLIENT1");
        assertThat(record.field(554)).isEqualTo("****");
        assertThat(record.field(925)).isEqualTo("****");
        assertThat(record.message()).doesNotContain("s3cret").contains("\u0001553=client1\u0001");
    }

    @Test
    void shouldMaskAPasswordEvenAfterAFieldThatIsNotTagEqualsValue() throws IOException
    {
        final String garbled = "8=FIX.4.4|9=50|35=A|34=1|garbage|554=s3cret|10=000|";
        try (ComplianceMarker marker = new ComplianceMarker(directory);
            ComplianceLogWriter writer = new ComplianceLogWriter(directory, marker, 1024))
        {
            writer.append(nanos(MORNING), Direction.IN, "INVALID", fix(garbled), 0, garbled.length(), 7, 512);
        }

        assertThat(Files.readString(file(MORNING), StandardCharsets.ISO_8859_1))
            .doesNotContain("s3cret").contains("\u0001garbage\u0001554=****\u0001");
    }

    @Test
    void shouldStartANewFileForEachUtcDayOfTheMessages() throws IOException
    {
        try (ComplianceMarker marker = new ComplianceMarker(directory);
            ComplianceLogWriter writer = new ComplianceLogWriter(directory, marker, 1024))
        {
            writer.append(nanos(MORNING), Direction.IN, "OK", fix(LOGON), 0, LOGON.length(), 7, 512);
            writer.append(nanos(NEXT_DAY), Direction.OUT, "OK", fix(LOGON), 0, LOGON.length(), 8, 256);
        }

        assertThat(Files.readAllLines(file(MORNING), StandardCharsets.ISO_8859_1)).hasSize(1);
        assertThat(Files.readAllLines(file(NEXT_DAY), StandardCharsets.ISO_8859_1)).hasSize(1)
            .allMatch(line -> line.contains("\tOUT\t") && line.contains("FIX.4.4:CLIENT1->BASTION"));
    }

    @Test
    void shouldCommitPositionsOnlyWithTheBytesThatCarryThem() throws IOException
    {
        try (ComplianceMarker marker = new ComplianceMarker(directory);
            ComplianceLogWriter writer = new ComplianceLogWriter(directory, marker, 1024))
        {
            writer.append(nanos(MORNING), Direction.IN, "OK", fix(LOGON), 0, LOGON.length(), 7, 512);
            assertThat(marker.position(7)).isEqualTo(ComplianceMarker.NO_POSITION);

            writer.flush();

            assertThat(marker.position(7)).isEqualTo(512);
            assertThat(marker.fileLength()).isEqualTo(Files.size(file(MORNING)));
            assertThat(LocalDate.ofEpochDay(marker.day())).isEqualTo(LocalDate.parse("2026-11-24"));
        }
    }

    @Test
    void shouldCutOffABatchWrittenWithoutItsCommitAfterACrash() throws IOException
    {
        final long committedLength;
        try (ComplianceMarker marker = new ComplianceMarker(directory);
            ComplianceLogWriter writer = new ComplianceLogWriter(directory, marker, 1024))
        {
            writer.append(nanos(MORNING), Direction.IN, "OK", fix(LOGON), 0, LOGON.length(), 7, 512);
            writer.flush();
            committedLength = Files.size(file(MORNING));
        }
        // A crash between writing a batch and committing it: the bytes are there, the marker is not.
        Files.writeString(file(MORNING), "2026-11-24T10:00:01Z\tIN\tOK\tFIX.4.4:BASTION->CLIENT1\t8=FIX",
            StandardCharsets.ISO_8859_1, java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(file(NEXT_DAY), "a whole later day written after the last commit\n",
            StandardCharsets.ISO_8859_1);

        try (ComplianceMarker marker = new ComplianceMarker(directory))
        {
            assertThat(marker.existed()).isTrue();
            ComplianceCatchUp.truncateUnfinished(directory, marker);
            assertThat(marker.position(7)).isEqualTo(512);
        }

        assertThat(Files.size(file(MORNING))).isEqualTo(committedLength);
        assertThat(Files.size(file(NEXT_DAY))).isZero();
    }

    private Path file(final Instant time)
    {
        return directory.resolve(ComplianceLogWriter.fileName(LocalDate.ofInstant(time, java.time.ZoneOffset.UTC)));
    }

    private static long nanos(final Instant time)
    {
        return time.getEpochSecond() * 1_000_000_000L + time.getNano();
    }

    private static UnsafeBuffer fix(final String message)
    {
        return new UnsafeBuffer(message.replace('|', '\u0001').getBytes(StandardCharsets.ISO_8859_1));
    }
}

package dev.bastion.oms.portfolio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TradeLogTest
{
    @TempDir
    Path directory;

    private static void append(final TradeLog log, final long fillId) throws IOException
    {
        stage(log, fillId);
        log.publish();
    }

    private static void stage(final TradeLog log, final long fillId) throws IOException
    {
        log.stage(fillId, 1, 2, -10, 100, 10, fillId * 3, fillId * 1_000, 0);
    }

    private static long realizedOf(final TradeLog log, final long fillId)
    {
        final long[] found = {Long.MIN_VALUE};
        log.find(fillId, (buffer, offset) -> found[0] = buffer.getLong(offset + TradeLog.REALIZED_PNL));
        return found[0];
    }

    private long segmentFiles() throws IOException
    {
        try (Stream<Path> files = Files.list(directory))
        {
            return files.filter(file -> file.getFileName().toString().endsWith(".log")).count();
        }
    }

    @Test
    void shouldFindEveryRecordByFillIdAcrossSegments() throws IOException
    {
        try (TradeLog log = TradeLog.open(directory, 4))
        {
            for (long fillId = 2; fillId <= 20; fillId += 2)
            {
                append(log, fillId);
            }
            assertThat(log.size()).isEqualTo(10);
            assertThat(segmentFiles()).isEqualTo(3);
            for (long fillId = 2; fillId <= 20; fillId += 2)
            {
                assertThat(realizedOf(log, fillId)).isEqualTo(fillId * 3);
            }
            assertThat(log.find(1, (buffer, offset) -> { })).isFalse();
            assertThat(log.find(9, (buffer, offset) -> { })).isFalse();
            assertThat(log.find(21, (buffer, offset) -> { })).isFalse();
            final List<Long> order = new ArrayList<>();
            log.forEach((buffer, offset) -> order.add(buffer.getLong(offset + TradeLog.FILL_ID)));
            assertThat(order).containsExactly(2L, 4L, 6L, 8L, 10L, 12L, 14L, 16L, 18L, 20L);
        }
    }

    @Test
    void shouldMakeTheNextSegmentAheadOfNeedAndKeepItAcrossAReopen() throws IOException
    {
        try (TradeLog log = TradeLog.open(directory, 4))
        {
            append(log, 1);
            append(log, 2);
            assertThat(log.prepareNext()).as("half full").isFalse();
            append(log, 3);
            assertThat(log.prepareNext()).as("three quarters full").isTrue();
            assertThat(log.prepareNext()).isFalse();
            assertThat(segmentFiles()).isEqualTo(2);
        }
        try (TradeLog log = TradeLog.open(directory, 4))
        {
            assertThat(log.size()).isEqualTo(3);
            append(log, 4);
            append(log, 5);
            assertThat(segmentFiles()).as("the spare made before the reopen is used").isEqualTo(2);
            assertThat(realizedOf(log, 5)).isEqualTo(15);
            assertThat(realizedOf(log, 3)).isEqualTo(9);
        }
    }

    @Test
    void shouldCountAStagedRecordWhoseFillWasBookedAndEraseOneWhoseFillWasNot() throws IOException
    {
        try (TradeLog log = TradeLog.open(directory, 4))
        {
            append(log, 1);
            stage(log, 2);
        }
        try (TradeLog log = TradeLog.open(directory, 4))
        {
            assertThat(log.size()).isEqualTo(1);
            assertThat(log.recover((account, symbol, fillId) -> true)).isZero();
            assertThat(log.size()).isEqualTo(2);
            stage(log, 3);
        }
        try (TradeLog log = TradeLog.open(directory, 4))
        {
            assertThat(log.recover((account, symbol, fillId) -> fillId < 3)).isEqualTo(1);
            assertThat(log.size()).isEqualTo(2);
            assertThat(log.find(3, (buffer, offset) -> { })).isFalse();
        }
        try (TradeLog log = TradeLog.open(directory, 4))
        {
            assertThat(log.recover((account, symbol, fillId) -> true)).as("the erased slot stays empty").isZero();
            assertThat(log.size()).isEqualTo(2);
        }
    }

    @Test
    void shouldRefuseASegmentThatIsNotATradeLog() throws IOException
    {
        TradeLog.open(directory, 4).close();
        final Path segment = directory.resolve("trades-000000.log");
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw"))
        {
            file.writeLong(42);
        }
        assertThatThrownBy(() -> TradeLog.open(directory, 4))
            .isInstanceOf(PortfolioException.class)
            .hasMessageContaining(segment.toString())
            .hasMessageContaining("not a Bastion trade log");
    }
}

package dev.bastion.gateway.session;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.OrdStatus;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyFileTest
{
    @TempDir
    Path directory;

    @Test
    void shouldReadBackEveryKindOfReplyMarkedPossResend()
    {
        final Path path = directory.resolve("replies").resolve("session-7.replies");
        try (ReplyFile file = new ReplyFile(path))
        {
            file.append(report());
            file.append(cancelReject());
            final ReplyEvent raw = new ReplyEvent();
            raw.kind = ReplyEvent.Kind.RAW;
            raw.sessionId = 7;
            final byte[] body = "11=Q1\u000137=9\u0001".getBytes(StandardCharsets.US_ASCII);
            raw.raw("r", false, new UnsafeBuffer(body), 0, body.length);
            file.append(raw);
        }

        final List<ReplyEvent> read = new ReplyFile(path).load();

        assertThat(read).hasSize(3);
        final ReplyEvent report = read.get(0);
        assertThat(report.kind).isEqualTo(ReplyEvent.Kind.EXECUTION_REPORT);
        assertThat(report.sessionId).isEqualTo(7);
        assertThat(report.executionReport.clOrdId().toString()).isEqualTo("A1");
        assertThat(report.executionReport.orderId().toString()).isEqualTo("42");
        assertThat(report.executionReport.execType()).isEqualTo(ExecType.TRADE);
        assertThat(report.executionReport.ordStatus()).isEqualTo(OrdStatus.PARTIALLY_FILLED);
        assertThat(report.executionReport.lastPx()).isEqualTo(FixedPoint.price(99.5));
        assertThat(report.executionReport.leavesQty()).isEqualTo(FixedPoint.qty(70));
        assertThat(report.executionReport.ordRejReason()).isEqualTo(-1);
        assertThat(report.executionReport.stopPrice()).isEqualTo(FixedPoint.NONE);
        assertThat(report.executionReport.text().toString()).isEqualTo("partial");
        assertThat(report.executionReport.possResend()).isTrue();
        assertThat(read.get(1).orderCancelReject.text().toString()).isEqualTo("Too late to cancel");
        assertThat(read.get(1).orderCancelReject.cxlRejReason()).isEqualTo(0);
        assertThat(read.get(2).rawMsgType).isEqualTo("r");
        assertThat(read.get(2).rawPossResend).isTrue();
        assertThat(read.get(2).rawBody.getStringWithoutLengthAscii(0, read.get(2).rawLength)).isEqualTo("11=Q1\u000137=9\u0001");
    }

    @Test
    void shouldKeepTheWholeRecordsBeforeOneAProcessDeathCutShort() throws IOException
    {
        final Path path = directory.resolve("session-1.replies");
        try (ReplyFile file = new ReplyFile(path))
        {
            file.append(report());
            file.append(report());
        }
        final long whole = Files.size(path);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE))
        {
            channel.truncate(whole - 5);
        }

        assertThat(new ReplyFile(path).load()).hasSize(1);
    }

    @Test
    void shouldEmptyTheFileOnceTheBacklogIsSentAndBoundItsSize()
    {
        final Path path = directory.resolve("session-2.replies");
        final ReplyBacklog backlog = new ReplyBacklog("#2", 2, new ReplyFile(path));
        for (int i = 0; i < 9; i++)
        {
            backlog.keep(report());
        }
        backlog.close();

        final List<ReplyEvent> onDisk = new ReplyFile(path).load();
        assertThat(onDisk.size()).isLessThanOrEqualTo(4);
        final ReplyBacklog reloaded = new ReplyBacklog("#2", 2, new ReplyFile(path));
        assertThat(reloaded.size()).isEqualTo(2);
        reloaded.close();
    }

    private static ReplyEvent report()
    {
        final ReplyEvent event = new ReplyEvent();
        event.kind = ReplyEvent.Kind.EXECUTION_REPORT;
        event.sessionId = 7;
        event.executionReport.reset().orderId(42).execId("E1").clOrdId("A1").account("ACC").symbol("AAPL")
            .side('1').ordType('2').timeInForce('0').orderQty(FixedPoint.qty(100)).price(FixedPoint.price(99.5))
            .execType(ExecType.TRADE).ordStatus(OrdStatus.PARTIALLY_FILLED).lastQty(FixedPoint.qty(30))
            .lastPx(FixedPoint.price(99.5)).cumQty(FixedPoint.qty(30)).leavesQty(FixedPoint.qty(70))
            .avgPx(FixedPoint.price(99.5)).text("partial").transactTimeNanos(1_700_000_000_000_000_000L);
        return event;
    }

    private static ReplyEvent cancelReject()
    {
        final ReplyEvent event = new ReplyEvent();
        event.kind = ReplyEvent.Kind.ORDER_CANCEL_REJECT;
        event.sessionId = 7;
        event.orderCancelReject.reset().orderId("42").clOrdId("C2").origClOrdId("A1").ordStatus(OrdStatus.FILLED)
            .responseTo('1').cxlRejReason(0).text("Too late to cancel");
        return event;
    }
}

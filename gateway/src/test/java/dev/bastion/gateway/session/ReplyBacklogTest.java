package dev.bastion.gateway.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyBacklogTest
{
    @Test
    void shouldKeepCopiesOfRepliesNotTheRingSlotsTheyCameIn()
    {
        final ReplyBacklog backlog = new ReplyBacklog("test", 10);
        final ReplyEvent slot = report(1, "A1");

        backlog.keep(slot);
        slot.executionReport.clOrdId("REUSED");

        assertThat(backlog.size()).isEqualTo(1);
        assertThat(backlog.oldest()).isNotSameAs(slot);
        assertThat(backlog.oldest().executionReport.clOrdId().toString()).isEqualTo("A1");
        assertThat(backlog.oldest().sessionId).isEqualTo(1);
    }

    @Test
    void shouldDropTheOldestRepliesPastTheLimitAndCountThem()
    {
        final ReplyBacklog backlog = new ReplyBacklog("test", 3);

        for (int i = 1; i <= 5; i++)
        {
            backlog.keep(report(1, "R" + i));
        }

        assertThat(backlog.size()).isEqualTo(3);
        assertThat(backlog.dropped()).isEqualTo(2);
        assertThat(backlog.oldest().executionReport.clOrdId().toString()).isEqualTo("R3");
    }

    @Test
    void shouldCopyEveryKindOfReply()
    {
        final ReplyEvent reject = new ReplyEvent();
        reject.kind = ReplyEvent.Kind.ORDER_CANCEL_REJECT;
        reject.sessionId = 7;
        reject.orderCancelReject.reset().clOrdId("C9").text("Too late to cancel");

        final ReplyEvent copy = new ReplyEvent().copyFrom(reject);

        assertThat(copy.kind).isEqualTo(ReplyEvent.Kind.ORDER_CANCEL_REJECT);
        assertThat(copy.sessionId).isEqualTo(7);
        assertThat(copy.orderCancelReject.clOrdId().toString()).isEqualTo("C9");
        assertThat(copy.orderCancelReject.text().toString()).isEqualTo("Too late to cancel");
    }

    private static ReplyEvent report(final long sessionId, final String clOrdId)
    {
        final ReplyEvent event = new ReplyEvent();
        event.kind = ReplyEvent.Kind.EXECUTION_REPORT;
        event.sessionId = sessionId;
        event.executionReport.reset().clOrdId(clOrdId);
        return event;
    }
}

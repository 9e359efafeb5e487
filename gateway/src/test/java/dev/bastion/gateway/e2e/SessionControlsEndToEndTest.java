package dev.bastion.gateway.e2e;

import dev.bastion.gateway.support.Await;
import dev.bastion.gateway.support.QuickFixClient;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import quickfix.FieldNotFound;
import quickfix.Message;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static dev.bastion.gateway.e2e.ClientMessages.BUY;
import static dev.bastion.gateway.e2e.ClientMessages.DAY;
import static dev.bastion.gateway.e2e.ClientMessages.SELL;
import static dev.bastion.gateway.e2e.ClientMessages.limit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session controls end to end over real sockets: cancel-on-disconnect (logout and a dropped TCP
 * connection), orders that keep working for a session without it, reports a client missed while
 * logged off delivered after its next logon, and a drop-copy session beside a trading client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionControlsEndToEndTest
{
    private ControlsHarness bastion;

    @BeforeAll
    void start(@TempDir final Path directory) throws IOException
    {
        bastion = new ControlsHarness(directory, List.of("COD", "TCP", "KEEP", "DC"));
    }

    @AfterAll
    void stop()
    {
        CloseHelper.quietClose(bastion);
    }

    @Test
    void shouldCancelOpenOrdersOfACancelOnDisconnectSessionAtLogoutAndReportThemAfterTheNextLogon()
        throws InterruptedException
    {
        final QuickFixClient first = bastion.logOn(ControlsHarness.COD_CLIENT);
        first.send(limit("C1", BUY, 100, "COD", 99.00, DAY));
        final String c1 = Report.of(first.nextApplicationMessage()).er("C1").execType('A').orderId();
        Report.of(first.nextApplicationMessage()).er("C1").execType('0').ordStatus('0');
        first.send(limit("C2", SELL, 50, "COD", 101.00, DAY));
        final String c2 = Report.of(first.nextApplicationMessage()).er("C2").execType('A').orderId();
        Report.of(first.nextApplicationMessage()).er("C2").execType('0').ordStatus('0');

        first.close();
        bastion.awaitVenueCancels("COD", 2);

        final QuickFixClient second = bastion.logOn(ControlsHarness.COD_CLIENT);
        try
        {
            // Kept while the client was away, sent in order after the logon: both PendingCancels
            // (sent when the OMS acted on the disconnect), then the venue's confirmations.
            Report.of(second.nextApplicationMessage()).er("C1").execType('6').ordStatus('6').orderId(c1)
                .leaves("100");
            Report.of(second.nextApplicationMessage()).er("C2").execType('6').ordStatus('6').orderId(c2)
                .leaves("50");
            final Set<String> canceled = new HashSet<>();
            for (int i = 0; i < 2; i++)
            {
                final Report report = Report.of(second.nextApplicationMessage()).msgType("8").execType('4')
                    .ordStatus('4').leaves("0").cum("0");
                canceled.add(report.value(11));
            }
            assertThat(canceled).containsExactlyInAnyOrder("C1", "C2");
            assertThat(second.pollApplicationMessage(200, TimeUnit.MILLISECONDS)).isNull();
        }
        finally
        {
            second.close();
        }
    }

    @Test
    void shouldCancelOpenOrdersOfACancelOnDisconnectSessionWhenItsTcpConnectionDrops() throws InterruptedException
    {
        final QuickFixClient client = bastion.logOn(ControlsHarness.COD_CLIENT);
        try
        {
            client.send(limit("T1", BUY, 10, "TCP", 98.00, DAY));
            final String orderId = Report.of(client.nextApplicationMessage()).er("T1").execType('A').orderId();
            Report.of(client.nextApplicationMessage()).er("T1").execType('0');

            // No Logout: the socket just closes, as when the network fails. QuickFIX/J reconnects
            // on its own a second later.
            client.session().disconnect("test: connection lost", false);
            bastion.awaitVenueCancels("TCP", 1);
            client.awaitLogon();

            Report.of(client.nextApplicationMessage()).er("T1").execType('6').ordStatus('6').orderId(orderId);
            Report.of(client.nextApplicationMessage()).er("T1").execType('4').ordStatus('4').orderId(orderId)
                .leaves("0");
        }
        catch (final IOException ex)
        {
            throw new AssertionError(ex);
        }
        finally
        {
            client.close();
        }
    }

    @Test
    void shouldKeepOrdersWorkingForASessionWithoutCancelOnDisconnectAndDeliverTheFillItMissed()
        throws InterruptedException
    {
        final QuickFixClient first = bastion.logOn(ControlsHarness.KEEP_CLIENT);
        first.send(limit("K1", BUY, 100, "KEEP", 99.50, DAY));
        final String orderId = Report.of(first.nextApplicationMessage()).er("K1").execType('A').orderId();
        Report.of(first.nextApplicationMessage()).er("K1").execType('0');
        first.close();

        // The order still works at the venue while the client is away, and fills there.
        bastion.simulator().step("KEEP", dev.bastion.oms.api.FixedPoint.price(99.40),
            dev.bastion.oms.api.FixedPoint.qty(1_000));
        Await.until("the fill of K1 at the venue", Duration.ofSeconds(20),
            () -> bastion.simulator().record().fills().stream().anyMatch(fill -> "KEEP".equals(fill.symbol())));

        final QuickFixClient second = bastion.logOn(ControlsHarness.KEEP_CLIENT);
        try
        {
            Report.of(second.nextApplicationMessage()).er("K1").execType('F').ordStatus('2').orderId(orderId)
                .last("100", "99.5").cum("100").leaves("0");
            assertThat(bastion.simulator().record().executions().stream()
                .noneMatch(execution -> "KEEP".equals(execution.symbol()) &&
                execution.execType() == dev.bastion.oms.api.ExecType.CANCELED)).isTrue();
        }
        finally
        {
            second.close();
        }
    }

    @Test
    void shouldCopyEveryExecutionReportToTheDropCopySessionAndRefuseItsOrders()
        throws InterruptedException, FieldNotFound
    {
        final QuickFixClient dropCopy = bastion.logOn(ControlsHarness.DROP_COPY);
        final QuickFixClient trader = bastion.logOn(ControlsHarness.TRADER);
        try
        {
            trader.send(limit("D1", BUY, 20, "DC", 99.00, DAY));
            final Message pendingNew = trader.nextApplicationMessage();
            final Message accepted = trader.nextApplicationMessage();
            Report.of(pendingNew).er("D1").execType('A');
            Report.of(accepted).er("D1").execType('0');

            assertCopy(nextFor(dropCopy, "D1"), pendingNew);
            assertCopy(nextFor(dropCopy, "D1"), accepted);

            // A drop-copy session only listens.
            dropCopy.send(limit("X1", BUY, 1, "DC", 99.00, DAY));
            final Report refused = Report.of(nextOfType(dropCopy, "j")).tag(380, "6").tag(372, "D")
                .textContains("Drop-copy session");
            assertThat(refused.value(45)).isNotBlank();

            // While the drop copy is away its copies are kept, and come after its next logon.
            dropCopy.close();
            trader.send(ClientMessages.cancel("D1C", "D1", BUY, 20, "DC"));
            final Message pendingCancel = trader.nextApplicationMessage();
            final Message canceled = trader.nextApplicationMessage();
            Report.of(canceled).er("D1C").execType('4');

            final QuickFixClient back = bastion.logOn(ControlsHarness.DROP_COPY);
            try
            {
                assertCopy(nextFor(back, "D1C"), pendingCancel);
                assertCopy(nextFor(back, "D1C"), canceled);
            }
            finally
            {
                back.close();
            }
        }
        finally
        {
            trader.close();
            dropCopy.close();
        }
    }

    /** The copy carries the original's fields; PossResend (97) and CopyMsgIndicator (797) = Y mark it as a copy. */
    private static void assertCopy(final Message copy, final Message original) throws FieldNotFound
    {
        assertThat(copy.getHeader().getBoolean(97)).as("PossResend of the copy %s", copy).isTrue();
        assertThat(copy.getBoolean(797)).as("CopyMsgIndicator of the copy %s", copy).isTrue();
        assertThat(original.isSetField(797)).as("CopyMsgIndicator on the original %s", original).isFalse();
        for (final int tag : new int[]{11, 37, 17, 150, 39, 1, 55, 54, 38, 44, 14, 151, 6})
        {
            if (original.isSetField(tag))
            {
                assertThat(copy.getString(tag)).as("tag %d of the copy", tag).isEqualTo(original.getString(tag));
            }
        }
    }

    /** The next message for this ClOrdID, skipping copies of reports other tests caused. */
    private static Message nextFor(final QuickFixClient client, final String clOrdId)
        throws InterruptedException, FieldNotFound
    {
        while (true)
        {
            final Message message = client.nextApplicationMessage();
            if (message.isSetField(11) && clOrdId.equals(message.getString(11)))
            {
                return message;
            }
        }
    }

    private static Message nextOfType(final QuickFixClient client, final String msgType)
        throws InterruptedException, FieldNotFound
    {
        while (true)
        {
            final Message message = client.nextApplicationMessage();
            if (msgType.equals(message.getHeader().getString(35)))
            {
                return message;
            }
        }
    }
}

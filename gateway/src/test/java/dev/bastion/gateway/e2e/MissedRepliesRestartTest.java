package dev.bastion.gateway.e2e;

import dev.bastion.gateway.support.Await;
import dev.bastion.gateway.support.QuickFixClient;
import dev.bastion.oms.api.FixedPoint;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.FieldNotFound;
import quickfix.Message;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static dev.bastion.gateway.e2e.ClientMessages.BUY;
import static dev.bastion.gateway.e2e.ClientMessages.DAY;
import static dev.bastion.gateway.e2e.ClientMessages.limit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report for a client that is logged off is kept on disk by the gateway: it survives a restart of
 * the gateway and reaches the client at its next logon, marked PossResend.
 */
class MissedRepliesRestartTest
{
    private ControlsHarness bastion;

    @AfterEach
    void stop()
    {
        CloseHelper.quietClose(bastion);
    }

    @Test
    void shouldDeliverAReportKeptForALoggedOffClientAfterTheGatewayRestarts(@TempDir final Path directory)
        throws IOException, InterruptedException, FieldNotFound
    {
        bastion = new ControlsHarness(directory, List.of("RST"));
        final QuickFixClient first = bastion.logOn(ControlsHarness.KEEP_CLIENT);
        first.send(limit("R1", BUY, 100, "RST", 99.50, DAY));
        final String orderId = Report.of(first.nextApplicationMessage()).er("R1").execType('A').orderId();
        Report.of(first.nextApplicationMessage()).er("R1").execType('0');
        first.close();

        bastion.simulator().step("RST", FixedPoint.price(99.40), FixedPoint.qty(1_000));
        Await.until("the fill of R1 kept on disk for the logged-off client", Duration.ofSeconds(20),
            () -> keptBytes(bastion.repliesDirectory()) > 0);

        bastion.restart();

        final QuickFixClient second = bastion.logOn(ControlsHarness.KEEP_CLIENT);
        try
        {
            final Message fill = second.nextApplicationMessage();
            Report.of(fill).er("R1").execType('F').ordStatus('2').orderId(orderId).last("100", "99.5")
                .cum("100").leaves("0");
            assertThat(fill.getHeader().getBoolean(97)).as("PossResend of a report kept across a restart").isTrue();
            Await.until("the kept reply file emptied once sent", Duration.ofSeconds(10),
                () -> keptBytes(bastion.repliesDirectory()) == 0);
        }
        finally
        {
            second.close();
        }
    }

    /** Bytes in the session reply files (not the drop copy's). */
    private static long keptBytes(final Path directory)
    {
        if (!Files.isDirectory(directory))
        {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory))
        {
            return files.filter(file -> file.getFileName().toString().startsWith("session-"))
                .mapToLong(file -> file.toFile().length()).sum();
        }
        catch (final IOException ex)
        {
            throw new AssertionError(ex);
        }
    }
}

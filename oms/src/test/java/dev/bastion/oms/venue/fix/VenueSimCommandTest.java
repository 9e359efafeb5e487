package dev.bastion.oms.venue.fix;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.venue.VenueOrder;
import dev.bastion.oms.venue.sim.VenueSimCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.bastion.oms.api.FixedPoint.qty;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code bastion venue-sim}: the simulator from the command line, with a real client. */
class VenueSimCommandTest
{
    private static final Pattern LISTENING = Pattern.compile("venue-sim listening on 127\\.0\\.0\\.1:(\\d+) ");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicInteger exitCode = new AtomicInteger(-1);
    private Thread runner;
    private FixVenueAdapter adapter;

    @AfterEach
    void stop() throws InterruptedException
    {
        if (adapter != null)
        {
            adapter.stop();
        }
        if (runner != null)
        {
            runner.interrupt();
            runner.join(TimeUnit.SECONDS.toMillis(VenueEvents.WAIT_SECONDS));
        }
    }

    @Test
    void shouldPrintThePortItListensOnAndALinePerOrderAndFill() throws Exception
    {
        run("--port", "0", "--seed", "5", "--symbols", "AAPL=190.5,MSFT", "--tick-ms", "0");
        Await.until(() -> LISTENING.matcher(output()).find(), "the listening line");
        final Matcher listening = LISTENING.matcher(output());
        assertThat(listening.find()).isTrue();
        assertThat(output()).contains("for FIX.4.4 and FIX.4.2, BASTION -> SIM; symbols AAPL@190.5 MSFT@100; seed 5");

        final VenueEvents events = new VenueEvents();
        final String settings = String.join("\n", "[SESSION]", "BeginString=FIX.4.4", "SenderCompID=BASTION",
            "TargetCompID=SIM", "SocketConnectHost=127.0.0.1", "SocketConnectPort=" + listening.group(1),
            "ReconnectInterval=1", "");
        adapter = new FixVenueAdapter("SIM", FixVenueSettings.parse(settings, "cli-test", dir), events);
        adapter.start();
        events.awaitConnected();
        final VenueOrder order = VenueOrder.market("M1", 1, "AAPL", Side.BUY, qty(10));
        adapter.send(order);
        events.next(ExecType.NEW);
        events.next(ExecType.TRADE);
        adapter.cancel("C1", "M1", order);
        events.nextCancelReject();

        Await.until(() -> output().contains(" REFUSE "), "the refused cancel's line");
        assertThat(output()).contains("LOGON  FIX.4.4:SIM->BASTION")
            .contains("ORDER  FIX.4.4:SIM->BASTION M1 BUY 10 AAPL MARKET DAY")
            .contains("FILL   FIX.4.4:SIM->BASTION M1 BUY 10 @ 190.5 AAPL cum 10 leaves 0")
            .contains("REFUSE FIX.4.4:SIM->BASTION C1 cancel of M1: Too late to cancel: order is FILLED");

        runner.interrupt();
        runner.join(TimeUnit.SECONDS.toMillis(VenueEvents.WAIT_SECONDS));
        assertThat(exitCode.get()).as(err.toString()).isZero();
    }

    @Test
    void shouldExplainBadOptionsWithExitCodeTwo()
    {
        final CommandLine command = command();

        assertThat(command.execute("--symbols", "AAPL=190.005")).isEqualTo(2);
        assertThat(err.toString())
            .contains("AAPL: start price 190.005 must be positive and a multiple of the tick size 0.01");
        assertThat(command.execute("--port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("port must be 0 (any free port) or 1-65535: 70000");
    }

    @Test
    void shouldSayWhichPortItCannotListenOn() throws Exception
    {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()))
        {
            assertThat(command().execute("--port", Integer.toString(taken.getLocalPort()))).isEqualTo(2);
            assertThat(err.toString()).startsWith("bastion venue-sim: venue simulator cannot listen on 127.0.0.1:" +
                taken.getLocalPort());
        }
    }

    private void run(final String... args)
    {
        final CommandLine command = command();
        runner = new Thread(() -> exitCode.set(command.execute(args)), "venue-sim-command");
        runner.start();
    }

    private CommandLine command()
    {
        return new CommandLine(new VenueSimCommand())
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true));
    }

    private String output()
    {
        synchronized (out.getBuffer())
        {
            return out.toString();
        }
    }
}

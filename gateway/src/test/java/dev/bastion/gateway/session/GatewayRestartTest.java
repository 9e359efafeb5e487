package dev.bastion.gateway.session;

import dev.bastion.gateway.BastionGateway;
import dev.bastion.gateway.config.ClientSessionConfiguration;
import dev.bastion.gateway.config.FixVersion;
import dev.bastion.gateway.config.GatewayConfiguration;
import dev.bastion.gateway.support.FixWireClient;
import dev.bastion.gateway.support.FreePort;
import dev.bastion.gateway.support.QuickFixClient;
import dev.bastion.gateway.support.RawFix;
import dev.bastion.gateway.support.RecordingOrderHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.PossDupFlag;
import quickfix.field.Side;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.bastion.gateway.support.TestOrders.newOrderSingle;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway stops and starts on the same data directory; the client, a QuickFIX/J initiator
 * with a persistent store, logs on again and both sides carry on from where they were.
 */
class GatewayRestartTest
{
    @TempDir
    Path gatewayData;

    @TempDir
    Path clientStore;

    private final List<AutoCloseable> running = new ArrayList<>();
    private int port;

    @AfterEach
    void stop() throws Exception
    {
        for (int i = running.size() - 1; i >= 0; i--)
        {
            running.get(i).close();
        }
    }

    @Test
    void afterARestartTheClientLogsOnWithTheSequenceNumbersItHadAndNoGap() throws Exception
    {
        port = FreePort.pick();
        BastionGateway gateway = startGateway();
        QuickFixClient client = startClient();
        client.awaitLogon();
        client.send(newOrderSingle("FIX.4.4", "BEFORE-1", "AAPL", Side.BUY, 10, 100));
        client.send(newOrderSingle("FIX.4.4", "BEFORE-2", "AAPL", Side.BUY, 20, 100));
        client.nextApplicationMessage();
        client.nextApplicationMessage();
        final int sentBefore = client.session().getExpectedSenderNum();
        final int receivedBefore = client.session().getExpectedTargetNum();
        client.close();
        gateway.close();
        running.clear();

        gateway = startGateway();
        client = startClient();
        client.awaitLogon();

        assertThat(sentBefore).as("next after Logon and 2 orders").isEqualTo(4);
        // Each side's Logout took one number and its new Logon the next: nothing reset, nothing missing.
        assertThat(client.session().getExpectedSenderNum()).isEqualTo(sentBefore + 2);
        assertThat(client.session().getExpectedTargetNum()).isEqualTo(receivedBefore + 2);

        client.send(newOrderSingle("FIX.4.4", "AFTER-1", "AAPL", Side.SELL, 30, 100));
        final Message report = client.nextApplicationMessage();
        assertThat(report.getString(ClOrdID.FIELD)).isEqualTo("AFTER-1");
        assertThat(report.getHeader().isSetField(PossDupFlag.FIELD)).isFalse();
        assertThat(report.getHeader().getInt(MsgSeqNum.FIELD)).isEqualTo(receivedBefore + 2);
    }

    @Test
    void afterARestartAResendRequestIsAnsweredFromTheArchive() throws Exception
    {
        port = FreePort.pick();
        BastionGateway gateway = startGateway();
        QuickFixClient client = startClient();
        client.awaitLogon();
        client.send(newOrderSingle("FIX.4.4", "ARCHIVED-1", "MSFT", Side.BUY, 5, 400));
        client.nextApplicationMessage();
        client.close();
        gateway.close();
        running.clear();

        gateway = startGateway();
        client = startClient();
        client.awaitLogon();
        // Pretend the client lost everything it received: its next message from the gateway
        // (the Heartbeat to this TestRequest) shows a gap, and it asks for all of it again.
        client.session().setNextTargetMsgSeqNum(1);
        client.session().generateTestRequest("GAP");

        final Message resent = client.nextApplicationMessage();
        assertThat(resent.getHeader().getString(MsgType.FIELD)).isEqualTo(MsgType.EXECUTION_REPORT);
        assertThat(resent.getString(ClOrdID.FIELD)).isEqualTo("ARCHIVED-1");
        assertThat(resent.getHeader().getBoolean(PossDupFlag.FIELD)).isTrue();
        assertThat(resent.getHeader().getInt(MsgSeqNum.FIELD)).isEqualTo(2);
    }

    @Test
    void aSequenceGapOpenWhenTheGatewayStopsIsAskedForAgainAfterTheRestart() throws Exception
    {
        port = FreePort.pick();
        final BastionGateway gateway = startGateway();
        try (FixWireClient client = new FixWireClient("127.0.0.1", port))
        {
            client.send(RawFix.message("CLIENT44", "BASTION", 1, "35=A|98=0|108=30|553=alice|554=s3cret|"));
            assertThat(client.next(10_000)).contains("\u000135=A\u0001");
            client.send(RawFix.message("CLIENT44", "BASTION", 2, "35=1|112=IN-ORDER|"));
            assertThat(client.next(10_000)).contains("\u0001112=IN-ORDER\u0001");
            // 3 goes missing: the gateway holds 4 and asks for 3 onwards.
            client.send(RawFix.message("CLIENT44", "BASTION", 4, "35=1|112=ABOVE-GAP|"));
            assertThat(client.next(10_000)).contains("\u000135=2\u0001").contains("\u00017=3\u0001");
        }
        gateway.close();
        running.clear();

        startGateway();
        try (FixWireClient client = new FixWireClient("127.0.0.1", port))
        {
            client.send(RawFix.message("CLIENT44", "BASTION", 5, "35=A|98=0|108=30|553=alice|554=s3cret|"));
            assertThat(client.next(10_000)).contains("\u000135=A\u0001");
            // Still expecting 3: the held message never counted as received.
            assertThat(client.next(10_000)).contains("\u000135=2\u0001").contains("\u00017=3\u0001");
        }
    }

    private BastionGateway startGateway()
    {
        final GatewayConfiguration configuration = new GatewayConfiguration()
            .port(port)
            .dataDirectory(gatewayData)
            .addSession(new ClientSessionConfiguration(
                "BASTION", "CLIENT44", FixVersion.FIX44, "alice", "s3cret", 30, null, false));
        final BastionGateway gateway = BastionGateway.launch(configuration, RecordingOrderHandler::new);
        running.add(gateway);
        return gateway;
    }

    private QuickFixClient startClient()
    {
        final QuickFixClient client =
            new QuickFixClient("FIX.4.4", "CLIENT44", "BASTION", port, "alice", "s3cret", clientStore).start();
        running.add(client);
        return client;
    }
}

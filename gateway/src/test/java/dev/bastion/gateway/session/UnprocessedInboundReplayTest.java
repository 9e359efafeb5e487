package dev.bastion.gateway.session;

import dev.bastion.gateway.BastionGateway;
import dev.bastion.gateway.config.ClientSessionConfiguration;
import dev.bastion.gateway.config.FixVersion;
import dev.bastion.gateway.config.GatewayConfiguration;
import dev.bastion.gateway.support.FreePort;
import dev.bastion.gateway.support.QuickFixClient;
import dev.bastion.gateway.support.RecordingOrderHandler;
import dev.bastion.gateway.support.RecordingOrderHandler.ReceivedOrder;
import dev.bastion.oms.api.ClientOrderHandler;
import dev.bastion.oms.recovery.OrderStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.Side;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.bastion.gateway.support.TestOrders.newOrderSingle;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up replay of client messages Artio archived that the OMS had not processed: the OMS
 * stand-in says how far it had got, the gateway starts on the same data directory and hands it the
 * rest before any client logs on; the client gets the answers after its logon.
 */
class UnprocessedInboundReplayTest
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
    void shouldHandTheOmsTheMessagesAfterItsMarkBeforeTheClientLogsOn() throws Exception
    {
        port = FreePort.pick();
        final List<ReceivedOrder> first = sendOrders("ORD-1", "ORD-2", "ORD-3", "ORD-4", "ORD-5");
        final ReceivedOrder second = first.get(1);

        final RecordingOrderHandler oms = startGateway(OrderStore.mark(second.sequenceIndex(), second.msgSeqNum()));

        // Replayed while the gateway started, before any logon: the orders after the mark, in order.
        assertThat(oms.orders()).extracting(ReceivedOrder::clOrdId).containsExactly("ORD-3", "ORD-4", "ORD-5");
        assertThat(oms.orders()).allMatch(ReceivedOrder::replayed);
        assertThat(oms.orders()).extracting(ReceivedOrder::msgSeqNum)
            .containsExactly(first.get(2).msgSeqNum(), first.get(3).msgSeqNum(), first.get(4).msgSeqNum());
        assertThat(oms.logons()).extracting(info -> info.clientCompId()).containsExactly("CLIENT44");

        final QuickFixClient client = startClient();
        client.awaitLogon();
        final List<String> answered = new ArrayList<>();
        for (int i = 0; i < 3; i++)
        {
            final Message report = client.nextApplicationMessage();
            answered.add(report.getString(ClOrdID.FIELD));
        }
        assertThat(answered).containsExactly("ORD-3", "ORD-4", "ORD-5");
    }

    @Test
    void shouldReplayNothingWhenTheOmsHadProcessedEverything() throws Exception
    {
        port = FreePort.pick();
        final List<ReceivedOrder> first = sendOrders("ORD-1", "ORD-2");
        final ReceivedOrder last = first.get(1);

        final RecordingOrderHandler oms = startGateway(OrderStore.mark(last.sequenceIndex(), last.msgSeqNum()));

        assertThat(oms.orders()).isEmpty();
        final QuickFixClient client = startClient();
        client.awaitLogon();
        client.send(newOrderSingle("FIX.4.4", "AFTER-1", "AAPL", Side.SELL, 30, 100));
        assertThat(client.nextApplicationMessage().getString(ClOrdID.FIELD)).isEqualTo("AFTER-1");
        assertThat(oms.orders()).extracting(ReceivedOrder::replayed).containsExactly(false);
    }

    @Test
    void shouldReplayEverythingOfASessionTheOmsHadNothingFrom() throws Exception
    {
        port = FreePort.pick();
        sendOrders("ORD-1", "ORD-2");

        final RecordingOrderHandler oms = startGateway(ClientOrderHandler.NOTHING_PROCESSED);

        assertThat(oms.orders()).extracting(ReceivedOrder::clOrdId).containsExactly("ORD-1", "ORD-2");
    }

    @Test
    void shouldReplayNothingForAnOmsThatKeepsNoMarks() throws Exception
    {
        port = FreePort.pick();
        sendOrders("ORD-1", "ORD-2");

        final RecordingOrderHandler oms = startGateway(ClientOrderHandler.REPLAY_NOTHING);

        assertThat(oms.orders()).isEmpty();
    }

    /** A first run: the client sends the orders and gets their answers, then both stop cleanly. */
    private List<ReceivedOrder> sendOrders(final String... clOrdIds) throws Exception
    {
        final RecordingOrderHandler oms = startGateway(ClientOrderHandler.REPLAY_NOTHING);
        final QuickFixClient client = startClient();
        client.awaitLogon();
        for (final String clOrdId : clOrdIds)
        {
            client.send(newOrderSingle("FIX.4.4", clOrdId, "AAPL", Side.BUY, 10, 100));
        }
        for (int i = 0; i < clOrdIds.length; i++)
        {
            client.nextApplicationMessage();
        }
        final List<ReceivedOrder> received = List.copyOf(oms.orders());
        stop();
        running.clear();
        assertThat(received).extracting(ReceivedOrder::replayed).containsOnly(false);
        return received;
    }

    private RecordingOrderHandler startGateway(final long processedUpTo)
    {
        final GatewayConfiguration configuration = new GatewayConfiguration()
            .port(port)
            .dataDirectory(gatewayData)
            .addSession(new ClientSessionConfiguration(
                "BASTION", "CLIENT44", FixVersion.FIX44, "alice", "s3cret", 30, null, false));
        final RecordingOrderHandler[] handler = new RecordingOrderHandler[1];
        running.add(BastionGateway.launch(configuration,
            replies -> handler[0] = new RecordingOrderHandler(replies).withProcessedUpTo(processedUpTo)));
        return handler[0];
    }

    private QuickFixClient startClient()
    {
        final QuickFixClient client =
            new QuickFixClient("FIX.4.4", "CLIENT44", "BASTION", port, "alice", "s3cret", clientStore).start();
        running.add(client);
        return client;
    }
}

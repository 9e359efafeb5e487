package dev.bastion.gateway.session;

import dev.bastion.gateway.BastionGateway;
import dev.bastion.gateway.config.ClientSessionConfiguration;
import dev.bastion.gateway.config.FixVersion;
import dev.bastion.gateway.config.GatewayConfiguration;
import dev.bastion.gateway.config.ThrottleConfiguration;
import dev.bastion.gateway.support.Await;
import dev.bastion.gateway.support.FreePort;
import dev.bastion.gateway.support.QuickFixClient;
import dev.bastion.gateway.support.RecordingOrderHandler;
import dev.bastion.gateway.support.RecordingOrderHandler.ReceivedOrder;
import dev.bastion.gateway.support.RecordingOrderHandler.ReceivedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.BusinessRejectReason;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecType;
import quickfix.field.LeavesQty;
import quickfix.field.MsgType;
import quickfix.field.OrdStatus;
import quickfix.field.OrdType;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.Text;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static dev.bastion.gateway.support.TestOrders.newOrderSingle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Client sessions as an independent FIX engine sees them: QuickFIX/J initiators log on to the
 * real gateway over loopback, FIX 4.2 and FIX 4.4 side by side.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuickFixClientSessionTest
{
    private static final String GATEWAY = "BASTION";

    private final AtomicReference<RecordingOrderHandler> handler = new AtomicReference<>();
    private final List<QuickFixClient> clients = new ArrayList<>();
    private BastionGateway gateway;
    private int port;

    @BeforeAll
    void startGateway(@TempDir final Path dataDirectory)
    {
        port = FreePort.pick();
        final GatewayConfiguration configuration = new GatewayConfiguration()
            .port(port)
            .dataDirectory(dataDirectory)
            .addSession(new ClientSessionConfiguration(
                GATEWAY, "CLIENT44", FixVersion.FIX44, "alice", "s3cret-44", 30, null, true))
            .addSession(new ClientSessionConfiguration(
                GATEWAY, "CLIENT42", FixVersion.FIX42, "bob", "s3cret-42", 30, null, true))
            .addSession(new ClientSessionConfiguration(
                GATEWAY, "FASTCLIENT", FixVersion.FIX44, null, null, 30, new ThrottleConfiguration(5, 60_000), true));
        gateway = BastionGateway.launch(configuration, replies ->
        {
            final RecordingOrderHandler recording = new RecordingOrderHandler(replies);
            handler.set(recording);
            return recording;
        });
    }

    @AfterEach
    void logOut()
    {
        clients.forEach(QuickFixClient::close);
        clients.clear();
    }

    @AfterAll
    void stop()
    {
        if (gateway != null)
        {
            gateway.close();
        }
    }

    @Test
    void newOrderSingleReachesTheOrderHandlerAndItsExecutionReportReachesTheClient() throws Exception
    {
        final QuickFixClient client = client("FIX.4.4", "CLIENT44", "alice", "s3cret-44");
        client.awaitLogon();

        client.send(newOrderSingle("FIX.4.4", "ORD-44-1", "AAPL", Side.BUY, 100, 187.25));

        final Message report = client.nextApplicationMessage();
        assertThat(report.getHeader().getString(MsgType.FIELD)).isEqualTo(MsgType.EXECUTION_REPORT);
        assertThat(report.getString(ClOrdID.FIELD)).isEqualTo("ORD-44-1");
        assertThat(report.getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
        assertThat(report.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.NEW);
        assertThat(report.getString(Symbol.FIELD)).isEqualTo("AAPL");
        assertThat(report.getDouble(LeavesQty.FIELD)).isEqualTo(100.0);
        assertThat(report.getDouble(CumQty.FIELD)).isZero();

        final ReceivedOrder received = handler.get().orders().stream()
            .filter(order -> order.clOrdId().equals("ORD-44-1")).findFirst().orElseThrow();
        assertThat(received.symbol()).isEqualTo("AAPL");
        assertThat(received.side()).isEqualTo(Side.BUY);
        assertThat(received.ordType()).isEqualTo(OrdType.LIMIT);
        assertThat(received.orderQty()).isEqualTo(100 * 10_000L);
        assertThat(received.price()).isEqualTo(18_725_000_000L);
        assertThat(received.account()).isEqualTo("ACC-1");
    }

    @Test
    void fix42AndFix44ClientsTradeSideBySide() throws Exception
    {
        final QuickFixClient fix44 = client("FIX.4.4", "CLIENT44", "alice", "s3cret-44");
        final QuickFixClient fix42 = client("FIX.4.2", "CLIENT42", "bob", "s3cret-42");
        fix44.awaitLogon();
        fix42.awaitLogon();

        fix42.send(newOrderSingle("FIX.4.2", "ORD-42-1", "MSFT", Side.SELL, 50, 410.5));
        fix44.send(newOrderSingle("FIX.4.4", "ORD-44-2", "IBM", Side.BUY, 10, 150));

        final Message report42 = fix42.nextApplicationMessage();
        final Message report44 = fix44.nextApplicationMessage();
        assertThat(report42.getHeader().getString(8)).isEqualTo("FIX.4.2");
        assertThat(report42.getString(ClOrdID.FIELD)).isEqualTo("ORD-42-1");
        // FIX 4.2 has no ExecType Trade (F) or New as 4.4 means it: New is still 0.
        assertThat(report42.getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
        assertThat(report44.getHeader().getString(8)).isEqualTo("FIX.4.4");
        assertThat(report44.getString(ClOrdID.FIELD)).isEqualTo("ORD-44-2");
    }

    @Test
    void cancelReplaceStatusAndMassRequestsAreDecodedAndHandedToTheOrderHandler() throws Exception
    {
        final QuickFixClient client = client("FIX.4.4", "CLIENT44", "alice", "s3cret-44");
        client.awaitLogon();

        client.send(request(MsgType.ORDER_CANCEL_REQUEST, "11=CXL-1", "41=ORD-1", "55=AAPL", "54=1", "38=100",
            "60=" + now()));
        client.send(request(MsgType.ORDER_CANCEL_REPLACE_REQUEST, "11=RPL-1", "41=ORD-1", "55=AAPL", "54=1",
            "40=2", "38=200", "44=187.5", "21=1", "60=" + now()));
        client.send(request(MsgType.ORDER_STATUS_REQUEST, "11=ORD-1", "55=AAPL", "54=1"));
        client.send(request(MsgType.ORDER_MASS_CANCEL_REQUEST, "11=MC-1", "530=1", "55=AAPL", "60=" + now()));
        client.send(request(MsgType.ORDER_MASS_STATUS_REQUEST, "584=MS-1", "585=7"));

        for (int i = 0; i < 5; i++)
        {
            assertThat(client.nextApplicationMessage().getHeader().getString(MsgType.FIELD))
                .isEqualTo(MsgType.BUSINESS_MESSAGE_REJECT);
        }
        assertThat(handler.get().requests())
            .extracting(ReceivedRequest::msgType, ReceivedRequest::id,
                ReceivedRequest::origClOrdId, ReceivedRequest::symbol,
                ReceivedRequest::side)
            .contains(
                tuple("F", "CXL-1", "ORD-1", "AAPL", '1'),
                tuple("G", "RPL-1", "ORD-1", "AAPL", '1'),
                tuple("H", "ORD-1", "", "AAPL", '1'),
                tuple("q", "MC-1", "", "AAPL", '1'),
                tuple("AF", "MS-1", "", "", '7'));
    }

    @Test
    void logonWithAWrongPasswordIsRefusedWithALogoutSayingSo() throws Exception
    {
        final QuickFixClient client = client("FIX.4.4", "CLIENT44", "alice", "guess");

        assertThat(client.logoutText()).containsIgnoringCase("password");
        assertThat(client.isLoggedOn()).isFalse();
    }

    @Test
    void logonFromAnUnknownCompIdIsRefusedWithALogoutSayingSo() throws Exception
    {
        final QuickFixClient client = client("FIX.4.4", "STRANGER", "alice", "s3cret-44");

        assertThat(client.logoutText()).contains("STRANGER");
        assertThat(client.isLoggedOn()).isFalse();
    }

    @Test
    void messagesBeyondTheThrottleAreRejectedWithTextAndTheSessionStaysUp() throws Exception
    {
        final QuickFixClient client = client("FIX.4.4", "FASTCLIENT", null, null);
        client.awaitLogon();

        // 5 application messages per minute: session messages (the Logon, heartbeats) do not count.
        for (int i = 1; i <= 8; i++)
        {
            client.send(newOrderSingle("FIX.4.4", "FAST-" + i, "AAPL", Side.BUY, 1, 100));
        }

        int acknowledged = 0;
        int rejected = 0;
        for (int i = 0; i < 8; i++)
        {
            final Message answer = client.nextApplicationMessage();
            if (MsgType.BUSINESS_MESSAGE_REJECT.equals(answer.getHeader().getString(MsgType.FIELD)))
            {
                assertThat(answer.getString(Text.FIELD)).contains("Throttle limit exceeded");
                assertThat(answer.getInt(BusinessRejectReason.FIELD)).isEqualTo(BusinessRejectReason.OTHER);
                rejected++;
            }
            else
            {
                acknowledged++;
            }
        }
        assertThat(acknowledged).isEqualTo(5);
        assertThat(rejected).isEqualTo(3);
        assertThat(client.isLoggedOn()).isTrue();
        Await.until("handler saw the acknowledged orders", Duration.ofSeconds(5), () ->
            handler.get().orders().stream().filter(order -> order.clOrdId().startsWith("FAST-")).count() == 5);
        // The OMS hears of the refused ones too, so that a restart never replays them from the archive.
        Await.until("handler told of the refused orders", Duration.ofSeconds(5), () ->
            handler.get().refused().size() == 3);
    }

    /** A FIX 4.4 message of this type with these {@code tag=value} body fields, in order. */
    private static Message request(final String msgType, final String... fields)
    {
        final Message message = new Message();
        message.getHeader().setString(8, "FIX.4.4");
        message.getHeader().setString(MsgType.FIELD, msgType);
        for (final String field : fields)
        {
            final int equals = field.indexOf('=');
            message.setString(Integer.parseInt(field.substring(0, equals)), field.substring(equals + 1));
        }
        return message;
    }

    private static String now()
    {
        return DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSS").withZone(ZoneOffset.UTC).format(Instant.now());
    }

    private QuickFixClient client(
        final String beginString, final String compId, final String username, final String password)
    {
        final QuickFixClient client =
            new QuickFixClient(beginString, compId, GATEWAY, port, username, password, null).start();
        clients.add(client);
        return client;
    }
}

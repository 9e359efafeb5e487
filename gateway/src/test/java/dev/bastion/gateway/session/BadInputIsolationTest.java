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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.MsgType;
import quickfix.field.Side;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static dev.bastion.gateway.support.TestOrders.newOrderSingle;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One client sends what no FIX engine should: bytes that start no message, a message with a wrong
 * CheckSum, one longer than the gateway accepts, one longer than it can even frame. Each gets the
 * FIX session rules' reaction on that session alone, while a QuickFIX/J client on another session
 * keeps trading without noticing.
 */
class BadInputIsolationTest
{
    private static final String GATEWAY = "BASTION";
    private static final int MAX_MESSAGE_LENGTH = 1024;

    @TempDir
    Path dataDirectory;

    private BastionGateway gateway;
    private QuickFixClient trader;
    private FixWireClient raw;
    private int rawSeqNum;
    private int traderOrders;

    @BeforeEach
    void start() throws IOException
    {
        final int port = FreePort.pick();
        gateway = BastionGateway.launch(new GatewayConfiguration()
            .port(port)
            .dataDirectory(dataDirectory)
            .maxMessageLength(MAX_MESSAGE_LENGTH)
            .addSession(new ClientSessionConfiguration(GATEWAY, "TRADER", FixVersion.FIX44, null, null, 30, null, true))
            .addSession(new ClientSessionConfiguration(GATEWAY, "RAW", FixVersion.FIX44, null, null, 30, null, true)),
            RecordingOrderHandler::new);
        trader = new QuickFixClient("FIX.4.4", "TRADER", GATEWAY, port, null, null, null).start();
        trader.awaitLogon();

        raw = new FixWireClient("127.0.0.1", port);
        raw.send(message("35=A|98=0|108=30|"));
        assertThat(raw.next(10_000)).contains("\u000135=A\u0001");
    }

    @AfterEach
    void stop()
    {
        if (raw != null)
        {
            raw.close();
        }
        if (trader != null)
        {
            trader.close();
        }
        if (gateway != null)
        {
            gateway.close();
        }
    }

    @Test
    void bytesThatStartNoMessageCostNothingButThemselves() throws Exception
    {
        tradeOnce();
        // Garbage and a TestRequest in one write, so that they reach the gateway in one read.
        raw.send(concat("\u0000\u00ff garbage that is no FIX message at all \r\n".getBytes(StandardCharsets.ISO_8859_1),
            message("35=1|112=AFTER-GARBAGE|")));

        assertThat(raw.next(10_000)).contains("\u000135=0\u0001").contains("\u0001112=AFTER-GARBAGE\u0001");
        tradeOnce();
    }

    @Test
    void aMessageWithAWrongCheckSumIsIgnoredAndNotCounted() throws Exception
    {
        final byte[] corrupted = message("35=1|112=CORRUPTED|");
        corrupted[corrupted.length - 2] = (byte)(corrupted[corrupted.length - 2] == '0' ? '1' : '0');
        raw.send(concat(corrupted, message("35=1|112=AFTER-CHECKSUM|", rawSeqNum)));

        final String heartbeat = raw.next(10_000);
        assertThat(heartbeat).contains("\u0001112=AFTER-CHECKSUM\u0001");
        tradeOnce();
    }

    @Test
    void aMessageLongerThanTheLimitIsRejectedAndTheSessionStaysUp() throws Exception
    {
        final String text = "x".repeat(MAX_MESSAGE_LENGTH);
        raw.send(message("35=D|11=LONG-1|21=1|55=AAPL|54=1|38=1|40=1|60=" + now() + "|58=" + text + "|"));

        final String reject = raw.next(10_000);
        assertThat(reject).contains("\u000135=3\u0001").contains("\u0001373=99\u0001").contains("longer than");
        tradeOnce();
        raw.send(message("35=1|112=STILL-UP|"));
        assertThat(raw.next(10_000)).contains("\u0001112=STILL-UP\u0001");
    }

    @Test
    void aMessageTooLongToFrameClosesOnlyItsOwnConnection() throws Exception
    {
        final String text = "y".repeat(64 * 1024);
        raw.send(message("35=D|11=HUGE-1|21=1|55=AAPL|54=1|38=1|40=1|60=" + now() + "|58=" + text + "|"));

        String answer;
        do
        {
            answer = raw.next(10_000);
        }
        while (answer != null && !FixWireClient.CLOSED.equals(answer));
        assertThat(answer).isEqualTo(FixWireClient.CLOSED);
        tradeOnce();
        assertThat(trader.isLoggedOn()).isTrue();
    }

    private void tradeOnce() throws Exception
    {
        traderOrders++;
        final String clOrdId = "T-" + traderOrders;
        trader.send(newOrderSingle("FIX.4.4", clOrdId, "MSFT", Side.BUY, 10, 400));
        final Message report = trader.nextApplicationMessage();
        assertThat(report.getHeader().getString(MsgType.FIELD)).isEqualTo(MsgType.EXECUTION_REPORT);
        assertThat(report.getString(ClOrdID.FIELD)).isEqualTo(clOrdId);
    }

    /** The next message of the raw session, with BodyLength, CheckSum and its header filled in. */
    private byte[] message(final String body)
    {
        rawSeqNum++;
        return message(body, rawSeqNum);
    }

    private byte[] message(final String body, final int msgSeqNum)
    {
        return RawFix.message("RAW", GATEWAY, msgSeqNum, body);
    }

    private static String now()
    {
        return RawFix.now();
    }

    private static byte[] concat(final byte[] first, final byte[] second)
    {
        final byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}

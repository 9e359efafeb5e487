package dev.bastion.gateway.transport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The channel in front of Artio's framer, over a real loopback socket: whatever the client writes,
 * each read hands on whole messages first and bytes that start no message last.
 */
class MessageAlignedTcpChannelTest
{
    private static final int BUFFER_SIZE = 4096;
    private static final String HEARTBEAT = fix("35=0|34=2|49=C|52=20240101-00:00:00|56=G|");
    private static final String TEST_REQUEST = fix("35=1|34=3|49=C|52=20240101-00:00:00|56=G|112=HELLO|");

    private ServerSocketChannel server;
    private Socket client;
    private OutputStream toChannel;
    private MessageAlignedTcpChannel channel;
    private final ByteBuffer artioBuffer = ByteBuffer.allocateDirect(BUFFER_SIZE);

    @BeforeEach
    void connect() throws IOException
    {
        server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        client = new Socket("127.0.0.1", ((InetSocketAddress)server.getLocalAddress()).getPort());
        client.setTcpNoDelay(true);
        toChannel = client.getOutputStream();
        final SocketChannel accepted = server.accept();
        accepted.configureBlocking(false);
        channel = new MessageAlignedTcpChannel(accepted, BUFFER_SIZE);
    }

    @AfterEach
    void close() throws IOException
    {
        channel.close();
        client.close();
        server.close();
    }

    @Test
    void shouldPassMessagesThroughUnchanged() throws IOException
    {
        write(HEARTBEAT + TEST_REQUEST);

        assertThat(readUntil(HEARTBEAT.length() + TEST_REQUEST.length())).isEqualTo(HEARTBEAT + TEST_REQUEST);
    }

    @Test
    void shouldPutGarbageAfterTheMessagesThatFollowedItInTheSameRead() throws IOException
    {
        final String garbage = "35=0|this is not a FIX message|".replace('|', '\u0001');
        write(garbage + TEST_REQUEST);

        assertThat(readUntil(garbage.length() + TEST_REQUEST.length())).isEqualTo(TEST_REQUEST + garbage);
    }

    @Test
    void shouldDiscardAFragmentTooShortForArtioToRecord() throws IOException
    {
        write("\r\n" + HEARTBEAT + "\r\n" + TEST_REQUEST);

        assertThat(readUntil(HEARTBEAT.length() + TEST_REQUEST.length())).isEqualTo(HEARTBEAT + TEST_REQUEST);
    }

    @Test
    void shouldHoldAnIncompleteMessageUntilItsEndArrives() throws IOException
    {
        write(HEARTBEAT.substring(0, 20));
        assertThat(readFor(Duration.ofMillis(200))).isEmpty();

        write(HEARTBEAT.substring(20));
        assertThat(readUntil(HEARTBEAT.length())).isEqualTo(HEARTBEAT);
    }

    @Test
    void shouldFrameAWrongBodyLengthAsArtioDoesByTheNextCheckSum() throws IOException
    {
        final String tooShort = HEARTBEAT.replaceFirst("\u00019=\\d+\u0001", "\u00019=10\u0001");
        write(tooShort + TEST_REQUEST);

        assertThat(readUntil(tooShort.length() + TEST_REQUEST.length())).isEqualTo(tooShort + TEST_REQUEST);
    }

    @Test
    void shouldResynchroniseOnTheNextBeginStringNotInsideAnotherTag() throws IOException
    {
        final String garbage = "garbage 58=FIX is here|".replace('|', '\u0001');
        write(garbage + HEARTBEAT);

        assertThat(readUntil(garbage.length() + HEARTBEAT.length())).isEqualTo(HEARTBEAT + garbage);
    }

    private void write(final String bytes) throws IOException
    {
        toChannel.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
        toChannel.flush();
    }

    private String readUntil(final int length) throws IOException
    {
        final long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (artioBuffer.position() < length && System.nanoTime() < deadline)
        {
            if (channel.read(artioBuffer) == 0)
            {
                Thread.onSpinWait();
            }
        }
        return drain();
    }

    private String readFor(final Duration duration) throws IOException
    {
        final long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline)
        {
            channel.read(artioBuffer);
        }
        return drain();
    }

    private String drain()
    {
        final byte[] bytes = new byte[artioBuffer.position()];
        artioBuffer.flip();
        artioBuffer.get(bytes);
        artioBuffer.clear();
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** A FIX 4.4 message with BodyLength and CheckSum filled in, from a '|'-delimited body. */
    private static String fix(final String body)
    {
        final String soh = body.replace('|', '\u0001');
        final String head = "8=FIX.4.4\u00019=" + soh.length() + "\u0001" + soh;
        int sum = 0;
        for (final byte b : head.getBytes(StandardCharsets.ISO_8859_1))
        {
            sum += b & 0xFF;
        }
        return head + "10=" + String.format("%03d", sum % 256) + "\u0001";
    }
}

package dev.bastion.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A bare TCP FIX peer for the acceptance scripts: it writes whatever bytes a script gives, valid
 * or not, and frames what the acceptor sends by BodyLength, so it can check the acceptor's framing
 * instead of trusting it.
 */
public final class FixWireClient implements AutoCloseable
{
    /** The connection ended while waiting. */
    public static final String CLOSED = "<closed>";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final StringBuilder received = new StringBuilder();
    private boolean closed;

    public FixWireClient(final String host, final int port) throws IOException
    {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    public void send(final byte[] message) throws IOException
    {
        out.write(message);
        out.flush();
    }

    /**
     * @return the next complete message, {@link #CLOSED} if the acceptor closed the connection, or
     *         null if nothing complete arrived within the timeout.
     */
    public String next(final long timeoutMs) throws IOException
    {
        final long deadline = System.currentTimeMillis() + timeoutMs;
        while (true)
        {
            final String message = frame();
            if (message != null)
            {
                return message;
            }
            if (closed)
            {
                return CLOSED;
            }
            final long remaining = deadline - System.currentTimeMillis();
            if (remaining <= 0)
            {
                return null;
            }
            socket.setSoTimeout((int)Math.max(1, remaining));
            final byte[] chunk = new byte[4096];
            try
            {
                final int read = in.read(chunk);
                if (read < 0)
                {
                    closed = true;
                }
                else
                {
                    received.append(new String(chunk, 0, read, StandardCharsets.ISO_8859_1));
                }
            }
            catch (final SocketTimeoutException ex)
            {
                return null;
            }
            catch (final IOException ex)
            {
                closed = true;
            }
        }
    }

    /** Cuts one message off the front of what was received: 8=...|9=n|<n bytes>10=xxx|. */
    private String frame()
    {
        final int bodyLengthStart = received.indexOf("\u00019=");
        if (bodyLengthStart < 0)
        {
            return null;
        }
        final int bodyLengthEnd = received.indexOf("\u0001", bodyLengthStart + 1);
        if (bodyLengthEnd < 0)
        {
            return null;
        }
        final int bodyLength;
        try
        {
            bodyLength = Integer.parseInt(received.substring(bodyLengthStart + 3, bodyLengthEnd));
        }
        catch (final NumberFormatException ex)
        {
            final String garbage = received.toString();
            received.setLength(0);
            return garbage;
        }
        final int trailerStart = bodyLengthEnd + 1 + bodyLength;
        final int end = received.indexOf("\u0001", trailerStart);
        if (end < 0)
        {
            return null;
        }
        final String message = received.substring(0, end + 1);
        received.delete(0, end + 1);
        return message;
    }

    public boolean isClosed()
    {
        return closed;
    }

    @Override
    public void close()
    {
        try
        {
            socket.close();
        }
        catch (final IOException ignored)
        {
            // closing a socket the test is finished with
        }
    }
}

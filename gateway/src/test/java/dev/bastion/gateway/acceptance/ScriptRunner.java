package dev.bastion.gateway.acceptance;

import dev.bastion.gateway.support.FixWireClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays one acceptance script against an acceptor over TCP, as the initiator, and reports the
 * first step whose expectation is not met, with the conversation up to there.
 */
final class ScriptRunner
{
    private final String host;
    private final int port;
    private final MessageMatcher matcher;
    private final long expectTimeoutMs;

    ScriptRunner(final String host, final int port, final MessageMatcher matcher, final long expectTimeoutMs)
    {
        this.host = host;
        this.port = port;
        this.matcher = matcher;
        this.expectTimeoutMs = expectTimeoutMs;
    }

    record Result(String script, String failure, List<String> transcript)
    {
        boolean passed()
        {
            return failure == null;
        }

        String report()
        {
            return script + ": " + (passed() ? "passed" : failure) + System.lineSeparator() +
                String.join(System.lineSeparator(), transcript);
        }
    }

    Result run(final AcceptanceScript script)
    {
        final Map<Integer, FixWireClient> clients = new HashMap<>();
        final List<String> transcript = new ArrayList<>();
        try
        {
            for (final ScriptStep step : script.steps())
            {
                final String failure = perform(step, clients, transcript);
                if (failure != null)
                {
                    return new Result(script.name(), "line " + step.line() + ": " + failure, transcript);
                }
            }
            return new Result(script.name(), null, transcript);
        }
        catch (final IOException ex)
        {
            return new Result(script.name(), "I/O error: " + ex, transcript);
        }
        finally
        {
            clients.values().forEach(FixWireClient::close);
        }
    }

    private String perform(
        final ScriptStep step, final Map<Integer, FixWireClient> clients, final List<String> transcript)
        throws IOException
    {
        final int id = step.client();
        if (step instanceof ScriptStep.Connect)
        {
            clients.put(id, new FixWireClient(host, port));
            transcript.add(id + " connect");
            return null;
        }
        final FixWireClient client = clients.get(id);
        if (client == null)
        {
            return "client " + id + " is not connected";
        }
        if (step instanceof ScriptStep.Disconnect)
        {
            client.close();
            clients.remove(id);
            transcript.add(id + " disconnect");
            return null;
        }
        if (step instanceof ScriptStep.Send send)
        {
            final byte[] message = MessageTemplate.render(send.template(), Instant.now());
            transcript.add(id + " > " + printable(new String(message, StandardCharsets.ISO_8859_1)));
            if (client.isClosed())
            {
                return "cannot send, the acceptor closed the connection";
            }
            client.send(message);
            return null;
        }
        if (step instanceof ScriptStep.Expect expect)
        {
            final String message = client.next(expectTimeoutMs);
            if (message == null)
            {
                return "no message within " + expectTimeoutMs + " ms, expected " + expect.expected();
            }
            if (FixWireClient.CLOSED.equals(message))
            {
                transcript.add(id + " closed by acceptor");
                return "connection closed, expected " + expect.expected();
            }
            transcript.add(id + " < " + printable(message));
            final List<String> differences = matcher.differences(expect.expected(), message);
            return differences.isEmpty() ? null :
                "expected " + expect.expected() + " but " + String.join("; ", differences);
        }
        // eDISCONNECT: before closing, the acceptor may still say why (Reject, Logout) or keep the
        // session's heartbeat going; anything else, a Logon or an application message, fails.
        while (true)
        {
            final String message = client.next(expectTimeoutMs);
            if (message == null)
            {
                return "the acceptor did not close the connection within " + expectTimeoutMs + " ms";
            }
            if (FixWireClient.CLOSED.equals(message))
            {
                transcript.add(id + " closed by acceptor");
                clients.remove(id).close();
                return null;
            }
            transcript.add(id + " < " + printable(message));
            final String msgType = FixFields.parse(message).first("35");
            if (!"5".equals(msgType) && !"3".equals(msgType) && !"0".equals(msgType))
            {
                return "expected a disconnect but received " + printable(message);
            }
        }
    }

    private static String printable(final String message)
    {
        return message.replace(FixFields.SOH, '|');
    }
}

package dev.bastion.gateway.acceptance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A QuickFIX acceptance script ({@code .def}): lines starting with '#' are comments; {@code
 * iCONNECT}, {@code iDISCONNECT}, {@code eDISCONNECT} are actions; {@code I<message>} sends and
 * {@code E<message>} expects a message. Any of them may name a client: {@code i2,CONNECT},
 * {@code E2,8=FIX.4.4...}.
 */
record AcceptanceScript(String name, List<ScriptStep> steps)
{
    private static final Pattern ACTION = Pattern.compile("([ie])(\\d+)?,?(CONNECT|DISCONNECT)");
    private static final Pattern MESSAGE = Pattern.compile("([IE])(?:(\\d+),)?(\\d+=.*)");

    static AcceptanceScript load(final Path file) throws IOException
    {
        final List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        final List<ScriptStep> steps = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++)
        {
            final String text = lines.get(i).strip();
            final int line = i + 1;
            if (text.isEmpty() || text.startsWith("#"))
            {
                continue;
            }
            final Matcher action = ACTION.matcher(text);
            if (action.matches())
            {
                final int client = action.group(2) == null ? 1 : Integer.parseInt(action.group(2));
                final boolean initiate = action.group(1).equals("i");
                if (action.group(3).equals("CONNECT"))
                {
                    if (!initiate)
                    {
                        throw new IllegalArgumentException(file + ":" + line + ": eCONNECT needs an acceptor test");
                    }
                    steps.add(new ScriptStep.Connect(client, line));
                }
                else
                {
                    steps.add(initiate ?
                        new ScriptStep.Disconnect(client, line) : new ScriptStep.ExpectDisconnect(client, line));
                }
                continue;
            }
            final Matcher message = MESSAGE.matcher(text);
            if (message.matches())
            {
                final int client = message.group(2) == null ? 1 : Integer.parseInt(message.group(2));
                if (message.group(1).equals("I"))
                {
                    steps.add(new ScriptStep.Send(client, line, message.group(3)));
                }
                else
                {
                    steps.add(new ScriptStep.Expect(client, line, FixFields.parse(message.group(3))));
                }
                continue;
            }
            throw new IllegalArgumentException(file + ":" + line + ": cannot read '" + text + "'");
        }
        final String fileName = file.getFileName().toString();
        return new AcceptanceScript(fileName, List.copyOf(steps));
    }
}

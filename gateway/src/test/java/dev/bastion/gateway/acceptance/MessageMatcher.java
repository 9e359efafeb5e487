package dev.bastion.gateway.acceptance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Compares a message from the acceptor with an {@code E} line, the way QuickFIX/J's runner does,
 * and stricter on framing:
 * <ul>
 *     <li>the message must be well formed: 8, 9, 35 first, BodyLength and CheckSum correct;</li>
 *     <li>MsgType (35) must be equal;</li>
 *     <li>every field sent must be expected, and every expected field must be sent, with the same
 *     values in the same order for a repeated tag;</li>
 *     <li>fields listed in {@code fields.fmt} (times, CheckSum) must match their pattern (at the
 *     start of the value: 52/122 may carry milliseconds);</li>
 *     <li>Text (58) must start with the expected text;</li>
 *     <li>BodyLength (9), when the line gives one, must be equal unless a time field has a
 *     different length than the line's.</li>
 * </ul>
 */
final class MessageMatcher
{
    private static final List<String> TIME_TAGS = List.of("52", "60", "122", "42");

    private final Map<String, Pattern> formats;

    private MessageMatcher(final Map<String, Pattern> formats)
    {
        this.formats = formats;
    }

    static MessageMatcher fromFormatFile(final Path fieldsFmt) throws IOException
    {
        final Map<String, Pattern> formats = new HashMap<>();
        for (final String line : Files.readAllLines(fieldsFmt, StandardCharsets.ISO_8859_1))
        {
            final int equals = line.indexOf('=');
            if (equals > 0)
            {
                formats.put(line.substring(0, equals).strip(), Pattern.compile(line.substring(equals + 1).strip()));
            }
        }
        return new MessageMatcher(formats);
    }

    /** @return the differences; empty when the message matches. */
    List<String> differences(final FixFields expected, final String actualMessage)
    {
        final List<String> problems = new ArrayList<>(framingProblems(actualMessage));
        final FixFields actual = FixFields.parse(actualMessage);

        if (!String.valueOf(expected.first("35")).equals(actual.first("35")))
        {
            problems.add("MsgType " + actual.first("35") + " where " + expected.first("35") + " was expected");
            return problems;
        }

        for (final FixFields.Field field : actual.fields())
        {
            final String tag = field.tag();
            if (!tag.equals("9") && !tag.equals("10") && expected.first(tag) == null)
            {
                problems.add("unexpected field " + field);
            }
        }
        for (final FixFields.Field field : expected.fields())
        {
            final String tag = field.tag();
            if (!tag.equals("9") && !tag.equals("10") && actual.first(tag) == null)
            {
                problems.add("missing field " + field);
            }
        }

        final List<String> comparedTags = new ArrayList<>();
        for (final FixFields.Field field : expected.fields())
        {
            final String tag = field.tag();
            if (tag.equals("9") || comparedTags.contains(tag) || actual.first(tag) == null)
            {
                continue;
            }
            comparedTags.add(tag);
            final List<String> expectedValues = expected.all(tag);
            final List<String> actualValues = actual.all(tag);
            if (expectedValues.size() != actualValues.size())
            {
                problems.add("tag " + tag + " appears " + actualValues.size() + " times, expected " +
                    expectedValues.size());
                continue;
            }
            for (int i = 0; i < expectedValues.size(); i++)
            {
                final String problem = compareValue(tag, expectedValues.get(i), actualValues.get(i));
                if (problem != null)
                {
                    problems.add(problem);
                }
            }
        }

        final String expectedBodyLength = expected.first("9");
        if (expectedBodyLength != null && sameTimeFieldLengths(expected, actual) &&
            !expectedBodyLength.equals(actual.first("9")))
        {
            problems.add("BodyLength " + actual.first("9") + " where " + expectedBodyLength + " was expected");
        }
        return problems;
    }

    private String compareValue(final String tag, final String expected, final String actual)
    {
        final Pattern format = formats.get(tag);
        if (format != null)
        {
            return format.matcher(actual).lookingAt() ? null :
                "field " + tag + "=" + actual + " does not match format " + format.pattern();
        }
        if (tag.equals("58"))
        {
            return actual.startsWith(expected) ? null : "Text (58) '" + actual + "' does not start with '" +
                expected + "'";
        }
        return expected.equals(actual) ? null : "field " + tag + "=" + actual + " where " + tag + "=" + expected +
            " was expected";
    }

    private static boolean sameTimeFieldLengths(final FixFields expected, final FixFields actual)
    {
        for (final String tag : TIME_TAGS)
        {
            final String expectedValue = expected.first(tag);
            final String actualValue = actual.first(tag);
            if (expectedValue != null && actualValue != null && expectedValue.length() != actualValue.length())
            {
                return false;
            }
        }
        return true;
    }

    static List<String> framingProblems(final String message)
    {
        final List<String> problems = new ArrayList<>();
        final FixFields fields = FixFields.parse(message);
        final List<FixFields.Field> list = fields.fields();
        if (list.size() < 4 || !list.get(0).tag().equals("8") || !list.get(1).tag().equals("9") ||
            !list.get(2).tag().equals("35") || !list.get(list.size() - 1).tag().equals("10"))
        {
            problems.add("not framed as 8, 9, 35 ... 10: " + fields);
            return problems;
        }
        final int bodyStart = message.indexOf('\u0001', message.indexOf("\u00019=") + 1) + 1;
        final int trailerStart = message.lastIndexOf("\u000110=") + 1;
        final int bodyLength = message.substring(bodyStart, trailerStart).getBytes(StandardCharsets.ISO_8859_1).length;
        if (!String.valueOf(bodyLength).equals(list.get(1).value()))
        {
            problems.add("BodyLength says " + list.get(1).value() + " but the body has " + bodyLength + " bytes");
        }
        final String checksum = String.format("%03d", MessageTemplate.checksum(message.substring(0, trailerStart)));
        if (!checksum.equals(list.get(list.size() - 1).value()))
        {
            problems.add("CheckSum says " + list.get(list.size() - 1).value() + " but is " + checksum);
        }
        return problems;
    }
}

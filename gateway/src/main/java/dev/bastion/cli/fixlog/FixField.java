package dev.bastion.cli.fixlog;

import java.util.ArrayList;
import java.util.List;

/** One tag=value pair of a logged message. */
record FixField(int tag, String value)
{
    private static final char SOH = '\u0001';

    /** Splits an SOH-delimited message; a pair with a tag that is not a number keeps tag 0. */
    static List<FixField> split(final String message)
    {
        final List<FixField> fields = new ArrayList<>();
        int start = 0;
        while (start < message.length())
        {
            int end = message.indexOf(SOH, start);
            if (end < 0)
            {
                end = message.length();
            }
            final int equals = message.indexOf('=', start);
            if (equals > start && equals < end)
            {
                fields.add(new FixField(parseTag(message.substring(start, equals)), message.substring(equals + 1, end)));
            }
            else if (end > start)
            {
                fields.add(new FixField(0, message.substring(start, end)));
            }
            start = end + 1;
        }
        return fields;
    }

    private static int parseTag(final String text)
    {
        try
        {
            return Integer.parseInt(text);
        }
        catch (final NumberFormatException ex)
        {
            return 0;
        }
    }
}

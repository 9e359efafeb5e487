package dev.bastion.gateway.acceptance;

import java.util.ArrayList;
import java.util.List;

/** The tag=value fields of one FIX message, in order, repeated tags kept. */
record FixFields(List<Field> fields)
{
    static final char SOH = '\u0001';

    record Field(String tag, String value)
    {
        @Override
        public String toString()
        {
            return tag + "=" + value;
        }
    }

    static FixFields parse(final String message)
    {
        final List<Field> fields = new ArrayList<>();
        int start = 0;
        while (start < message.length())
        {
            int end = message.indexOf(SOH, start);
            if (end < 0)
            {
                end = message.length();
            }
            final String field = message.substring(start, end);
            if (!field.isEmpty())
            {
                final int equals = field.indexOf('=');
                fields.add(equals < 0 ? new Field(field, "") :
                    new Field(field.substring(0, equals), field.substring(equals + 1)));
            }
            start = end + 1;
        }
        return new FixFields(List.copyOf(fields));
    }

    String first(final String tag)
    {
        for (final Field field : fields)
        {
            if (field.tag().equals(tag))
            {
                return field.value();
            }
        }
        return null;
    }

    List<String> all(final String tag)
    {
        final List<String> values = new ArrayList<>();
        for (final Field field : fields)
        {
            if (field.tag().equals(tag))
            {
                values.add(field.value());
            }
        }
        return values;
    }

    @Override
    public String toString()
    {
        final StringBuilder builder = new StringBuilder();
        for (final Field field : fields)
        {
            builder.append(field).append('|');
        }
        return builder.toString();
    }
}

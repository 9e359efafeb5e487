package dev.bastion.gateway.compliance;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * One message in the compliance log, one line per message:
 * {@code <UTC time, ns>TAB<IN|OUT>TAB<status>TAB<session>TAB<raw FIX message>}. The raw message
 * keeps its SOH delimiters, so a line is exactly what crossed the wire, except that the values of
 * Password (554) and NewPassword (925) are replaced by {@code ****} (so such a message's CheckSum
 * no longer matches its bytes).
 *
 * @param time      when the gateway received or sent the message.
 * @param direction IN from the counterparty, OUT to it.
 * @param status    OK, or why Artio refused to process it (INVALID_CHECKSUM, INVALID_BODYLENGTH, ...).
 * @param session   {@code BeginString:gatewayCompId->counterpartyCompId}.
 * @param message   the FIX message, SOH-delimited.
 */
public record ComplianceRecord(Instant time, Direction direction, String status, String session, String message)
{
    static final char SEPARATOR = '\t';
    static final char SOH = '\u0001';
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    public String toLine()
    {
        return TIME.format(time) + SEPARATOR + direction + SEPARATOR + status + SEPARATOR + session + SEPARATOR +
            message;
    }

    /** @return the record, or null when the line is not one (a torn last line after a crash). */
    public static ComplianceRecord parse(final String line)
    {
        final String[] parts = line.split(String.valueOf(SEPARATOR), 5);
        if (parts.length != 5)
        {
            return null;
        }
        try
        {
            return new ComplianceRecord(Instant.parse(parts[0]), Direction.valueOf(parts[1]), parts[2], parts[3],
                parts[4]);
        }
        catch (final RuntimeException ex)
        {
            return null;
        }
    }

    /** The value of the first occurrence of a tag, or null. */
    public String field(final int tag)
    {
        final String prefix = tag + "=";
        int start = 0;
        while (start < message.length())
        {
            int end = message.indexOf(SOH, start);
            if (end < 0)
            {
                end = message.length();
            }
            if (message.startsWith(prefix, start))
            {
                return message.substring(start + prefix.length(), end);
            }
            start = end + 1;
        }
        return null;
    }

    public String msgType()
    {
        return field(35);
    }
}

package dev.bastion.gateway.acceptance;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an {@code I} line into bytes: {@code <TIME>}, {@code <TIME+n>} and {@code <TIME-n>}
 * become the current UTC time shifted by n seconds (seconds precision, as the scripts' expected
 * BodyLengths assume), and BodyLength (9) and CheckSum (10) are added unless the line carries
 * them, which a script does only to make them wrong.
 */
final class MessageTemplate
{
    private static final Pattern TIME = Pattern.compile("<TIME([+-]\\d+)?>");
    private static final DateTimeFormatter FORMAT =
        DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final char SOH = FixFields.SOH;

    private MessageTemplate()
    {
    }

    static byte[] render(final String template, final Instant now)
    {
        final Matcher matcher = TIME.matcher(template);
        final StringBuilder substituted = new StringBuilder();
        while (matcher.find())
        {
            final long shift = matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1));
            matcher.appendReplacement(substituted, FORMAT.format(now.plusSeconds(shift)));
        }
        matcher.appendTail(substituted);
        String message = substituted.toString();

        if (!message.contains(SOH + "9=") && message.startsWith("8="))
        {
            final int afterBeginString = message.indexOf(SOH) + 1;
            final String rest = message.substring(afterBeginString);
            final int bodyLength = (hasChecksum(rest) ? rest.substring(0, rest.lastIndexOf(SOH + "10=") + 1) : rest)
                .getBytes(StandardCharsets.ISO_8859_1).length;
            message = message.substring(0, afterBeginString) + "9=" + bodyLength + SOH + rest;
        }
        if (!hasChecksum(message))
        {
            message = message + "10=" + String.format("%03d", checksum(message)) + SOH;
        }
        return message.getBytes(StandardCharsets.ISO_8859_1);
    }

    static int checksum(final String message)
    {
        int sum = 0;
        for (final byte b : message.getBytes(StandardCharsets.ISO_8859_1))
        {
            sum += b & 0xFF;
        }
        return sum % 256;
    }

    private static boolean hasChecksum(final String message)
    {
        return message.startsWith("10=") || message.contains(SOH + "10=");
    }
}

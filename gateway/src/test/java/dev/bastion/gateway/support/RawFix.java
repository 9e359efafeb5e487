package dev.bastion.gateway.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Raw FIX 4.4 messages for tests that write bytes to the gateway themselves. */
public final class RawFix
{
    private static final DateTimeFormatter SENDING_TIME =
        DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final Pattern MSG_TYPE = Pattern.compile("^35=([^|]+)\\|");

    private RawFix()
    {
    }

    /**
     * @param body {@code 35=<type>|<body fields>|}, '|' for SOH.
     * @return the message with its header (MsgSeqNum, CompIDs, SendingTime), BodyLength and CheckSum.
     */
    public static byte[] message(final String sender, final String target, final int msgSeqNum, final String body)
    {
        final Matcher type = MSG_TYPE.matcher(body);
        if (!type.find())
        {
            throw new IllegalArgumentException("body must start with 35=: " + body);
        }
        final String fields = ("35=" + type.group(1) + "|34=" + msgSeqNum + "|49=" + sender + "|52=" + now() +
            "|56=" + target + "|" + body.substring(type.end())).replace('|', '\u0001');
        final String head = "8=FIX.4.4\u00019=" + fields.length() + "\u0001" + fields;
        int sum = 0;
        for (final byte b : head.getBytes(StandardCharsets.ISO_8859_1))
        {
            sum += b & 0xFF;
        }
        return (head + "10=" + String.format("%03d", sum % 256) + "\u0001").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** UTCTimestamp to the millisecond, as SendingTime and TransactTime want it. */
    public static String now()
    {
        return SENDING_TIME.format(Instant.now());
    }
}

package dev.bastion.gateway.codec;

import uk.co.real_logic.artio.builder.SessionHeaderEncoder;

import java.nio.charset.StandardCharsets;

/**
 * A message sent again with PossDupFlag=Y must carry OrigSendingTime (122), the FIX session spec
 * says, and a gap fill during a resend is one. Artio's resend writes gap fills without it; for an
 * administrative message that was never sent as such, its own SendingTime is the honest original.
 */
final class OrigSendingTimeOnGapFill
{
    private OrigSendingTimeOnGapFill()
    {
    }

    static void apply(final SessionHeaderEncoder header)
    {
        if (header instanceof dev.bastion.fix.fix44.builder.HeaderEncoder fix44)
        {
            if (fix44.hasPossDupFlag() && fix44.possDupFlag() && fix44.hasSendingTime())
            {
                final byte[] time = ascii(fix44.sendingTimeAsString());
                fix44.origSendingTimeAsCopy(time, 0, time.length);
            }
        }
        else if (header instanceof dev.bastion.fix.fix42.builder.HeaderEncoder fix42)
        {
            if (fix42.hasPossDupFlag() && fix42.possDupFlag() && fix42.hasSendingTime())
            {
                final byte[] time = ascii(fix42.sendingTimeAsString());
                fix42.origSendingTimeAsCopy(time, 0, time.length);
            }
        }
    }

    private static byte[] ascii(final String value)
    {
        return value.getBytes(StandardCharsets.US_ASCII);
    }
}

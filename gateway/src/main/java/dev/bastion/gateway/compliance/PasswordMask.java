package dev.bastion.gateway.compliance;

/**
 * Hides credentials before a message reaches the compliance log: the values of Password (554)
 * and NewPassword (925) become {@code ****}, whatever their length.
 */
final class PasswordMask
{
    private static final String MASK = "****";

    private PasswordMask()
    {
    }

    static String mask(final String message)
    {
        if (!message.contains("554=") && !message.contains("925="))
        {
            return message;
        }
        final StringBuilder masked = new StringBuilder(message.length());
        int start = 0;
        while (start < message.length())
        {
            int end = message.indexOf(ComplianceRecord.SOH, start);
            final boolean last = end < 0;
            if (last)
            {
                end = message.length();
            }
            if (message.startsWith("554=", start) || message.startsWith("925=", start))
            {
                masked.append(message, start, start + 4).append(MASK);
            }
            else
            {
                masked.append(message, start, end);
            }
            if (!last)
            {
                masked.append(ComplianceRecord.SOH);
            }
            start = end + 1;
        }
        return masked.toString();
    }
}

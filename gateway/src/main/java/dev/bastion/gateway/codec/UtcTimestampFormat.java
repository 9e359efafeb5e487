package dev.bastion.gateway.codec;

/**
 * Checks the shape of a UTCTimestamp value: {@code YYYYMMDD-HH:MM:SS} with an optional fraction
 * of 3, 6 or 9 digits, and plausible month, day, hour, minute and second (60 for a leap second).
 */
final class UtcTimestampFormat
{
    private UtcTimestampFormat()
    {
    }

    static boolean isValid(final byte[] value, final int length)
    {
        if (length != 17 && length != 21 && length != 24 && length != 27)
        {
            return false;
        }
        for (int i = 0; i < 17; i++)
        {
            final byte b = value[i];
            final boolean separator = i == 8 || i == 11 || i == 14;
            if (separator ? b != (i == 8 ? '-' : ':') : b < '0' || b > '9')
            {
                return false;
            }
        }
        if (length > 17)
        {
            if (value[17] != '.')
            {
                return false;
            }
            for (int i = 18; i < length; i++)
            {
                if (value[i] < '0' || value[i] > '9')
                {
                    return false;
                }
            }
        }
        final int month = number(value, 4);
        final int day = number(value, 6);
        return month >= 1 && month <= 12 && day >= 1 && day <= 31 &&
            number(value, 9) <= 23 && number(value, 12) <= 59 && number(value, 15) <= 60;
    }

    private static int number(final byte[] value, final int at)
    {
        return (value[at] - '0') * 10 + (value[at + 1] - '0');
    }
}

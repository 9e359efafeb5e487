package dev.bastion.bench.load;

/** The bytes received are not a FIX message where one should start: the connection cannot go on. */
public final class FixFramingException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    FixFramingException(final String reason, final byte[] buffer, final int start, final int end)
    {
        super(reason + ": '" + Ascii.text(buffer, start, Math.min(end - start, 120)).replace('\u0001', '|') + "'");
    }
}

package dev.bastion.oms.venue.fix;

/**
 * A venue's configuration is wrong in a way its owner can fix; the message names the file and
 * the key. Thrown at start, before any session connects.
 */
public final class VenueConfigurationException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String key;

    public VenueConfigurationException(final String source, final String key, final String problem)
    {
        super(source + (key != null ? ": " + key : "") + ": " + problem);
        this.source = source;
        this.key = key;
    }

    public VenueConfigurationException(
        final String source, final String key, final String problem, final Throwable cause)
    {
        this(source, key, problem);
        initCause(cause);
    }

    /** The settings file (or the name given to settings text). */
    public String source()
    {
        return source;
    }

    /** The key that is wrong, or null when the problem is the file as a whole. */
    public String key()
    {
        return key;
    }
}

package dev.bastion.oms.venue.fix;

/**
 * The FIX versions a venue session can speak, each with the Bastion dictionary QuickFIX/J
 * validates it against unless the venue's settings name another.
 */
public enum FixVersion
{
    FIX42("FIX.4.2", "dev/bastion/fix/FIX42.xml"),
    FIX44("FIX.4.4", "dev/bastion/fix/FIX44.xml");

    private final String beginString;
    private final String dictionary;

    FixVersion(final String beginString, final String dictionary)
    {
        this.beginString = beginString;
        this.dictionary = dictionary;
    }

    /** BeginString (8), as QuickFIX/J settings spell it. */
    public String beginString()
    {
        return beginString;
    }

    /** Classpath location of Bastion's dictionary for this version. */
    public String dictionary()
    {
        return dictionary;
    }

    /** @return the version, or null when Bastion does not speak it. */
    public static FixVersion fromBeginString(final String beginString)
    {
        for (final FixVersion version : values())
        {
            if (version.beginString.equals(beginString))
            {
                return version;
            }
        }
        return null;
    }
}

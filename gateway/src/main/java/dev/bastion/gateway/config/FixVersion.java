package dev.bastion.gateway.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The FIX versions a client session can speak, by BeginString (8). */
public enum FixVersion
{
    FIX42("FIX.4.2", dev.bastion.gateway.codec.Fix42SessionDictionary.class),
    FIX44("FIX.4.4", dev.bastion.gateway.codec.Fix44SessionDictionary.class);

    private final String beginString;
    private final Class<? extends uk.co.real_logic.artio.dictionary.FixDictionary> dictionary;

    FixVersion(
        final String beginString, final Class<? extends uk.co.real_logic.artio.dictionary.FixDictionary> dictionary)
    {
        this.beginString = beginString;
        this.dictionary = dictionary;
    }

    public String beginString()
    {
        return beginString;
    }

    /** The Artio dictionary for this version's client sessions (generated, with Bastion's session fixes). */
    public Class<? extends uk.co.real_logic.artio.dictionary.FixDictionary> dictionary()
    {
        return dictionary;
    }

    public static FixVersion fromBeginString(final String beginString)
    {
        for (final FixVersion version : values())
        {
            if (version.beginString.equals(beginString))
            {
                return version;
            }
        }
        throw new IllegalArgumentException("unsupported FIX version '" + beginString + "', expected one of " +
            Arrays.stream(values()).map(FixVersion::beginString).collect(Collectors.joining(", ")));
    }
}

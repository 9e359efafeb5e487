package dev.bastion.cli;

/**
 * System properties the libraries read once, when their classes load, so they are set first thing
 * in {@code main}. Flags given on the java command line win. The same values are in the build's
 * {@code bastion.jvm.flags} for the tests.
 */
final class RuntimeSettings
{
    private RuntimeSettings()
    {
    }

    static void apply()
    {
        // Artio's generated decoders report unknown tags, so clients get Reject 0 (invalid tag).
        setDefault("fix.codecs.reject_unknown_field", "true");
        setDefault("chronicle.analytics.disable", "true");
        setDefault("java.net.preferIPv4Stack", "true");
    }

    private static void setDefault(final String key, final String value)
    {
        if (System.getProperty(key) == null)
        {
            System.setProperty(key, value);
        }
    }
}

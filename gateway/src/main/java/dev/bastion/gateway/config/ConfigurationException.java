package dev.bastion.gateway.config;

/**
 * A configuration file or value that cannot be used. The message always names the file and the key
 * (for example {@code config/bastion.yaml: sessions[1].password: required}) so an operator can fix it
 * without reading code.
 */
public final class ConfigurationException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public ConfigurationException(final String message)
    {
        super(message);
    }

    public ConfigurationException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}

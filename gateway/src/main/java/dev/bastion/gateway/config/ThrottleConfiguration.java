package dev.bastion.gateway.config;

/**
 * Inbound message rate limit of one client session: at most {@code messages} application messages
 * in any window of {@code windowMs} milliseconds (session messages such as heartbeats do not
 * count). Messages over the limit are answered with a BusinessMessageReject, never dropped
 * silently, and the session stays up.
 */
public record ThrottleConfiguration(int messages, int windowMs)
{
    public ThrottleConfiguration
    {
        if (messages < 1)
        {
            throw new IllegalArgumentException("messages must be at least 1, was " + messages);
        }
        if (windowMs < 1)
        {
            throw new IllegalArgumentException("windowMs must be at least 1, was " + windowMs);
        }
    }
}

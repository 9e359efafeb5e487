package dev.bastion.oms.portfolio;

/** The portfolio directory cannot be opened as it is; the message names the file and what to do. */
public final class PortfolioException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public PortfolioException(final String message)
    {
        super(message);
    }

    public PortfolioException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}

package dev.bastion.cli;

import dev.bastion.gateway.config.ConfigurationException;
import dev.bastion.oms.venue.fix.VenueConfigurationException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Errors a user can fix (bad configuration, a file that is not there) are printed as one line
 * naming the problem, with exit code 2; anything else is a bug and keeps its stack trace.
 */
final class UserErrorHandler implements IExecutionExceptionHandler
{
    static final int USER_ERROR = 2;

    @Override
    public int handleExecutionException(
        final Exception ex, final CommandLine commandLine, final ParseResult parseResult) throws Exception
    {
        if (ex instanceof ConfigurationException || ex instanceof UserInputException ||
            ex instanceof VenueConfigurationException)
        {
            commandLine.getErr().println("bastion: " + ex.getMessage());
            return USER_ERROR;
        }
        throw ex;
    }
}

package dev.bastion.cli;

/** A command's input is wrong in a way the user can fix; the message says how. */
public final class UserInputException extends RuntimeException
{
    public UserInputException(final String message)
    {
        super(message);
    }
}

package dev.bastion.cli.demo;

/** The demo's script did not go as expected; the message says what was expected and what came. */
final class DemoFailure extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    DemoFailure(final String message)
    {
        super(message);
    }
}

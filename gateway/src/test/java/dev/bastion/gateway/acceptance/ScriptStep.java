package dev.bastion.gateway.acceptance;

/** One line of an acceptance script, for one of its client connections (1 unless numbered). */
sealed interface ScriptStep
{
    int client();

    int line();

    /** {@code iCONNECT}: open a TCP connection to the acceptor. */
    record Connect(int client, int line) implements ScriptStep
    {
    }

    /** {@code iDISCONNECT}: close the connection. */
    record Disconnect(int client, int line) implements ScriptStep
    {
    }

    /** {@code eDISCONNECT}: the acceptor must close the connection. */
    record ExpectDisconnect(int client, int line) implements ScriptStep
    {
    }

    /** {@code I...}: send a message; BodyLength and CheckSum are added unless the script gives them. */
    record Send(int client, int line, String template) implements ScriptStep
    {
    }

    /** {@code E...}: the next message from the acceptor must match. */
    record Expect(int client, int line, FixFields expected) implements ScriptStep
    {
    }
}

package dev.bastion.gateway.session;

/**
 * Why a Logon was refused. The text goes to the client in the Logout's Text (58) and to the
 * gateway's log; it names what was wrong without echoing secrets.
 */
public record LogonRefusal(String text)
{
    static LogonRefusal unknownSession(final String clientCompId, final String gatewayCompId)
    {
        return new LogonRefusal("Logon refused: no session for SenderCompID=" + clientCompId +
            " TargetCompID=" + gatewayCompId);
    }

    static LogonRefusal wrongBeginString(final String received, final String expected)
    {
        return new LogonRefusal("Logon refused: BeginString " + received + " not accepted, this session uses " +
            expected);
    }

    static LogonRefusal missingCredentials()
    {
        return new LogonRefusal("Logon refused: Username (553) and Password (554) are required");
    }

    static LogonRefusal badCredentials()
    {
        return new LogonRefusal("Logon refused: invalid Username or Password");
    }

    static LogonRefusal wrongHeartbeat(final int received, final int expected)
    {
        return new LogonRefusal("Logon refused: HeartBtInt " + received + " not accepted, this session uses " +
            expected);
    }

    static LogonRefusal alreadyLoggedOn(final String sessionKey)
    {
        return new LogonRefusal("Logon refused: session " + sessionKey + " is already logged on");
    }
}

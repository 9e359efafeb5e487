package dev.bastion.gateway.session;

import uk.co.real_logic.artio.builder.AbstractLogonEncoder;
import uk.co.real_logic.artio.builder.AbstractLogoutEncoder;
import uk.co.real_logic.artio.session.SessionCustomisationStrategy;

/**
 * Adjusts the session messages Artio writes. A Logon reply carries ResetSeqNumFlag (141) only
 * when it is Y: the FIX session spec has the acceptor echo 141=Y when the initiator asked for a
 * reset, and peers such as QuickFIX do not expect an explicit 141=N.
 */
public final class ClientSessionCustomisation implements SessionCustomisationStrategy
{
    @Override
    public void configureLogon(final AbstractLogonEncoder logon, final long sessionId)
    {
        if (!logon.resetSeqNumFlag())
        {
            if (logon instanceof dev.bastion.fix.fix44.builder.LogonEncoder fix44)
            {
                fix44.resetResetSeqNumFlag();
            }
            else if (logon instanceof dev.bastion.fix.fix42.builder.LogonEncoder fix42)
            {
                fix42.resetResetSeqNumFlag();
            }
        }
    }

    @Override
    public void configureLogout(final AbstractLogoutEncoder logout, final long sessionId)
    {
        // Artio's Logout texts stand as they are.
    }
}

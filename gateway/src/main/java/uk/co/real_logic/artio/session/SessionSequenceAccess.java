package uk.co.real_logic.artio.session;

import uk.co.real_logic.artio.library.OnMessageInfo;

/**
 * Bastion's one window into the package-private inbound sequence state of Artio's {@link Session}
 * (Artio 0.175). Artio answers a message above a sequence gap by jumping its expected number past
 * it and dropping it; the FIX session rules, and QuickFIX peers, expect the receiver to keep such
 * messages and process them once the gap is filled, and to ask for a resend only once per gap.
 * {@code dev.bastion.gateway.session.InboundSequencer} does that, and needs to set this state
 * without the side effect of the public setter (which starts a new sequence index when the number
 * goes down). Kept to setters the sequencer needs; a change of Artio version must re-check them
 * against {@code Session.checkSeqNoChange}, {@code onGapFill} and {@code onResendRequest}.
 */
public final class SessionSequenceAccess
{
    private SessionSequenceAccess()
    {
    }

    /** Sets the last received MsgSeqNum without starting a new sequence index. */
    public static void lastReceivedMsgSeqNum(final Session session, final int value)
    {
        session.lastReceivedMsgSeqNumOnly(value);
    }

    /**
     * Puts the session into Artio's "awaiting resend" mode over every sequence number, in which
     * {@code checkSeqNoChange} lets a message pass without sending anything and without moving the
     * expected number: the sequencer has already decided what the message is.
     */
    public static void passThroughSequenceChecks(final Session session)
    {
        session.awaitingResend(true);
        session.endOfResendRequestRange(Integer.MAX_VALUE);
        session.lastResendChunkMsgSeqNum(0);
    }

    /**
     * As {@link #passThroughSequenceChecks}, for a SequenceReset-GapFill: Artio's gap-fill logic
     * then sees the message as the next expected resend and only records its NewSeqNo in state the
     * sequencer restores afterwards.
     */
    public static void passThroughGapFill(final Session session, final int msgSeqNum)
    {
        session.awaitingResend(true);
        session.lastResentMsgSeqNo(msgSeqNum - 1);
        session.lastResendChunkMsgSeqNum(0);
        session.endOfResendRequestRange(Integer.MAX_VALUE);
    }

    /** Leaves Artio's "awaiting resend" mode, as after a completed resend. */
    public static void endAwaitingResend(final Session session)
    {
        session.awaitingResend(false);
        session.lastResentMsgSeqNo(0);
        session.lastResendChunkMsgSeqNum(0);
        session.endOfResendRequestRange(0);
    }

    /** The last MsgSeqNum before the range Artio asked to have resent, while awaiting a resend. */
    public static int lastResentMsgSeqNo(final Session session)
    {
        return session.lastResentMsgSeqNo();
    }

    /** The MsgSeqNum whose arrival ends Artio's awaiting-resend mode. */
    public static int endOfResendRequestRange(final Session session)
    {
        return session.endOfResendRequestRange();
    }

    /** The message information Artio's session logic marks valid or invalid. */
    public static OnMessageInfo messageInfo(final Session session)
    {
        return session.messageInfo();
    }
}

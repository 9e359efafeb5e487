package dev.bastion.gateway.session;

import dev.bastion.gateway.codec.ClientCodec;
import dev.bastion.gateway.codec.SessionRejectReason;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.EpochNanoClock;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.builder.SessionHeaderEncoder;
import uk.co.real_logic.artio.dictionary.FixDictionary;
import uk.co.real_logic.artio.dictionary.generation.GenerationUtil;
import uk.co.real_logic.artio.fields.EpochFractionFormat;
import uk.co.real_logic.artio.fields.RejectReason;
import uk.co.real_logic.artio.fields.UtcTimestampEncoder;
import uk.co.real_logic.artio.messages.CancelOnDisconnectOption;
import uk.co.real_logic.artio.messages.DisconnectReason;
import uk.co.real_logic.artio.messages.MessageStatus;
import uk.co.real_logic.artio.protocol.GatewayPublication;
import uk.co.real_logic.artio.session.CompositeKey;
import uk.co.real_logic.artio.session.DirectSessionProxy;
import uk.co.real_logic.artio.session.SessionCustomisationStrategy;
import uk.co.real_logic.artio.session.SessionIdStrategy;
import uk.co.real_logic.artio.session.SessionProxy;
import uk.co.real_logic.artio.session.SessionProxyFactory;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.util.concurrent.TimeUnit;

/**
 * Writes the session-level messages of a client session: Artio's own writer for all of them
 * except Reject (3), which Bastion writes so that the Text (58) is the FIX specification's
 * description of the SessionRejectReason ("Required tag missing", not a lowercased enum name) and
 * RefTagID (371) is left out when the reject is about the message as a whole, as QuickFIX does:
 * a CompID problem, a SendingTime accuracy problem, an invalid MsgType, or a SequenceReset that
 * would lower the sequence number. The Logout that may follow such a Reject carries no Text of
 * its own: the Reject already said why.
 */
public final class ClientSessionProxy implements SessionProxy
{
    public static final SessionProxyFactory FACTORY = ClientSessionProxy::new;

    private static final long REJECT_MESSAGE_TYPE = GenerationUtil.packMessageType("3");
    private static final int NO_LAST_MSG_SEQ_NUM_PROCESSED = -1;
    private static final int MISSING_INT = Integer.MIN_VALUE;

    private final DirectSessionProxy artio;
    private final GatewayPublication publication;
    private final SessionIdStrategy sessionIdStrategy;
    private final SessionCustomisationStrategy customisation;
    private final EpochNanoClock clock;
    private final int libraryId;
    private final UtcTimestampEncoder sendingTime;
    private final MutableAsciiBuffer buffer;
    private final StringBuilder refMsgType = new StringBuilder(4);
    private ClientCodec codec;
    private CompositeKey sessionKey;
    private long sessionId;
    private long connectionId;

    @SuppressWarnings("checkstyle:ParameterNumber")
    private ClientSessionProxy(
        final int sessionBufferSize,
        final GatewayPublication publication,
        final SessionIdStrategy sessionIdStrategy,
        final SessionCustomisationStrategy customisation,
        final EpochNanoClock clock,
        final long connectionId,
        final int libraryId,
        final ErrorHandler errorHandler,
        final EpochFractionFormat precision)
    {
        this.artio = new DirectSessionProxy(sessionBufferSize, publication, sessionIdStrategy, customisation, clock,
            connectionId, libraryId, errorHandler, precision);
        this.publication = publication;
        this.sessionIdStrategy = sessionIdStrategy;
        this.customisation = customisation;
        this.clock = clock;
        this.connectionId = connectionId;
        this.libraryId = libraryId;
        this.sendingTime = new UtcTimestampEncoder(precision);
        this.buffer = new MutableAsciiBuffer(new byte[sessionBufferSize]);
    }

    @Override
    public long sendReject(
        final int msgSeqNo,
        final int refSeqNum,
        final int refTagId,
        final char[] refMsgTypeChars,
        final int refMsgTypeLength,
        final int rejectReason,
        final int sequenceIndex,
        final int lastMsgSeqNumProcessed)
    {
        refMsgType.setLength(0);
        refMsgType.append(refMsgTypeChars, 0, refMsgTypeLength);
        final int reportedTag = refTagId == MISSING_INT || wholeMessageReject(rejectReason, refTagId) ?
            ClientCodec.NO_TAG : refTagId;
        final Encoder reject = codec.encodeSessionReject(
            refSeqNum, reportedTag, refMsgType, rejectReason, SessionRejectReason.text(rejectReason), null);

        final SessionHeaderEncoder header = reject.header();
        sessionIdStrategy.setupSession(sessionKey, header);
        header.msgSeqNum(msgSeqNo)
            .sendingTime(sendingTime.buffer(), sendingTime.encodeFrom(clock.nanoTime(), TimeUnit.NANOSECONDS));
        if (lastMsgSeqNumProcessed != NO_LAST_MSG_SEQ_NUM_PROCESSED)
        {
            header.lastMsgSeqNumProcessed(lastMsgSeqNumProcessed);
        }
        customisation.configureHeader(header, sessionId);

        final long result = reject.encode(buffer, 0);
        return publication.saveMessage(buffer, Encoder.offset(result), Encoder.length(result), libraryId,
            REJECT_MESSAGE_TYPE, sessionId, sequenceIndex, connectionId, MessageStatus.OK, msgSeqNo);
    }

    private boolean wholeMessageReject(final int rejectReason, final int refTagId)
    {
        return rejectReason == RejectReason.COMPID_PROBLEM.representation() ||
            rejectReason == RejectReason.SENDINGTIME_ACCURACY_PROBLEM.representation() ||
            rejectReason == RejectReason.INVALID_MSGTYPE.representation() ||
            (rejectReason == RejectReason.VALUE_IS_INCORRECT.representation() &&
            refTagId == 36 && refMsgType.length() == 1 && refMsgType.charAt(0) == '4');
    }

    @Override
    public void fixDictionary(final FixDictionary dictionary)
    {
        artio.fixDictionary(dictionary);
        codec = ClientCodec.forBeginString(dictionary.beginString());
    }

    @Override
    public void setupSession(final long sessionId, final CompositeKey sessionKey)
    {
        artio.setupSession(sessionId, sessionKey);
        this.sessionId = sessionId;
        this.sessionKey = sessionKey;
    }

    @Override
    public void connectionId(final long connectionId)
    {
        artio.connectionId(connectionId);
        this.connectionId = connectionId;
    }

    @Override
    public long sendResendRequest(
        final int msgSeqNo, final int beginSeqNo, final int endSeqNo, final int sequenceIndex,
        final int lastMsgSeqNumProcessed)
    {
        return artio.sendResendRequest(msgSeqNo, beginSeqNo, endSeqNo, sequenceIndex, lastMsgSeqNumProcessed);
    }

    @Override
    public long sendRequestDisconnect(final long connectionId, final DisconnectReason reason)
    {
        return artio.sendRequestDisconnect(connectionId, reason);
    }

    @Override
    @SuppressWarnings("checkstyle:ParameterNumber")
    public long sendLogon(
        final int msgSeqNo, final int heartbeatIntervalInS, final String username, final String password,
        final boolean resetSeqNumFlag, final int sequenceIndex, final int lastMsgSeqNumProcessed,
        final CancelOnDisconnectOption cancelOnDisconnectOption, final int cancelOnDisconnectTimeoutWindowInMs)
    {
        return artio.sendLogon(msgSeqNo, heartbeatIntervalInS, username, password, resetSeqNumFlag, sequenceIndex,
            lastMsgSeqNumProcessed, cancelOnDisconnectOption, cancelOnDisconnectTimeoutWindowInMs);
    }

    @Override
    public long sendLogout(
        final int msgSeqNo, final int sequenceIndex, final int lastMsgSeqNumProcessed, final byte[] text)
    {
        return artio.sendLogout(msgSeqNo, sequenceIndex, lastMsgSeqNumProcessed, text);
    }

    /** The Logout that follows a Reject: the Reject already carries the reason, as with QuickFIX. */
    @Override
    public long sendLogout(
        final int msgSeqNo, final int sequenceIndex, final int rejectReason, final int lastMsgSeqNumProcessed)
    {
        return artio.sendLogout(msgSeqNo, sequenceIndex, lastMsgSeqNumProcessed, null);
    }

    @Override
    public long sendLowSequenceNumberLogout(
        final int msgSeqNo, final int expectedSeqNo, final int receivedSeqNo, final int sequenceIndex,
        final int lastMsgSeqNumProcessed)
    {
        return artio.sendLowSequenceNumberLogout(
            msgSeqNo, expectedSeqNo, receivedSeqNo, sequenceIndex, lastMsgSeqNumProcessed);
    }

    @Override
    public long sendIncorrectBeginStringLogout(
        final int msgSeqNo, final int sequenceIndex, final int lastMsgSeqNumProcessed)
    {
        return artio.sendIncorrectBeginStringLogout(msgSeqNo, sequenceIndex, lastMsgSeqNumProcessed);
    }

    @Override
    public long sendNegativeHeartbeatLogout(
        final int msgSeqNo, final int sequenceIndex, final int lastMsgSeqNumProcessed)
    {
        return artio.sendNegativeHeartbeatLogout(msgSeqNo, sequenceIndex, lastMsgSeqNumProcessed);
    }

    @Override
    public long sendReceivedMessageWithoutSequenceNumber(
        final int msgSeqNo, final int sequenceIndex, final int lastMsgSeqNumProcessed)
    {
        return artio.sendReceivedMessageWithoutSequenceNumber(msgSeqNo, sequenceIndex, lastMsgSeqNumProcessed);
    }

    @Override
    public long sendRejectWhilstNotLoggedOn(
        final int msgSeqNo, final RejectReason reason, final int sequenceIndex, final int lastMsgSeqNumProcessed)
    {
        return artio.sendRejectWhilstNotLoggedOn(msgSeqNo, reason, sequenceIndex, lastMsgSeqNumProcessed);
    }

    @Override
    public long sendHeartbeat(final int msgSeqNo, final int sequenceIndex, final int lastMsgSeqNumProcessed)
    {
        return artio.sendHeartbeat(msgSeqNo, sequenceIndex, lastMsgSeqNumProcessed);
    }

    @Override
    public long sendHeartbeat(
        final int msgSeqNo, final char[] testReqId, final int testReqIdLength, final int sequenceIndex,
        final int lastMsgSeqNumProcessed)
    {
        return artio.sendHeartbeat(msgSeqNo, testReqId, testReqIdLength, sequenceIndex, lastMsgSeqNumProcessed);
    }

    @Override
    public long sendTestRequest(
        final int msgSeqNo, final CharSequence testReqID, final int sequenceIndex, final int lastMsgSeqNumProcessed)
    {
        return artio.sendTestRequest(msgSeqNo, testReqID, sequenceIndex, lastMsgSeqNumProcessed);
    }

    @Override
    public long sendSequenceReset(
        final int msgSeqNo, final int newSeqNo, final int sequenceIndex, final int lastMsgSeqNumProcessed)
    {
        return artio.sendSequenceReset(msgSeqNo, newSeqNo, sequenceIndex, lastMsgSeqNumProcessed);
    }

    @Override
    public void libraryConnected(final boolean libraryConnected)
    {
        artio.libraryConnected(libraryConnected);
    }

    @Override
    public boolean seqNumResetRequested()
    {
        return artio.seqNumResetRequested();
    }

    @Override
    public long sendCancelOnDisconnectTrigger(final long sessionId, final long timeInNs)
    {
        return artio.sendCancelOnDisconnectTrigger(sessionId, timeInNs);
    }

    @Override
    public boolean isAsync()
    {
        return false;
    }
}

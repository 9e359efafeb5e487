package dev.bastion.gateway.session;

import io.aeron.logbuffer.ControlledFragmentHandler.Action;
import org.agrona.DirectBuffer;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import uk.co.real_logic.artio.Pressure;
import uk.co.real_logic.artio.builder.AbstractResendRequestEncoder;
import uk.co.real_logic.artio.decoder.SessionHeaderDecoder;
import uk.co.real_logic.artio.dictionary.generation.GenerationUtil;
import uk.co.real_logic.artio.library.OnMessageInfo;
import uk.co.real_logic.artio.messages.MessageStatus;
import uk.co.real_logic.artio.messages.SessionState;
import uk.co.real_logic.artio.session.Session;
import uk.co.real_logic.artio.session.SessionIdStrategy;
import uk.co.real_logic.artio.session.SessionParser;
import uk.co.real_logic.artio.session.SessionSequenceAccess;
import uk.co.real_logic.artio.validation.MessageValidationStrategy;

import java.util.Map;
import java.util.TreeMap;

import static io.aeron.logbuffer.ControlledFragmentHandler.Action.ABORT;

/**
 * Inbound sequence numbers of one client session, the way the FIX session rules describe and
 * QuickFIX peers expect. Artio's session logic answers a message above a gap by jumping past it and
 * dropping it, and asks again for every later message above the gap; this keeps such a message
 * until the gap is filled and then processes it, asks for a resend once per gap, serves a
 * ResendRequest whatever its MsgSeqNum, and ignores a PossDup message already received.
 *
 * <p>Artio runs its session logic before the application sees a message, so the sequencer acts in
 * two steps around it. {@link #beforeSessionLogic} runs first (from Artio's header validation
 * hook, see {@link InboundSequencing}) and, for a message out of order, sets Artio's sequence
 * state so that its logic lets the message pass untouched; {@link #afterSessionLogic} then puts
 * that state back and queues the message. A queued message is later fed through Artio's own
 * {@link SessionParser}, so it is handled exactly as if it had just arrived in order.
 *
 * <p>In-order messages, the normal path, cost one comparison and allocate nothing; only messages
 * above a gap are copied.
 */
final class InboundSequencer
{
    /** What {@link #afterSessionLogic} tells the handler to do with the message. */
    static final int PROCESS = 0;
    static final int SKIP = 1;

    /** Messages kept above a gap at most; beyond that they are dropped (the resend covers them). */
    static final int MAX_QUEUED = 10_000;

    private static final Logger LOG = LogManager.getLogger(InboundSequencer.class);

    private static final long LOGOUT = GenerationUtil.packMessageType("5");
    private static final long RESEND_REQUEST = GenerationUtil.packMessageType("2");
    private static final long SEQUENCE_RESET = GenerationUtil.packMessageType("4");
    private static final long LOGON = GenerationUtil.packMessageType("A");
    private static final int MISSING_INT = Integer.MIN_VALUE;
    private static final int NONE = -1;

    /** Artio's own logic decides. */
    private static final int NATIVE = 0;
    /** Above a gap: Artio was made to let it pass; it goes into the queue. */
    private static final int QUEUE = 1;
    /** A ResendRequest out of order: Artio was made to see it in order, so that it serves it. */
    private static final int RESEND_OUT_OF_ORDER = 2;

    private final Session session;
    private final SessionParser parser;
    private final OnMessageInfo messageInfo;
    private final AbstractResendRequestEncoder resendRequest;
    private final char[] clientCompId;
    private final char[] gatewayCompId;
    private final TreeMap<Integer, QueuedMessage> queue = new TreeMap<>();

    /** Set by {@link #beforeSessionLogic}, consumed by {@link #afterSessionLogic} for the same message. */
    private boolean pending;
    private int pendingMode;
    private int pendingSeqNum;
    private boolean pendingPossDup;
    private int lastReceivedBefore;

    private boolean resendRequested;
    private int resendRequestedUpTo;
    private boolean resendRequestUnsent;
    private boolean draining;
    private ReplayedMessageHandler replayHandler;

    InboundSequencer(
        final Session session,
        final MessageValidationStrategy validationStrategy,
        final ErrorHandler errorHandler,
        final boolean validateCompIdsOnEveryMessage,
        final boolean validateTimeStrictly,
        final SessionIdStrategy sessionIdStrategy)
    {
        this.session = session;
        this.messageInfo = SessionSequenceAccess.messageInfo(session);
        this.parser = new SessionParser(session, validationStrategy, errorHandler, validateCompIdsOnEveryMessage,
            validateTimeStrictly, messageInfo, sessionIdStrategy);
        parser.sessionKey(session.compositeKey());
        parser.fixDictionary(session.fixDictionary());
        this.resendRequest = session.fixDictionary().makeResendRequestEncoder();
        this.clientCompId = session.compositeKey().remoteCompId().toCharArray();
        this.gatewayCompId = session.compositeKey().localCompId().toCharArray();
    }

    Session session()
    {
        return session;
    }

    /** True when an inbound message with these CompIDs belongs to this session. */
    boolean matches(final SessionHeaderDecoder header)
    {
        return equal(clientCompId, header.senderCompID(), header.senderCompIDLength()) &&
            equal(gatewayCompId, header.targetCompID(), header.targetCompIDLength());
    }

    char[] clientCompId()
    {
        return clientCompId;
    }

    char[] gatewayCompId()
    {
        return gatewayCompId;
    }

    /**
     * Runs inside Artio's session logic, after the message's header is decoded and checked and
     * before its sequence number is looked at.
     */
    void beforeSessionLogic(final SessionHeaderDecoder header)
    {
        undoPendingAdjustment();
        adoptArtioResendState();

        final int lastReceived = session.lastReceivedMsgSeqNum();
        final int msgSeqNum = header.msgSeqNum();
        final long messageType = header.messageType();
        final boolean possDup = header.hasPossDupFlag() && header.possDupFlag();
        pending = true;
        pendingMode = NATIVE;
        pendingSeqNum = msgSeqNum;
        pendingPossDup = possDup;
        lastReceivedBefore = lastReceived;

        if (msgSeqNum == MISSING_INT || session.state() != SessionState.ACTIVE || messageType == LOGOUT)
        {
            // A Logout is answered whatever its MsgSeqNum; the session ends either way.
            return;
        }
        final int expected = lastReceived + 1;
        if (messageType == RESEND_REQUEST)
        {
            if (msgSeqNum > expected || (msgSeqNum < expected && !possDup))
            {
                // Serve it now, as QuickFIX does, without asking for a resend or logging out: the
                // gap or the low number is dealt with on the next message.
                pendingMode = RESEND_OUT_OF_ORDER;
                SessionSequenceAccess.lastReceivedMsgSeqNum(session, msgSeqNum - 1);
            }
            return;
        }
        if (msgSeqNum > expected || (msgSeqNum == expected && holdsProcessableMessage()))
        {
            pendingMode = QUEUE;
            if (messageType == SEQUENCE_RESET)
            {
                SessionSequenceAccess.passThroughGapFill(session, msgSeqNum);
            }
            else
            {
                SessionSequenceAccess.passThroughSequenceChecks(session);
                if (msgSeqNum == expected)
                {
                    // Held behind a queued message: not yet the next one, so a TestRequest waits too.
                    SessionSequenceAccess.lastReceivedMsgSeqNum(session, msgSeqNum);
                }
            }
        }
    }

    /**
     * Runs after Artio's session logic, with the whole message.
     *
     * @return {@link #PROCESS} when the handler should go on with the message, or {@link #SKIP}.
     */
    int afterSessionLogic(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long messageType,
        final long position,
        final OnMessageInfo info)
    {
        if (!pending)
        {
            // Artio refused the message before its header could be validated: it has answered it.
            return PROCESS;
        }
        switch (pendingMode)
        {
            case RESEND_OUT_OF_ORDER:
                SessionSequenceAccess.lastReceivedMsgSeqNum(session, lastReceivedBefore);
                syncEngineIndex();
                return SKIP;

            case QUEUE:
                SessionSequenceAccess.endAwaitingResend(session);
                if (messageType == SEQUENCE_RESET && !isGapFill(buffer, offset, length))
                {
                    // A SequenceReset-Reset applies whatever its MsgSeqNum, and Artio has applied it.
                    return SKIP;
                }
                SessionSequenceAccess.lastReceivedMsgSeqNum(session, lastReceivedBefore);
                syncEngineIndex();
                if (info.isValid())
                {
                    enqueue(buffer, offset, length, messageType, position);
                    requestResendOfGap();
                }
                return SKIP;

            default:
                if (pendingPossDup && pendingSeqNum <= lastReceivedBefore && info.isValid())
                {
                    // Already received: the FIX session rules have it ignored.
                    return SKIP;
                }
                return PROCESS;
        }
    }

    /** The handler has finished with the message that {@link #afterSessionLogic} saw. */
    void completed()
    {
        pending = false;
        if (!draining)
        {
            drain();
        }
    }

    /**
     * Called when Artio has logged the session on: a Logon above the expected number leaves Artio
     * awaiting a resend with its expected number past the Logon; from here the sequencer keeps
     * that state in its own terms.
     */
    void onLogonProcessed(final int logonSeqNum)
    {
        if (session.awaitingResend())
        {
            final int resendFrom = SessionSequenceAccess.lastResentMsgSeqNo(session) + 1;
            adopt(resendFrom, logonSeqNum);
            final QueuedMessage logon = new QueuedMessage(null, 0, LOGON, 0);
            logon.advanceOnly = true;
            queue.put(logonSeqNum, logon);
        }
    }

    /** Retries what back-pressure held up. */
    int poll()
    {
        int work = 0;
        if (resendRequestUnsent && sendResendRequest())
        {
            work++;
        }
        if (!queue.isEmpty() && !pending)
        {
            work += drain();
        }
        return work;
    }

    /**
     * Artio's engine keeps the last received MsgSeqNum of a persistent session from the messages as
     * they arrive, so a message held above a gap moved it too far, and one processed from the
     * queue is not seen there at all. Telling the engine the number the session really reached
     * means a restart in the middle of a gap asks for the missing messages again and does not
     * process a held one twice.
     */
    private void syncEngineIndex()
    {
        if (Pressure.isBackPressured(session.tryUpdateLastReceivedSequenceNumber(session.lastReceivedMsgSeqNum())))
        {
            LOG.warn("Session {}: could not record MsgSeqNum {} in the engine's index (back-pressure)",
                session.compositeKey(), session.lastReceivedMsgSeqNum());
        }
    }

    private void undoPendingAdjustment()
    {
        if (pending)
        {
            // Artio aborted the previous message under back-pressure and is retrying it.
            if (pendingMode == QUEUE)
            {
                SessionSequenceAccess.endAwaitingResend(session);
            }
            if (pendingMode != NATIVE)
            {
                SessionSequenceAccess.lastReceivedMsgSeqNum(session, lastReceivedBefore);
            }
            pending = false;
        }
    }

    /** Artio asked for a resend on its own (only a Logon above the expected number does that now). */
    private void adoptArtioResendState()
    {
        if (session.awaitingResend())
        {
            adopt(SessionSequenceAccess.lastResentMsgSeqNo(session) + 1,
                SessionSequenceAccess.endOfResendRequestRange(session));
        }
    }

    private void adopt(final int firstMissing, final int highest)
    {
        SessionSequenceAccess.endAwaitingResend(session);
        SessionSequenceAccess.lastReceivedMsgSeqNum(session, firstMissing - 1);
        resendRequested = true;
        resendRequestedUpTo = highest - 1;
    }

    /** True when the queue's first message is next in line but waits for back-pressure to clear. */
    private boolean holdsProcessableMessage()
    {
        return !draining && !queue.isEmpty() && queue.firstKey() <= session.lastReceivedMsgSeqNum() + 1;
    }

    private void enqueue(
        final DirectBuffer buffer, final int offset, final int length, final long messageType, final long position)
    {
        if (queue.containsKey(pendingSeqNum))
        {
            return;
        }
        if (queue.size() >= MAX_QUEUED)
        {
            LOG.warn("Session {}: {} messages already held above a sequence gap, dropping {} (the resend covers it)",
                session.compositeKey(), queue.size(), pendingSeqNum);
            return;
        }
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        queue.put(pendingSeqNum, new QueuedMessage(copy, length, messageType, position));
    }

    private void requestResendOfGap()
    {
        // One outstanding request covers every later number too (EndSeqNo 0 means "to the end").
        if (resendRequested)
        {
            return;
        }
        final int firstMissing = session.lastReceivedMsgSeqNum() + 1;
        final int missing = pendingSeqNum - firstMissing;
        if (missing <= 0 || queue.subMap(firstMissing, pendingSeqNum).size() == missing)
        {
            // Held only behind queued messages: nothing is missing.
            return;
        }
        resendRequested = true;
        resendRequestedUpTo = pendingSeqNum - 1;
        resendRequestUnsent = true;
        sendResendRequest();
    }

    private boolean sendResendRequest()
    {
        final int from = session.lastReceivedMsgSeqNum() + 1;
        resendRequest.beginSeqNo(from).endSeqNo(0);
        final long position = session.trySend(resendRequest);
        if (Pressure.isBackPressured(position))
        {
            return false;
        }
        resendRequestUnsent = false;
        LOG.info("Session {}: MsgSeqNum gap, expecting {}; asked for a resend from {} and holding {} message(s)",
            session.compositeKey(), from, from, queue.size());
        return true;
    }

    private int drain()
    {
        int work = 0;
        draining = true;
        try
        {
            while (!queue.isEmpty())
            {
                final Map.Entry<Integer, QueuedMessage> head = queue.firstEntry();
                final int msgSeqNum = head.getKey();
                final QueuedMessage message = head.getValue();
                final int lastReceived = session.lastReceivedMsgSeqNum();
                if (!message.parsed && msgSeqNum <= lastReceived)
                {
                    // Filled by a GapFill or a resend meanwhile.
                    queue.pollFirstEntry();
                    continue;
                }
                if (!message.parsed && msgSeqNum != lastReceived + 1)
                {
                    break;
                }
                if (message.advanceOnly)
                {
                    SessionSequenceAccess.lastReceivedMsgSeqNum(session, msgSeqNum);
                    queue.pollFirstEntry();
                    work++;
                    continue;
                }
                if (!replay(msgSeqNum, message))
                {
                    break;
                }
                queue.pollFirstEntry();
                syncEngineIndex();
                work++;
            }
        }
        finally
        {
            draining = false;
        }
        if (resendRequested && session.lastReceivedMsgSeqNum() >= resendRequestedUpTo)
        {
            resendRequested = false;
            if (!queue.isEmpty() && queue.firstKey() > session.lastReceivedMsgSeqNum() + 1)
            {
                // Another gap below what is held: ask for it too.
                resendRequested = true;
                resendRequestedUpTo = queue.firstKey() - 1;
                resendRequestUnsent = true;
                sendResendRequest();
            }
        }
        return work;
    }

    /** @return false when back-pressure stopped it; it is tried again from {@link #poll}. */
    private boolean replay(final int msgSeqNum, final QueuedMessage message)
    {
        final OnMessageInfo info = messageInfo;
        if (!message.parsed)
        {
            info.status(MessageStatus.OK);
            info.isValid(true);
            if (parser.onMessage(message.buffer, 0, message.length, message.messageType, message.position) == ABORT)
            {
                undoPendingAdjustment();
                return false;
            }
            message.parsed = true;
            message.valid = info.isValid();
        }
        else
        {
            // Parsed before, held up by the application: only the application part is retried.
            pending = true;
            pendingMode = NATIVE;
            pendingSeqNum = msgSeqNum;
            pendingPossDup = false;
            lastReceivedBefore = msgSeqNum - 1;
        }
        info.isValid(message.valid);
        final Action action = replayHandler.onReplayedMessage(
            message.buffer, 0, message.length, message.messageType, message.position, info);
        if (action == ABORT)
        {
            pending = false;
            return false;
        }
        return true;
    }

    void replayHandler(final ReplayedMessageHandler handler)
    {
        this.replayHandler = handler;
    }

    /** The handler's processing of a message the sequencer feeds back after a gap. */
    @FunctionalInterface
    interface ReplayedMessageHandler
    {
        Action onReplayedMessage(
            DirectBuffer buffer, int offset, int length, long messageType, long position, OnMessageInfo info);
    }

    private static boolean isGapFill(final DirectBuffer buffer, final int offset, final int length)
    {
        // Look for <SOH>123=Y<SOH>.
        final int end = offset + length - 6;
        for (int i = offset; i <= end; i++)
        {
            if (buffer.getByte(i) == 1 && buffer.getByte(i + 1) == '1' && buffer.getByte(i + 2) == '2' &&
                buffer.getByte(i + 3) == '3' && buffer.getByte(i + 4) == '=' && buffer.getByte(i + 5) == 'Y' &&
                buffer.getByte(i + 6) == 1)
            {
                return true;
            }
        }
        return false;
    }

    private static boolean equal(final char[] expected, final char[] actual, final int actualLength)
    {
        if (expected.length != actualLength)
        {
            return false;
        }
        for (int i = 0; i < actualLength; i++)
        {
            if (expected[i] != actual[i])
            {
                return false;
            }
        }
        return true;
    }

    /** A message held above a gap. */
    private static final class QueuedMessage
    {
        final UnsafeBuffer buffer;
        final int length;
        final long messageType;
        final long position;
        boolean parsed;
        boolean valid;
        boolean advanceOnly;

        QueuedMessage(final byte[] bytes, final int length, final long messageType, final long position)
        {
            this.buffer = bytes == null ? null : new UnsafeBuffer(bytes);
            this.length = length;
            this.messageType = messageType;
            this.position = position;
        }
    }
}

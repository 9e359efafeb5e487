package dev.bastion.gateway.session;

import dev.bastion.gateway.config.ThrottleConfiguration;
import dev.bastion.gateway.codec.ClientCodec;
import dev.bastion.gateway.codec.RawMessageEncoder;
import dev.bastion.gateway.codec.RawHeader;
import dev.bastion.gateway.codec.SessionRejectReason;
import dev.bastion.oms.api.BusinessReject;
import dev.bastion.oms.api.ClientOrderHandler;
import dev.bastion.oms.api.ClientRequest;
import dev.bastion.oms.api.ClientSessionInfo;
import io.aeron.logbuffer.ControlledFragmentHandler.Action;
import org.agrona.DirectBuffer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import uk.co.real_logic.artio.Pressure;
import uk.co.real_logic.artio.builder.Decoder;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.decoder.SessionHeaderDecoder;
import uk.co.real_logic.artio.fields.UtcTimestampDecoder;
import uk.co.real_logic.artio.library.OnMessageInfo;
import uk.co.real_logic.artio.library.SessionHandler;
import uk.co.real_logic.artio.messages.DisconnectReason;
import uk.co.real_logic.artio.session.Session;
import uk.co.real_logic.artio.session.SessionSequenceAccess;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.util.function.LongConsumer;

import static io.aeron.logbuffer.ControlledFragmentHandler.Action.ABORT;
import static io.aeron.logbuffer.ControlledFragmentHandler.Action.CONTINUE;

/**
 * One client session on the gateway's session thread. Artio has already applied the session
 * protocol (sequence numbers, resends, heartbeats) to each message that reaches
 * {@link #onMessage}; this class validates order-flow messages against the session's
 * dictionary, decodes them into the OMS's views and hands them on, rejects what fails, and
 * writes the OMS's replies.
 */
public final class ClientSessionHandler implements SessionHandler
{
    private static final Logger LOG = LogManager.getLogger(ClientSessionHandler.class);

    private static final long BUSINESS_MESSAGE_REJECT = packed("j");
    private static final long LOGON = packed("A");
    /** Heartbeat, TestRequest, ResendRequest, Reject, SequenceReset, Logout, Logon: Artio's business. */
    private static final long[] ADMIN_MESSAGE_TYPES = {
        packed("0"), packed("1"), packed("2"), packed("3"), packed("4"), packed("5"), packed("A")};

    /** {@link #send} outcomes. */
    static final int SENT = 0;
    static final int BACK_PRESSURED = 1;
    static final int NOT_LOGGED_ON = 2;

    private final Session session;
    private final InboundSequencing sequencing;
    private final InboundSequencer sequencer;
    private final ClientOrderHandler orderHandler;
    private final LongConsumer onClosed;
    private final ClientCodec codec;
    private final RawMessageEncoder rawEncoder;
    private final ClientRequests requests;
    private final MutableAsciiBuffer asciiBuffer = new MutableAsciiBuffer();
    private final UtcTimestampDecoder sendingTimeDecoder = new UtcTimestampDecoder(true);
    private final BusinessReject businessReject = new BusinessReject();
    private final ClientSessionInfo info;
    private final SessionHeaderDecoder otherMessageHeader;
    private final RawHeader inboundHeader = new RawHeader();
    /** Artio's last received MsgSeqNum as of the previous message, to undo a wrong advance. */
    private int lastReceivedSeqNum;

    /** Longer application messages are refused with a session Reject; the session stays up. */
    private final int maxMessageLength;

    /** Null for a session without a throttle. */
    private final MessageRateLimit rateLimit;
    /** The message last counted against the rate limit, so that a redelivery is not counted twice. */
    private int lastCountedSeqNum = -1;

    /** Set from onSessionStart to onDisconnect: replies may be written. */
    private boolean loggedOn;
    private boolean cancelOnDisconnect;
    private boolean dropCopy;

    public ClientSessionHandler(
        final Session session,
        final InboundSequencing sequencing,
        final ClientOrderHandler orderHandler,
        final ThrottleConfiguration throttle,
        final int maxMessageLength,
        final LongConsumer onClosed)
    {
        this.maxMessageLength = maxMessageLength;
        this.session = session;
        this.sequencing = sequencing;
        this.sequencer = sequencing.open(session);
        sequencer.replayHandler(this::onReplayedMessage);
        this.rateLimit = throttle == null ? null : new MessageRateLimit(throttle);
        this.orderHandler = orderHandler;
        this.onClosed = onClosed;
        this.codec = ClientCodec.forBeginString(session.beginString());
        this.requests = new ClientRequests(codec);
        this.rawEncoder = new RawMessageEncoder(session.fixDictionary());
        this.otherMessageHeader = session.fixDictionary().makeHeaderDecoder();
        this.info = new ClientSessionInfo(session.id(), session.beginString(),
            session.compositeKey().localCompId(), session.compositeKey().remoteCompId());
    }

    public ClientSessionInfo info()
    {
        return info;
    }

    /** The session's open orders are canceled when it disconnects (set at acquisition from its configuration). */
    public ClientSessionHandler cancelOnDisconnect(final boolean cancel)
    {
        this.cancelOnDisconnect = cancel;
        return this;
    }

    /** A drop-copy session: it receives copies of ExecutionReports and its application messages are refused. */
    public ClientSessionHandler dropCopy(final boolean copy)
    {
        this.dropCopy = copy;
        return this;
    }

    boolean isDropCopy()
    {
        return dropCopy;
    }

    /** Logged on and not yet disconnected: a reply written now reaches the client. */
    boolean isLoggedOn()
    {
        return loggedOn && session.isActive();
    }

    @Override
    public Action onMessage(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final int libraryId,
        final Session session,
        final int sequenceIndex,
        final long messageType,
        final long timestampInNs,
        final long position,
        final OnMessageInfo messageInfo)
    {
        return process(buffer, offset, length, messageType, position, messageInfo);
    }

    /** A message the sequencer held above a gap and has now run through Artio's session logic. */
    private Action onReplayedMessage(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long messageType,
        final long position,
        final OnMessageInfo messageInfo)
    {
        return process(buffer, offset, length, messageType, position, messageInfo);
    }

    private Action process(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long messageType,
        final long position,
        final OnMessageInfo messageInfo)
    {
        final int receivedBefore = lastReceivedSeqNum;
        final Action action;
        if (sequencer.afterSessionLogic(buffer, offset, length, messageType, position, messageInfo) ==
            InboundSequencer.SKIP)
        {
            action = CONTINUE;
        }
        else if (!messageInfo.isValid())
        {
            onInvalidMessage(buffer, offset, length, receivedBefore);
            action = CONTINUE;
        }
        else if (isAdmin(messageType))
        {
            // Session-level messages are Artio's.
            if (messageType == LOGON)
            {
                sequencer.onLogonProcessed(session.lastReceivedMsgSeqNum());
            }
            action = CONTINUE;
        }
        else
        {
            action = onApplicationMessageSafely(buffer, offset, length, messageType);
        }
        if (action != ABORT)
        {
            sequencer.completed();
            lastReceivedSeqNum = session.lastReceivedMsgSeqNum();
        }
        return action;
    }

    private Action onApplicationMessageSafely(
        final DirectBuffer buffer, final int offset, final int length, final long messageType)
    {
        try
        {
            return onApplicationMessage(buffer, offset, length, messageType);
        }
        catch (final RuntimeException ex)
        {
            // A defect in decoding or in the OMS must cost one message, never the session or the process.
            LOG.error("Session {} could not process a message: {}", info, asciiBuffer.getAscii(0, length), ex);
            businessReject.reset()
                .refSeqNum(inboundHeader.msgSeqNum())
                .refMsgType(inboundHeader.msgType())
                .reason(BusinessReject.APPLICATION_NOT_AVAILABLE)
                .text("Message could not be processed: internal error");
            session.trySend(codec.encode(businessReject));
            orderHandler.onRefused(session.id(), session.sequenceIndex(), inboundHeader.msgSeqNum());
            return CONTINUE;
        }
    }

    /**
     * A message Artio's session logic has refused (and answered) before the sequencer saw it, so
     * Artio counted it as the next one whatever its MsgSeqNum. The FIX session rules count only a
     * message that had the expected number: anything else keeps the expected number, and one above
     * it opens a gap. And a resend whose OrigSendingTime is later than its SendingTime ends the
     * session with a Logout after the Reject.
     */
    private void onInvalidMessage(final DirectBuffer buffer, final int offset, final int length, final int before)
    {
        inboundHeader.read(buffer, offset, length);
        final int msgSeqNum = inboundHeader.msgSeqNum();
        if (msgSeqNum != before + 1 && session.lastReceivedMsgSeqNum() > before)
        {
            SessionSequenceAccess.lastReceivedMsgSeqNum(session, before);
        }
        if (inboundHeader.possDup() && inboundHeader.origSendingTimeAfterSendingTime())
        {
            LOG.warn("Session {}: resent message {} has OrigSendingTime after SendingTime, logging out", info,
                msgSeqNum);
            session.startLogout();
        }
    }

    private Action onApplicationMessage(
        final DirectBuffer buffer, final int offset, final int length, final long messageType)
    {
        asciiBuffer.wrap(buffer, offset, length);
        inboundHeader.read(buffer, offset, length);
        if (length > maxMessageLength)
        {
            final String text = "Message of " + length + " bytes is longer than the " + maxMessageLength +
                " this gateway accepts";
            LOG.warn("Session {} rejected message {} ({}): {}", info, inboundHeader.msgSeqNum(),
                inboundHeader.msgType(), text);
            return Pressure.apply(session.trySend(codec.encodeSessionReject(inboundHeader.msgSeqNum(),
                ClientCodec.NO_TAG, inboundHeader.msgType(), SessionRejectReason.OTHER, text, inboundHeader)));
        }
        if (dropCopy)
        {
            return refuseOnDropCopy(buffer, offset, length);
        }
        if (rateLimit != null && inboundHeader.msgSeqNum() != lastCountedSeqNum)
        {
            lastCountedSeqNum = inboundHeader.msgSeqNum();
            if (!rateLimit.tryAcquire(System.nanoTime()))
            {
                return throttled(buffer, offset, length);
            }
        }
        final Decoder decoder = codec.decoderFor(messageType);
        if (decoder == null)
        {
            return onOtherMessage(buffer, offset, length, messageType);
        }

        decoder.reset();
        decoder.decode(asciiBuffer, 0, length);
        final SessionHeaderDecoder header = decoder.header();
        if (inboundHeader.misplacedHeaderTag() != 0)
        {
            return reject(inboundHeader.msgSeqNum(), inboundHeader.misplacedHeaderTag(), header,
                SessionRejectReason.TAG_SPECIFIED_OUT_OF_REQUIRED_ORDER);
        }
        if (!decoder.validate())
        {
            return reject(header.msgSeqNum(), decoder.invalidTagId(), header, decoder.rejectReason());
        }

        final ClientRequest request = requests.requestFor(messageType);
        request.resetHeader(session.id(), header.msgSeqNum(), inboundHeader.possResend(),
            sendingTimeDecoder.decodeNanos(header.sendingTime(), header.sendingTimeLength()),
            buffer, offset, length);
        request.sequence(session.sequenceIndex(), false);
        final int refusedTag = requests.read(messageType);
        if (refusedTag != 0)
        {
            return reject(header.msgSeqNum(), refusedTag, header, codec.problemReason());
        }
        return requests.dispatch(messageType, orderHandler) ? CONTINUE : ABORT;
    }

    private Action onOtherMessage(final DirectBuffer buffer, final int offset, final int length, final long messageType)
    {
        final SessionHeaderDecoder header = otherMessageHeader;
        header.reset();
        header.decode(asciiBuffer, 0, length);
        final String msgType = new String(header.msgType(), 0, header.msgTypeLength());
        if (orderHandler.onOtherMessage(session.id(), msgType, buffer, offset, length))
        {
            return CONTINUE;
        }
        if (messageType == BUSINESS_MESSAGE_REJECT)
        {
            // Never answer a reject with a reject: that loop has no end.
            LOG.warn("Session {} sent a BusinessMessageReject: {}", info, asciiBuffer.getAscii(0, length));
            return CONTINUE;
        }
        businessReject.reset()
            .refSeqNum(header.msgSeqNum())
            .refMsgType(msgType)
            .reason(BusinessReject.UNSUPPORTED_MESSAGE_TYPE)
            .text("Unsupported Message Type");
        return Pressure.apply(session.trySend(codec.encode(businessReject)));
    }

    private Action refuseOnDropCopy(final DirectBuffer buffer, final int offset, final int length)
    {
        final SessionHeaderDecoder header = otherMessageHeader;
        header.reset();
        header.decode(asciiBuffer, 0, length);
        final String msgType = new String(header.msgType(), 0, header.msgTypeLength());
        if (header.msgTypeLength() == 1 && header.msgType()[0] == 'j')
        {
            LOG.warn("Drop-copy session {} sent a BusinessMessageReject: {}", info, asciiBuffer.getAscii(0, length));
            return CONTINUE;
        }
        LOG.warn("Drop-copy session {} sent application message {} ({}): refused", info, header.msgSeqNum(), msgType);
        businessReject.reset()
            .refSeqNum(header.msgSeqNum())
            .refMsgType(msgType)
            .reason(BusinessReject.NOT_AUTHORIZED)
            .text("Drop-copy session: it receives copies of ExecutionReports and cannot send orders or requests");
        return Pressure.apply(session.trySend(codec.encode(businessReject)));
    }

    private Action throttled(final DirectBuffer buffer, final int offset, final int length)
    {
        final SessionHeaderDecoder header = otherMessageHeader;
        header.reset();
        header.decode(asciiBuffer, 0, length);
        businessReject.reset()
            .refSeqNum(header.msgSeqNum())
            .refMsgType(new String(header.msgType(), 0, header.msgTypeLength()))
            .reason(BusinessReject.OTHER)
            .text(rateLimit.describe());
        final Action action = Pressure.apply(session.trySend(codec.encode(businessReject)));
        if (action == ABORT)
        {
            lastCountedSeqNum = -1;
        }
        else
        {
            // The OMS never sees it; a restart must not replay an order the client was told was refused.
            orderHandler.onRefused(session.id(), session.sequenceIndex(), header.msgSeqNum());
        }
        return action;
    }

    private Action reject(final int refSeqNum, final int refTagId, final SessionHeaderDecoder header, final int reason)
    {
        final String msgType = new String(header.msgType(), 0, header.msgTypeLength());
        final String text = SessionRejectReason.text(reason);
        LOG.warn("Session {} rejected message {} ({}): {} (tag {})", info, refSeqNum, msgType, text, refTagId);
        final Encoder encoder = codec.encodeSessionReject(refSeqNum, refTagId, msgType, reason, text, inboundHeader);
        return Pressure.apply(session.trySend(encoder));
    }

    /**
     * Writes one queued reply.
     *
     * @return {@link #SENT}; {@link #BACK_PRESSURED}: the reply stays queued and is tried again;
     *         {@link #NOT_LOGGED_ON}: the session went away, the reply is kept for its next logon.
     */
    int send(final ReplyEvent event)
    {
        if (!isLoggedOn())
        {
            return NOT_LOGGED_ON;
        }
        final Encoder encoder;
        switch (event.kind)
        {
            case EXECUTION_REPORT:
                encoder = codec.encode(event.executionReport);
                break;
            case ORDER_CANCEL_REJECT:
                encoder = codec.encode(event.orderCancelReject);
                break;
            case BUSINESS_REJECT:
                encoder = codec.encode(event.businessReject);
                break;
            default:
                encoder = rawEncoder.wrap(event.rawMsgType, event.rawPossResend, event.rawBody, 0, event.rawLength);
                break;
        }
        final long position = session.trySend(encoder);
        if (position >= 0)
        {
            return SENT;
        }
        return Pressure.isBackPressured(position) ? BACK_PRESSURED : NOT_LOGGED_ON;
    }

    @Override
    public void onSessionStart(final Session session)
    {
        LOG.info("Session {} logged on", info);
        loggedOn = true;
        lastReceivedSeqNum = session.lastReceivedMsgSeqNum();
        orderHandler.onLogon(info);
    }

    /** Retries what back-pressure held up in sequencing; called on every turn of the session thread. */
    public int poll()
    {
        return sequencer.poll();
    }

    /**
     * Artio calls this when a TestRequest went unanswered for a heartbeat interval: the FIX session
     * rules say the counterparty is gone, so the session ends rather than heartbeating into silence.
     */
    @Override
    public void onTimeout(final int libraryId, final Session session)
    {
        LOG.warn("Session {} timed out: its TestRequest went unanswered, disconnecting", info);
        session.logoutAndDisconnect();
    }

    @Override
    public void onSlowStatus(final int libraryId, final Session session, final boolean hasBecomeSlow)
    {
        LOG.warn("Session {} is {} consumer", info, hasBecomeSlow ? "now a slow" : "no longer a slow");
    }

    @Override
    public Action onDisconnect(final int libraryId, final Session session, final DisconnectReason reason)
    {
        LOG.info("Session {} disconnected: {}{}", info, reason,
            cancelOnDisconnect ? "; canceling its open orders (cancel-on-disconnect)" : "");
        loggedOn = false;
        sequencing.close(sequencer);
        onClosed.accept(session.id());
        orderHandler.onDisconnect(session.id(), cancelOnDisconnect);
        return CONTINUE;
    }

    private static boolean isAdmin(final long messageType)
    {
        for (final long adminType : ADMIN_MESSAGE_TYPES)
        {
            if (adminType == messageType)
            {
                return true;
            }
        }
        return false;
    }

    private static long packed(final String msgType)
    {
        return uk.co.real_logic.artio.dictionary.generation.GenerationUtil.packMessageType(msgType);
    }
}

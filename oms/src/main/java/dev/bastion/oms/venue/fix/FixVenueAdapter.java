package dev.bastion.oms.venue.fix;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.venue.VenueAdapter;
import dev.bastion.oms.venue.VenueExecution;
import dev.bastion.oms.venue.VenueListener;
import dev.bastion.oms.venue.VenueOrder;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.FileLogFactory;
import quickfix.FileStoreFactory;
import quickfix.IncorrectTagValue;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.UnsupportedMessageType;
import quickfix.field.MsgType;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A venue reached over FIX: a QuickFIX/J initiator session configured by the broker's own
 * settings file ({@link FixVenueSettings}), FIX 4.2 or 4.4, with a persistent FileStore under the
 * venue's data directory.
 *
 * <p>Delivery. While the session is logged on, a request goes straight to QuickFIX/J, which
 * stores it under its sequence number before writing it to the socket; if the connection has
 * dropped meanwhile, QuickFIX/J resends it from the store (PossDup) when the venue asks after the
 * next logon, across a restart too. While the session is down, requests wait here and go out
 * once, fresh, in the order given, right after the next logon. So no request is sent twice as a
 * new message, and none is lost while the process lives.
 *
 * <p>Callbacks to the {@link VenueListener} come from QuickFIX/J's thread: reports, cancel
 * rejects, and venue refusals (a session Reject or BusinessMessageReject of an order becomes a
 * REJECTED execution, of a cancel or replace a cancel reject).
 */
public final class FixVenueAdapter implements VenueAdapter
{
    private static final Logger LOG = LogManager.getLogger(FixVenueAdapter.class);
    /** How many sent requests are remembered by sequence number, to explain a Reject (3) that names one. */
    private static final int SENT_REQUESTS_REMEMBERED = 65_536;
    private static final int CXL_REJ_OTHER = 99;

    private final String venue;
    private final FixVenueSettings settings;
    private final VenueListener listener;
    private final FixVersion version;
    private final SessionID sessionId;

    private final ReentrantLock sendLock = new ReentrantLock();
    /** Requests made while the session was down, in order; guarded by sendLock. */
    private final ArrayDeque<Message> waitingForLogon = new ArrayDeque<>();
    /** Guarded by sendLock: true from QuickFIX/J's onLogon to its onLogout. */
    private boolean loggedOn;
    private volatile boolean connected;

    /** Open orders by their current ClOrdID: what a FIX 4.2 mass status asks about one by one. */
    private final Map<String, VenueOrder> liveOrders = new ConcurrentHashMap<>();
    private final Map<String, VenueOrder> pendingReplaces = new ConcurrentHashMap<>();
    private final Set<String> pendingCancels = ConcurrentHashMap.newKeySet();
    private final SentRequests sentRequests = new SentRequests();
    private final AtomicLong requestIds = new AtomicLong(System.currentTimeMillis());

    private SocketInitiator initiator;

    /**
     * @param venue    the venue name the OMS routes by.
     * @param settings the checked QuickFIX/J settings of the venue's session.
     * @param listener where reports go (the OMS's ring).
     */
    public FixVenueAdapter(final String venue, final FixVenueSettings settings, final VenueListener listener)
    {
        this.venue = venue;
        this.settings = settings;
        this.listener = listener;
        this.version = settings.version();
        this.sessionId = settings.sessionId();
    }

    @Override
    public String venueName()
    {
        return venue;
    }

    /** The FIX version of the session. */
    public FixVersion version()
    {
        return version;
    }

    @Override
    public synchronized void start()
    {
        if (initiator != null)
        {
            return;
        }
        try
        {
            final SessionSettings sessionSettings = settings.sessionSettings();
            initiator = new SocketInitiator(new SessionCallbacks(), new FileStoreFactory(sessionSettings),
                sessionSettings, new FileLogFactory(sessionSettings), new DefaultMessageFactory());
            initiator.start();
        }
        catch (final ConfigError ex)
        {
            initiator = null;
            throw new VenueConfigurationException(settings.source(), null,
                "QuickFIX/J refused the session: " + ex.getMessage(), ex);
        }
    }

    @Override
    public synchronized void stop()
    {
        if (initiator != null)
        {
            initiator.stop();
            initiator = null;
        }
    }

    @Override
    public boolean isConnected()
    {
        return connected;
    }

    @Override
    public void send(final VenueOrder order)
    {
        liveOrders.put(order.venueClOrdId(), order);
        submit(VenueMessages.newOrderSingle(order));
    }

    @Override
    public void cancel(final String venueClOrdId, final String origVenueClOrdId, final VenueOrder order)
    {
        pendingCancels.add(venueClOrdId);
        submit(VenueMessages.cancelRequest(venueClOrdId, origVenueClOrdId, order));
    }

    @Override
    public void replace(final String newVenueClOrdId, final String origVenueClOrdId, final VenueOrder amended)
    {
        if (!newVenueClOrdId.equals(amended.venueClOrdId()))
        {
            throw new IllegalArgumentException(
                "amended order is " + amended.venueClOrdId() + ", not " + newVenueClOrdId);
        }
        pendingReplaces.put(newVenueClOrdId, amended);
        submit(VenueMessages.replaceRequest(newVenueClOrdId, origVenueClOrdId, amended));
    }

    @Override
    public void requestStatus(final VenueOrder order)
    {
        submit(VenueMessages.statusRequest(order, nextRequestId(), version));
    }

    /**
     * FIX 4.4: one OrderMassStatusRequest. FIX 4.2 has none: one OrderStatusRequest per order this
     * adapter knows to be open (after a restart it knows none: ask per recovered order instead).
     */
    @Override
    public void massStatus()
    {
        if (version == FixVersion.FIX44)
        {
            submit(VenueMessages.massStatusRequest(nextRequestId()));
            return;
        }
        for (final VenueOrder order : List.copyOf(liveOrders.values()))
        {
            requestStatus(order);
        }
    }

    /** Orders sent and not yet known to be done, by current ClOrdID; a snapshot. */
    public Map<String, VenueOrder> liveOrders()
    {
        return Map.copyOf(liveOrders);
    }

    private String nextRequestId()
    {
        return venue + "-" + Long.toString(requestIds.incrementAndGet(), 36);
    }

    private void submit(final Message message)
    {
        sendLock.lock();
        try
        {
            final Session session = loggedOn ? Session.lookupSession(sessionId) : null;
            if (session != null)
            {
                // Stored by QuickFIX/J under its sequence number even if the socket just died: resent on request.
                session.send(message);
            }
            else
            {
                waitingForLogon.add(message);
            }
        }
        finally
        {
            sendLock.unlock();
        }
    }

    private void onExecution(final VenueExecution execution)
    {
        final String clOrdId = execution.venueClOrdId();
        if (execution.execType() == ExecType.REPLACED && clOrdId != null)
        {
            final VenueOrder amended = pendingReplaces.remove(clOrdId);
            if (execution.origVenueClOrdId() != null)
            {
                liveOrders.remove(execution.origVenueClOrdId());
            }
            if (amended != null)
            {
                liveOrders.put(clOrdId, amended);
            }
        }
        if (execution.execType() == ExecType.CANCELED && clOrdId != null)
        {
            pendingCancels.remove(clOrdId);
        }
        if (isDone(execution.ordStatus()))
        {
            if (clOrdId != null)
            {
                liveOrders.remove(clOrdId);
            }
            if (execution.origVenueClOrdId() != null)
            {
                liveOrders.remove(execution.origVenueClOrdId());
            }
        }
        listener.onExecutionReport(execution);
    }

    private void onCancelReject(final String clOrdId, final String origClOrdId, final int reason, final String text)
    {
        pendingCancels.remove(clOrdId);
        pendingReplaces.remove(clOrdId);
        listener.onCancelReject(venue, clOrdId, origClOrdId, reason, text);
    }

    /** A Reject (3) or BusinessMessageReject (j) of one of our requests: tell the OMS in its own terms. */
    private void onRefused(final SentRequest request, final String text)
    {
        switch (request.msgType())
        {
            case MsgType.ORDER_SINGLE:
                liveOrders.remove(request.clOrdId());
                listener.onExecutionReport(VenueMessages.refusedOrder(venue, request.clOrdId(), text));
                break;
            case MsgType.ORDER_CANCEL_REQUEST:
            case MsgType.ORDER_CANCEL_REPLACE_REQUEST:
                onCancelReject(request.clOrdId(), request.origClOrdId(), CXL_REJ_OTHER, text);
                break;
            default:
                LOG.warn("Venue {} refused {} {}: {}", venue, request.msgType(), request.clOrdId(), text);
                break;
        }
    }

    private static boolean isDone(final OrdStatus status)
    {
        switch (status)
        {
            case FILLED:
            case CANCELED:
            case REJECTED:
            case EXPIRED:
            case DONE_FOR_DAY:
                return true;
            default:
                return false;
        }
    }

    private record SentRequest(String msgType, String clOrdId, String origClOrdId)
    {
    }

    /** The last requests sent, by MsgSeqNum; a venue's Reject (3) names only the sequence number. */
    private static final class SentRequests
    {
        private final Map<Integer, SentRequest> bySeqNum = new LinkedHashMap<>(1024, 0.75f, false)
        {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(final Map.Entry<Integer, SentRequest> eldest)
            {
                return size() > SENT_REQUESTS_REMEMBERED;
            }
        };

        synchronized void put(final int seqNum, final SentRequest request)
        {
            bySeqNum.put(seqNum, request);
        }

        synchronized SentRequest get(final int seqNum)
        {
            return bySeqNum.get(seqNum);
        }

        synchronized SentRequest byClOrdId(final String msgType, final String clOrdId)
        {
            for (final SentRequest request : bySeqNum.values())
            {
                if (request.msgType().equals(msgType) && clOrdId.equals(request.clOrdId()))
                {
                    return request;
                }
            }
            return null;
        }
    }

    /**
     * QuickFIX/J's callbacks, on its thread. toApp and toAdmin run while QuickFIX/J holds its
     * sequence-number lock, so they must not wait for {@code sendLock}.
     */
    private final class SessionCallbacks implements Application
    {
        @Override
        public void onCreate(final SessionID id)
        {
        }

        @Override
        public void onLogon(final SessionID id)
        {
            sendLock.lock();
            try
            {
                loggedOn = true;
                final Session session = Session.lookupSession(sessionId);
                Message waiting;
                while ((waiting = waitingForLogon.poll()) != null)
                {
                    session.send(waiting);
                }
            }
            finally
            {
                sendLock.unlock();
            }
            connected = true;
            listener.onConnected(venue);
        }

        @Override
        public void onLogout(final SessionID id)
        {
            sendLock.lock();
            try
            {
                loggedOn = false;
            }
            finally
            {
                sendLock.unlock();
            }
            connected = false;
            listener.onDisconnected(venue);
        }

        @Override
        public void toAdmin(final Message message, final SessionID id)
        {
        }

        @Override
        public void fromAdmin(final Message message, final SessionID id) throws FieldNotFound
        {
            final String msgType = message.getHeader().getString(FixTags.MSG_TYPE);
            if (MsgType.REJECT.equals(msgType) && message.isSetField(FixTags.REF_SEQ_NUM))
            {
                final SentRequest request = sentRequests.get(message.getInt(FixTags.REF_SEQ_NUM));
                if (request != null)
                {
                    onRefused(request, "Session Reject by the venue" + reason(message, FixTags.REF_TAG_ID));
                }
            }
            else if (MsgType.LOGOUT.equals(msgType) && message.isSetField(FixTags.TEXT))
            {
                LOG.warn("Venue {} logged out: {}", venue, message.getString(FixTags.TEXT));
            }
        }

        @Override
        public void toApp(final Message message, final SessionID id)
        {
            try
            {
                if (message.isSetField(FixTags.CL_ORD_ID))
                {
                    sentRequests.put(message.getHeader().getInt(FixTags.MSG_SEQ_NUM), new SentRequest(
                        message.getHeader().getString(FixTags.MSG_TYPE), message.getString(FixTags.CL_ORD_ID),
                        message.isSetField(FixTags.ORIG_CL_ORD_ID) ? message.getString(FixTags.ORIG_CL_ORD_ID) : null));
                }
            }
            catch (final FieldNotFound ex)
            {
                throw new IllegalStateException("QuickFIX/J sent a message without MsgType or MsgSeqNum", ex);
            }
        }

        @Override
        public void fromApp(final Message message, final SessionID id)
            throws FieldNotFound, IncorrectTagValue, UnsupportedMessageType
        {
            final String msgType = message.getHeader().getString(FixTags.MSG_TYPE);
            switch (msgType)
            {
                case MsgType.EXECUTION_REPORT:
                    onExecution(VenueMessages.executionReport(message, version, venue, pendingCancels::contains));
                    break;
                case MsgType.ORDER_CANCEL_REJECT:
                    onCancelReject(message.getString(FixTags.CL_ORD_ID),
                        message.isSetField(FixTags.ORIG_CL_ORD_ID) ? message.getString(FixTags.ORIG_CL_ORD_ID) : null,
                        message.isSetField(FixTags.CXL_REJ_REASON) ? message.getInt(FixTags.CXL_REJ_REASON) : -1,
                        message.isSetField(FixTags.TEXT) ? message.getString(FixTags.TEXT) : null);
                    break;
                case MsgType.BUSINESS_MESSAGE_REJECT:
                    onBusinessReject(message);
                    break;
                default:
                    throw new UnsupportedMessageType();
            }
        }

        private void onBusinessReject(final Message message) throws FieldNotFound
        {
            SentRequest request = message.isSetField(FixTags.REF_SEQ_NUM) ?
                sentRequests.get(message.getInt(FixTags.REF_SEQ_NUM)) : null;
            if (request == null && message.isSetField(FixTags.BUSINESS_REJECT_REF_ID))
            {
                request = sentRequests.byClOrdId(message.getString(FixTags.REF_MSG_TYPE),
                    message.getString(FixTags.BUSINESS_REJECT_REF_ID));
            }
            if (request != null)
            {
                onRefused(request, "Business reject by the venue" + reason(message, FixTags.BUSINESS_REJECT_REASON));
            }
            else
            {
                LOG.warn("Venue {} sent a BusinessMessageReject for no request it can name: {}", venue, message);
            }
        }

        private String reason(final Message message, final int codeTag) throws FieldNotFound
        {
            final StringBuilder reason = new StringBuilder();
            if (message.isSetField(codeTag))
            {
                reason.append(" (").append(codeTag).append('=').append(message.getString(codeTag)).append(')');
            }
            if (message.isSetField(FixTags.TEXT))
            {
                reason.append(": ").append(message.getString(FixTags.TEXT));
            }
            return reason.toString();
        }
    }
}

package dev.bastion.oms.pipeline;

import dev.bastion.oms.venue.VenueExecution;

/**
 * One slot of the OMS ring: every input that can change order state, copied out of the caller's
 * buffers so the business thread owns it. Slots are reused, and text is copied into the slot's own
 * StringBuilders, so publishing a client request allocates nothing; {@link #clear} runs before each
 * fill. An event that could not wait for a slot travels the same way in a fresh instance through
 * {@link InboundOverflow}.
 */
final class OmsEvent
{
    enum Kind
    {
        NEW_ORDER, CANCEL, REPLACE, STATUS, MASS_CANCEL, MASS_STATUS, CLIENT_LOGON, CLIENT_DISCONNECT,
        /** A client message the gateway answered itself (a throttle's reject): only marked processed. */
        CLIENT_REFUSED,
        VENUE_EXECUTION, VENUE_CANCEL_REJECT, VENUE_CONNECTED, VENUE_DISCONNECTED,
        /** Wakes the business thread to take events that went to the overflow queue. */
        OVERFLOW,
        /** The scheduler's tick: time moves on for everything time-based in the business logic. */
        TIMER,
        /** An operator's command (trading states). */
        ADMIN
    }

    Kind kind;
    /** When the event was published, from the OMS clock: the business thread's now while it handles it. */
    long epochNanos;
    long sessionId;
    int msgSeqNum;
    /** A client request's sequence index (see {@code ClientRequest#sequenceIndex}). */
    int sequenceIndex;
    /** A client request replayed from the gateway's archive at start-up. */
    boolean replayed;
    final StringBuilder clOrdId = new StringBuilder(32);
    final StringBuilder origClOrdId = new StringBuilder(32);
    final StringBuilder account = new StringBuilder(16);
    final StringBuilder symbol = new StringBuilder(16);
    final StringBuilder exDestination = new StringBuilder(8);
    final StringBuilder requestId = new StringBuilder(32);
    char side;
    char ordType;
    char timeInForce;
    long orderQty;
    long price;
    long stopPrice;
    long expireTimeNanos;
    boolean hasSizing;
    double winProbability;
    double winLossRatio;
    double confidence;
    char requestType;
    String clientCompId;
    String venue;
    VenueExecution execution;
    String venueClOrdId;
    String origVenueClOrdId;
    int cxlRejReason;
    String text;
    AdminCommand admin;
    /** CLIENT_DISCONNECT of a cancel-on-disconnect session: its open orders are canceled. */
    boolean cancelOpenOrders;
    /** For an event in the overflow queue: the ring sequence it must be handled after. */
    long afterSequence;

    void clear()
    {
        kind = null;
        epochNanos = 0;
        sessionId = 0;
        msgSeqNum = 0;
        sequenceIndex = 0;
        replayed = false;
        clOrdId.setLength(0);
        origClOrdId.setLength(0);
        account.setLength(0);
        symbol.setLength(0);
        exDestination.setLength(0);
        requestId.setLength(0);
        side = 0;
        ordType = 0;
        timeInForce = 0;
        orderQty = 0;
        price = 0;
        stopPrice = 0;
        expireTimeNanos = 0;
        hasSizing = false;
        winProbability = 0;
        winLossRatio = 0;
        confidence = 0;
        requestType = 0;
        clientCompId = null;
        venue = null;
        execution = null;
        venueClOrdId = null;
        origVenueClOrdId = null;
        cxlRejReason = 0;
        text = null;
        admin = null;
        cancelOpenOrders = false;
        afterSequence = 0;
    }

    /** Drops references the slot must not keep alive once handled. */
    void release()
    {
        execution = null;
        admin = null;
        text = null;
        venueClOrdId = null;
        origVenueClOrdId = null;
    }

    static void copy(final StringBuilder target, final CharSequence source)
    {
        target.setLength(0);
        if (source != null)
        {
            target.append(source);
        }
    }
}

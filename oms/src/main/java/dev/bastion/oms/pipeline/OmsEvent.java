package dev.bastion.oms.pipeline;

import dev.bastion.oms.venue.VenueExecution;

/**
 * One slot of the OMS ring: every input that can change order state, copied out of the caller's
 * buffers so the business thread owns it. Slots are reused; {@link #clear} runs before each fill.
 */
public final class OmsEvent
{
    public enum Kind
    {
        NEW_ORDER, CANCEL, REPLACE, STATUS, MASS_CANCEL, MASS_STATUS, CLIENT_LOGON, CLIENT_DISCONNECT,
        VENUE_EXECUTION, VENUE_CANCEL_REJECT, VENUE_CONNECTED, VENUE_DISCONNECTED
    }

    Kind kind;
    long sessionId;
    int msgSeqNum;
    String clOrdId;
    String origClOrdId;
    String account;
    String symbol;
    String exDestination;
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
    String requestId;
    char requestType;
    String venue;
    VenueExecution execution;
    int cxlRejReason;
    String text;
    /** System.nanoTime() when published, for the pipeline's latency figures. */
    long publishedNanos;

    void clear()
    {
        kind = null;
        sessionId = 0;
        msgSeqNum = 0;
        clOrdId = null;
        origClOrdId = null;
        account = null;
        symbol = null;
        exDestination = null;
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
        requestId = null;
        requestType = 0;
        venue = null;
        execution = null;
        cxlRejReason = 0;
        text = null;
        publishedNanos = 0;
    }
}

package dev.bastion.oms.api;

/**
 * An ExecutionReport (8) to a client, in the order's terms; the gateway writes it in the client's
 * FIX version (ExecTransType and ExecType mapping for FIX 4.2 included). Reusable: {@link #reset()}
 * then set what applies.
 */
public final class ExecutionReport
{
    private final StringBuilder orderId = new StringBuilder(20);
    private final StringBuilder clOrdId = new StringBuilder(32);
    private final StringBuilder origClOrdId = new StringBuilder(32);
    private final StringBuilder execId = new StringBuilder(24);
    private final StringBuilder account = new StringBuilder(16);
    private final StringBuilder symbol = new StringBuilder(16);
    private final StringBuilder text = new StringBuilder(64);
    private final StringBuilder riskWarningText = new StringBuilder(64);
    private final StringBuilder massStatusReqId = new StringBuilder(32);
    private ExecType execType;
    private OrdStatus ordStatus;
    private char side;
    private char ordType;
    private char timeInForce;
    private long orderQty;
    private long price;
    private long stopPrice;
    private long lastQty;
    private long lastPx;
    private long cumQty;
    private long leavesQty;
    private long avgPx;
    private int ordRejReason;
    private int riskRejectCode;
    private long transactTimeNanos;
    private boolean possResend;
    private boolean dropCopy;
    private int totNumReports;
    private boolean lastRptRequested;

    public ExecutionReport reset()
    {
        orderId.setLength(0);
        clOrdId.setLength(0);
        origClOrdId.setLength(0);
        execId.setLength(0);
        account.setLength(0);
        symbol.setLength(0);
        text.setLength(0);
        riskWarningText.setLength(0);
        massStatusReqId.setLength(0);
        totNumReports = 0;
        lastRptRequested = false;
        execType = null;
        ordStatus = null;
        side = 0;
        ordType = 0;
        timeInForce = 0;
        orderQty = FixedPoint.NONE;
        price = FixedPoint.NONE;
        stopPrice = FixedPoint.NONE;
        lastQty = 0;
        lastPx = 0;
        cumQty = 0;
        leavesQty = 0;
        avgPx = 0;
        ordRejReason = -1;
        riskRejectCode = 0;
        transactTimeNanos = 0;
        possResend = false;
        dropCopy = false;
        return this;
    }

    public ExecutionReport orderId(final CharSequence value)
    {
        ClientRequest.copy(orderId, value);
        return this;
    }

    public ExecutionReport orderId(final long value)
    {
        orderId.setLength(0);
        orderId.append(value);
        return this;
    }

    public ExecutionReport clOrdId(final CharSequence value)
    {
        ClientRequest.copy(clOrdId, value);
        return this;
    }

    public ExecutionReport origClOrdId(final CharSequence value)
    {
        ClientRequest.copy(origClOrdId, value);
        return this;
    }

    public ExecutionReport execId(final CharSequence value)
    {
        ClientRequest.copy(execId, value);
        return this;
    }

    public ExecutionReport execId(final long value)
    {
        execId.setLength(0);
        execId.append(value);
        return this;
    }

    public ExecutionReport account(final CharSequence value)
    {
        ClientRequest.copy(account, value);
        return this;
    }

    public ExecutionReport symbol(final CharSequence value)
    {
        ClientRequest.copy(symbol, value);
        return this;
    }

    public ExecutionReport text(final CharSequence value)
    {
        ClientRequest.copy(text, value);
        return this;
    }

    public ExecutionReport riskWarningText(final CharSequence value)
    {
        ClientRequest.copy(riskWarningText, value);
        return this;
    }

    /**
     * The answer to an OrderMassStatusRequest: MassStatusReqID (584), TotNumReports (911) and
     * LastRptRequested (912) on each report of the answer.
     */
    public ExecutionReport massStatus(final CharSequence requestId, final int totalReports, final boolean last)
    {
        ClientRequest.copy(massStatusReqId, requestId);
        totNumReports = totalReports;
        lastRptRequested = last;
        return this;
    }

    public ExecutionReport execType(final ExecType value)
    {
        execType = value;
        return this;
    }

    public ExecutionReport ordStatus(final OrdStatus value)
    {
        ordStatus = value;
        return this;
    }

    public ExecutionReport side(final char value)
    {
        side = value;
        return this;
    }

    public ExecutionReport ordType(final char value)
    {
        ordType = value;
        return this;
    }

    public ExecutionReport timeInForce(final char value)
    {
        timeInForce = value;
        return this;
    }

    public ExecutionReport orderQty(final long value)
    {
        orderQty = value;
        return this;
    }

    public ExecutionReport price(final long value)
    {
        price = value;
        return this;
    }

    public ExecutionReport stopPrice(final long value)
    {
        stopPrice = value;
        return this;
    }

    public ExecutionReport lastQty(final long value)
    {
        lastQty = value;
        return this;
    }

    public ExecutionReport lastPx(final long value)
    {
        lastPx = value;
        return this;
    }

    public ExecutionReport cumQty(final long value)
    {
        cumQty = value;
        return this;
    }

    public ExecutionReport leavesQty(final long value)
    {
        leavesQty = value;
        return this;
    }

    public ExecutionReport avgPx(final long value)
    {
        avgPx = value;
        return this;
    }

    /** OrdRejReason (103) for a rejected order, or -1 for none. */
    public ExecutionReport ordRejReason(final int value)
    {
        ordRejReason = value;
        return this;
    }

    /** RiskRejectCode (20020): the stable code of the pre-trade check that rejected the order. */
    public ExecutionReport riskRejectCode(final int value)
    {
        riskRejectCode = value;
        return this;
    }

    public ExecutionReport transactTimeNanos(final long value)
    {
        transactTimeNanos = value;
        return this;
    }

    /** Marks a report the client may already have seen (sent again after a reconnect). */
    public ExecutionReport possResend(final boolean value)
    {
        possResend = value;
        return this;
    }

    /**
     * Marks a drop copy of a report sent to another session: CopyMsgIndicator (797) = Y where the
     * session's dictionary has it on the ExecutionReport (FIX 4.4).
     */
    public ExecutionReport dropCopy(final boolean value)
    {
        dropCopy = value;
        return this;
    }

    public boolean dropCopy()
    {
        return dropCopy;
    }

    public CharSequence orderId()
    {
        return orderId;
    }

    public CharSequence clOrdId()
    {
        return clOrdId;
    }

    public CharSequence origClOrdId()
    {
        return origClOrdId;
    }

    public CharSequence execId()
    {
        return execId;
    }

    public CharSequence account()
    {
        return account;
    }

    public CharSequence symbol()
    {
        return symbol;
    }

    public CharSequence text()
    {
        return text;
    }

    public CharSequence riskWarningText()
    {
        return riskWarningText;
    }

    /** MassStatusReqID (584), empty unless the report answers an OrderMassStatusRequest. */
    public CharSequence massStatusReqId()
    {
        return massStatusReqId;
    }

    public int totNumReports()
    {
        return totNumReports;
    }

    public boolean lastRptRequested()
    {
        return lastRptRequested;
    }

    public ExecType execType()
    {
        return execType;
    }

    public OrdStatus ordStatus()
    {
        return ordStatus;
    }

    public char side()
    {
        return side;
    }

    public char ordType()
    {
        return ordType;
    }

    public char timeInForce()
    {
        return timeInForce;
    }

    public long orderQty()
    {
        return orderQty;
    }

    public long price()
    {
        return price;
    }

    public long stopPrice()
    {
        return stopPrice;
    }

    public long lastQty()
    {
        return lastQty;
    }

    public long lastPx()
    {
        return lastPx;
    }

    public long cumQty()
    {
        return cumQty;
    }

    public long leavesQty()
    {
        return leavesQty;
    }

    public long avgPx()
    {
        return avgPx;
    }

    public int ordRejReason()
    {
        return ordRejReason;
    }

    public int riskRejectCode()
    {
        return riskRejectCode;
    }

    public long transactTimeNanos()
    {
        return transactTimeNanos;
    }

    public boolean possResend()
    {
        return possResend;
    }

    /** Copies every field of {@code source} into this report. */
    public ExecutionReport copyFrom(final ExecutionReport source)
    {
        ClientRequest.copy(orderId, source.orderId);
        ClientRequest.copy(clOrdId, source.clOrdId);
        ClientRequest.copy(origClOrdId, source.origClOrdId);
        ClientRequest.copy(execId, source.execId);
        ClientRequest.copy(account, source.account);
        ClientRequest.copy(symbol, source.symbol);
        ClientRequest.copy(text, source.text);
        ClientRequest.copy(riskWarningText, source.riskWarningText);
        ClientRequest.copy(massStatusReqId, source.massStatusReqId);
        totNumReports = source.totNumReports;
        lastRptRequested = source.lastRptRequested;
        execType = source.execType;
        ordStatus = source.ordStatus;
        side = source.side;
        ordType = source.ordType;
        timeInForce = source.timeInForce;
        orderQty = source.orderQty;
        price = source.price;
        stopPrice = source.stopPrice;
        lastQty = source.lastQty;
        lastPx = source.lastPx;
        cumQty = source.cumQty;
        leavesQty = source.leavesQty;
        avgPx = source.avgPx;
        ordRejReason = source.ordRejReason;
        riskRejectCode = source.riskRejectCode;
        transactTimeNanos = source.transactTimeNanos;
        possResend = source.possResend;
        dropCopy = source.dropCopy;
        return this;
    }
}

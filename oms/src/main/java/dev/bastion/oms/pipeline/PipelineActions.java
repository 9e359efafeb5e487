package dev.bastion.oms.pipeline;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.order.Order;
import dev.bastion.oms.order.OrderActions;
import dev.bastion.oms.order.PendingChange;
import dev.bastion.oms.recon.FindingKind;
import dev.bastion.oms.recon.FindingRing;
import dev.bastion.oms.recovery.Books;

/**
 * The state machine's actions in the running OMS: reports to clients, requests to venues, and the
 * pre-trade check kept informed of fills, replaces and finished orders (its exposure counts open
 * orders).
 */
final class PipelineActions implements OrderActions
{
    private final ClientReports clients;
    private final VenueRequests venues;
    private final PreTradeCheck preTrade;
    /** RiskRejectCode (20020) of the reject being reported, set by the risk stage. */
    int riskRejectCode;
    /** RiskWarningText (20021) of the order being accepted, set by the risk stage. */
    CharSequence riskWarningText = "";
    /** The persisted books (orders, portfolio), or null when the OMS keeps nothing on disk. */
    private Books books;
    private FindingRing findings;
    private BusinessClock clock;
    /** The fill a bust or correction being applied names, as it was booked; set by the business logic. */
    long changedFillQty = FixedPoint.NONE;
    long changedFillPx = FixedPoint.NONE;

    PipelineActions(final ClientReports clients, final VenueRequests venues, final PreTradeCheck preTrade)
    {
        this.clients = clients;
        this.venues = venues;
        this.preTrade = preTrade;
    }

    /** Every order that reaches a venue is written to the books from then on, and its fills booked. */
    void books(final Books books, final FindingRing findings, final BusinessClock clock)
    {
        this.books = books;
        this.findings = findings;
        this.clock = clock;
    }

    @Override
    public void report(
        final Order order, final ExecType execType, final String clOrdId, final String origClOrdId, final long lastQty,
        final long lastPx, final String text, final int ordRejReason)
    {
        switch (execType)
        {
            case TRADE:
                preTrade.onFill(order, lastQty, lastPx);
                break;
            case REPLACED:
            case TRADE_CANCEL:
            case TRADE_CORRECT:
                if (!order.isDone())
                {
                    preTrade.onOrderReplaced(order);
                }
                break;
            default:
                break;
        }
        if (order.isDone() && execType != ExecType.ORDER_STATUS)
        {
            preTrade.onOrderDone(order);
        }
        if (books != null && order.venue() != null && execType != ExecType.ORDER_STATUS)
        {
            // On disk before the client hears of it: what a client was told survives a crash.
            persist(order, execType, lastQty, lastPx);
        }
        final CharSequence warnings = execType == ExecType.PENDING_NEW ? riskWarningText : "";
        clients.report(order, execType, clOrdId, origClOrdId, lastQty, lastPx, text, ordRejReason, riskRejectCode,
            warnings);
        riskRejectCode = 0;
    }

    @Override
    public void unknownOrder(
        final long sessionId, final String clOrdId, final String symbol, final char side, final String text)
    {
        clients.unknownOrder(sessionId, clOrdId, symbol, side, text);
    }

    @Override
    public void cancelReject(
        final long sessionId, final String clOrdId, final String origClOrdId, final Order order,
        final boolean forReplace, final int cxlRejReason, final String text)
    {
        clients.cancelReject(sessionId, clOrdId, origClOrdId, order, forReplace, cxlRejReason, text);
    }

    @Override
    public void sendToVenue(final Order order)
    {
        // Written before it leaves: an order the venue holds is always one the books know after a crash.
        written(order);
        venues.send(order);
    }

    @Override
    public void cancelAtVenue(final Order order, final PendingChange cancel)
    {
        written(order);
        venues.cancel(order, cancel);
    }

    @Override
    public void replaceAtVenue(final Order order, final PendingChange replace)
    {
        written(order);
        venues.replace(order, replace);
    }

    private void written(final Order order)
    {
        if (books != null)
        {
            books.onOrderChanged(order, account(order), clock.nanoTime());
        }
    }

    private String account(final Order order)
    {
        final String known = books.bookAccount(order);
        return known != null ? known : preTrade.bookingAccount(order);
    }

    private void persist(final Order order, final ExecType execType, final long lastQty, final long lastPx)
    {
        final long now = clock.nanoTime();
        final String account = account(order);
        switch (execType)
        {
            case TRADE:
                books.bookFill(order, account, order.side(), lastQty, lastPx, now, now);
                break;
            case TRADE_CANCEL:
            case TRADE_CORRECT:
                if (changedFillQty != FixedPoint.NONE && changedFillQty > 0)
                {
                    books.bookFill(order, account, opposite(order.side()), changedFillQty, changedFillPx, now, now);
                    findings.record(FindingKind.FILL_CHANGE_BOOKED, now, order.orderId(), order.venue(), null,
                        changedFillQty, execType == ExecType.TRADE_CORRECT ? lastQty : 0,
                        execType == ExecType.TRADE_CANCEL ? "bust booked as an offsetting fill" :
                        "correction booked as an offsetting fill and the corrected fill");
                }
                if (execType == ExecType.TRADE_CORRECT && lastQty > 0)
                {
                    books.bookFill(order, account, order.side(), lastQty, lastPx, now, now);
                }
                else if (changedFillQty == FixedPoint.NONE || changedFillQty <= 0)
                {
                    books.onOrderChanged(order, account, now);
                }
                changedFillQty = FixedPoint.NONE;
                changedFillPx = FixedPoint.NONE;
                break;
            default:
                books.onOrderChanged(order, account, now);
                break;
        }
    }

    private static Side opposite(final Side side)
    {
        return side == Side.BUY || side == Side.BUY_MINUS ? Side.SELL : Side.BUY;
    }
}

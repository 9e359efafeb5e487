package dev.bastion.oms.pipeline;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.order.Order;
import dev.bastion.oms.order.OrderActions;
import dev.bastion.oms.order.PendingChange;

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

    PipelineActions(final ClientReports clients, final VenueRequests venues, final PreTradeCheck preTrade)
    {
        this.clients = clients;
        this.venues = venues;
        this.preTrade = preTrade;
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
        venues.send(order);
    }

    @Override
    public void cancelAtVenue(final Order order, final PendingChange cancel)
    {
        venues.cancel(order, cancel);
    }

    @Override
    public void replaceAtVenue(final Order order, final PendingChange replace)
    {
        venues.replace(order, replace);
    }
}

package dev.bastion.oms.order;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.OrdStatus;

import java.util.ArrayList;
import java.util.List;

/** Keeps what the state machine asked for, in order, for tests to read. */
final class RecordedActions implements OrderActions
{
    record Report(long orderId, ExecType execType, OrdStatus ordStatus, String clOrdId, String origClOrdId,
        long lastQty, long cumQty, long leavesQty, long orderQty, String text, int ordRejReason)
    {
    }

    record CancelReject(String clOrdId, String origClOrdId, boolean forReplace, int reason, String text)
    {
    }

    final List<Report> reports = new ArrayList<>();
    final List<CancelReject> cancelRejects = new ArrayList<>();
    final List<String> venueRequests = new ArrayList<>();

    @Override
    public void report(
        final Order order, final ExecType execType, final String clOrdId, final String origClOrdId,
        final long lastQty, final long lastPx, final String text, final int ordRejReason)
    {
        reports.add(new Report(order.orderId, execType, order.status, clOrdId, origClOrdId, lastQty, order.cumQty,
            order.leavesQty, order.orderQty, text, ordRejReason));
    }

    @Override
    public void unknownOrder(
        final long sessionId, final String clOrdId, final String symbol, final char side, final String text)
    {
        cancelRejects.add(new CancelReject(clOrdId, null, false, -5, text));
    }

    @Override
    public void cancelReject(
        final long sessionId, final String clOrdId, final String origClOrdId, final Order order,
        final boolean forReplace, final int cxlRejReason, final String text)
    {
        cancelRejects.add(new CancelReject(clOrdId, origClOrdId, forReplace, cxlRejReason, text));
    }

    @Override
    public void sendToVenue(final Order order)
    {
        venueRequests.add("new " + order.venueClOrdId);
    }

    @Override
    public void cancelAtVenue(final Order order, final PendingChange cancel)
    {
        venueRequests.add("cancel " + cancel.venueClOrdId());
    }

    @Override
    public void replaceAtVenue(final Order order, final PendingChange replace)
    {
        venueRequests.add("replace " + replace.venueClOrdId());
    }

    Report last()
    {
        return reports.get(reports.size() - 1);
    }
}

package dev.bastion.oms.venue.sim;

import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.api.TimeInForce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the simulator received and did, in order: the requests that came in, the orders it
 * booked, every ExecutionReport and OrderCancelReject it sent. Tests and recovery checks compare
 * an OMS's books with it. Thread-safe: every read is a snapshot.
 */
public final class VenueRecord
{
    /**
     * A NewOrderSingle as the simulator booked it.
     *
     * @param accepted false when it was rejected (the rejection is among the executions).
     */
    public record OrderEntry(
        String session,
        String clOrdId,
        String orderId,
        String symbol,
        Side side,
        OrdType ordType,
        TimeInForce timeInForce,
        long orderQty,
        long price,
        long stopPrice,
        boolean accepted)
    {
    }

    /**
     * One application message as it arrived.
     *
     * @param msgType           MsgType (35).
     * @param clOrdId           ClOrdID (11), or null.
     * @param possibleDuplicate PossDupFlag (43) or PossResend (97) was set.
     */
    public record Request(String session, String msgType, String clOrdId, boolean possibleDuplicate)
    {
    }

    private final List<Request> requests = new ArrayList<>();
    private final List<OrderEntry> orders = new ArrayList<>();
    private final List<SimExecution> executions = new ArrayList<>();
    private final List<SimCancelReject> cancelRejects = new ArrayList<>();

    synchronized void add(final Request request)
    {
        requests.add(request);
    }

    synchronized void add(final OrderEntry order)
    {
        orders.add(order);
    }

    synchronized void add(final SimExecution execution)
    {
        executions.add(execution);
    }

    synchronized void add(final SimCancelReject reject)
    {
        cancelRejects.add(reject);
    }

    public synchronized List<Request> requests()
    {
        return List.copyOf(requests);
    }

    /** Every NewOrderSingle booked, once per ClOrdID: resent duplicates (PossDup) are not booked again. */
    public synchronized List<OrderEntry> orders()
    {
        return List.copyOf(orders);
    }

    public synchronized List<SimExecution> executions()
    {
        return List.copyOf(executions);
    }

    public synchronized List<SimCancelReject> cancelRejects()
    {
        return List.copyOf(cancelRejects);
    }

    /** The trades (ExecType F) sent, busted ones included: see {@link #executions()} for busts. */
    public synchronized List<SimExecution> fills()
    {
        return executions.stream().filter(SimExecution::isTrade).toList();
    }

    /** How many times a NewOrderSingle with this ClOrdID was booked. */
    public synchronized long bookedCount(final String clOrdId)
    {
        return orders.stream().filter(order -> order.clOrdId().equals(clOrdId)).count();
    }

    /** The last report sent for each OrderID: where each order stands at the venue now. */
    public synchronized Map<String, SimExecution> latestByOrderId()
    {
        final Map<String, SimExecution> latest = new LinkedHashMap<>();
        for (final SimExecution execution : executions)
        {
            if (!"NONE".equals(execution.orderId()))
            {
                latest.put(execution.orderId(), execution);
            }
        }
        return latest;
    }
}

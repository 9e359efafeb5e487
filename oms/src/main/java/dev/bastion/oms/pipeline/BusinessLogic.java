package dev.bastion.oms.pipeline;

import com.lmax.disruptor.EventHandler;
import dev.bastion.oms.api.MassCancelRequest;
import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.api.TimeInForce;
import dev.bastion.oms.order.Order;
import dev.bastion.oms.order.OrderStateMachine;
import dev.bastion.oms.route.RoutingTable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The business thread: it takes each ring event in order and runs the stages for it — for a new
 * order pre-trade risk, sizing, routing and the venue send; for everything else the order state
 * machine. All stages run on this one thread: on two cores a hand-off between stage threads costs
 * more than the stages themselves, and one owner of order state needs no locks.
 */
final class BusinessLogic implements EventHandler<OmsEvent>
{
    /** OrdRejReason (103) 3: order exceeds limit; 99 other. */
    private static final int EXCEEDS_LIMIT = 3;
    private static final int UNKNOWN_SYMBOL = 1;
    private static final int OTHER = 99;

    private static final Logger LOG = LogManager.getLogger(BusinessLogic.class);

    private final OrderStateMachine machine;
    private final PipelineActions actions;
    private final ClientReports clients;
    private final PreTradeCheck preTrade;
    private final PositionSizer sizer;
    private final RoutingTable routing;
    private final VenueRequests venues;

    BusinessLogic(
        final OrderStateMachine machine,
        final PipelineActions actions,
        final ClientReports clients,
        final PreTradeCheck preTrade,
        final PositionSizer sizer,
        final RoutingTable routing,
        final VenueRequests venues)
    {
        this.machine = machine;
        this.actions = actions;
        this.clients = clients;
        this.preTrade = preTrade;
        this.sizer = sizer;
        this.routing = routing;
        this.venues = venues;
    }

    @Override
    public void onEvent(final OmsEvent event, final long sequence, final boolean endOfBatch)
    {
        try
        {
            dispatch(event);
        }
        catch (final RuntimeException ex)
        {
            // One bad event must not stop the business thread for everyone else.
            LOG.error("OMS event {} for session {} failed", event.kind, event.sessionId, ex);
        }
        finally
        {
            event.execution = null;
        }
    }

    private void dispatch(final OmsEvent event)
    {
        switch (event.kind)
        {
            case NEW_ORDER:
                onNewOrder(event);
                break;
            case CANCEL:
                machine.cancel(event.sessionId, event.clOrdId, event.origClOrdId);
                break;
            case REPLACE:
                machine.replace(event.sessionId, event.clOrdId, event.origClOrdId, event.orderQty, event.price);
                break;
            case STATUS:
                machine.status(event.sessionId, event.clOrdId, event.symbol, event.side);
                break;
            case MASS_CANCEL:
                final String symbol = event.requestType == MassCancelRequest.CANCEL_FOR_SECURITY ? event.symbol : null;
                final int affected = machine.massCancel(event.sessionId, symbol);
                clients.massCancelReport(event.sessionId, event.clOrdId, event.requestType, affected);
                break;
            case MASS_STATUS:
                machine.massStatus(event.sessionId, event.requestType == '1' ? event.symbol : null);
                break;
            case VENUE_EXECUTION:
                if (!machine.onVenueExecution(event.execution))
                {
                    LOG.warn("Venue report not applied (unknown order, duplicate or out of place): {}",
                        event.execution);
                }
                break;
            case VENUE_CANCEL_REJECT:
                machine.onVenueCancelReject(event.clOrdId, event.cxlRejReason, event.text);
                break;
            case VENUE_CONNECTED:
                LOG.info("Venue {} connected", event.venue);
                break;
            case VENUE_DISCONNECTED:
                LOG.warn("Venue {} disconnected", event.venue);
                break;
            default:
                break;
        }
    }

    private void onNewOrder(final OmsEvent event)
    {
        final Side side = event.side == 0 ? null : Side.fromFix(event.side);
        final OrdType ordType = event.ordType == 0 ? null : OrdType.fromFix(event.ordType);
        final TimeInForce timeInForce = event.timeInForce == 0 ? TimeInForce.DAY : TimeInForce.fromFix(event.timeInForce);
        if (side == null || ordType == null || timeInForce == null || event.symbol == null)
        {
            final Order refused = machine.newOrder(event.sessionId, event.clOrdId, event.account,
                event.symbol == null ? "" : event.symbol, side == null ? Side.BUY : side,
                ordType == null ? OrdType.LIMIT : ordType, timeInForce == null ? TimeInForce.DAY : timeInForce,
                event.orderQty, event.price, event.stopPrice, event.expireTimeNanos);
            if (refused != null)
            {
                machine.reject(refused, OTHER, unsupported(side, ordType, timeInForce, event));
            }
            return;
        }
        final Order order = machine.newOrder(event.sessionId, event.clOrdId, event.account, event.symbol, side,
            ordType, timeInForce, event.orderQty, event.price, event.stopPrice, event.expireTimeNanos);
        if (order == null)
        {
            return;
        }
        final String invalid = invalidTerms(order);
        if (invalid != null)
        {
            machine.reject(order, OTHER, invalid);
            return;
        }

        final PreTradeCheck.Refusal refusal = preTrade.check(order);
        if (refusal != null)
        {
            actions.riskRejectCode = refusal.code();
            machine.reject(order, EXCEEDS_LIMIT, refusal.text());
            return;
        }

        if (event.hasSizing && sizer != null && !size(order, event))
        {
            return;
        }

        final String venue = routing.venueFor(order.symbol(), event.exDestination);
        if (!venues.knows(venue))
        {
            machine.reject(order, UNKNOWN_SYMBOL, "No route to venue " + venue);
            return;
        }
        machine.route(order, venue);
    }

    private boolean size(final Order order, final OmsEvent event)
    {
        try
        {
            final long sized = sizer.size(order, event.winProbability, event.winLossRatio, event.confidence);
            if (sized <= 0)
            {
                machine.reject(order, OTHER, "Sizing gives no position for this edge");
                return false;
            }
            machine.resize(order, Math.min(sized, order.orderQty()));
            return true;
        }
        catch (final IllegalArgumentException ex)
        {
            machine.reject(order, OTHER, "Sizing: " + ex.getMessage());
            return false;
        }
    }

    private static String invalidTerms(final Order order)
    {
        if (order.orderQty() <= 0)
        {
            return "OrderQty must be positive";
        }
        final boolean priced = order.ordType() == OrdType.LIMIT || order.ordType() == OrdType.STOP_LIMIT;
        if (priced && (order.price() == Long.MIN_VALUE || order.price() <= 0))
        {
            return order.ordType() + " order needs a positive Price";
        }
        final boolean stopped = order.ordType() == OrdType.STOP || order.ordType() == OrdType.STOP_LIMIT;
        if (stopped && (order.stopPrice() == Long.MIN_VALUE || order.stopPrice() <= 0))
        {
            return order.ordType() + " order needs a positive StopPx";
        }
        if (order.timeInForce() == TimeInForce.GOOD_TILL_DATE && order.expireTimeNanos() == Long.MIN_VALUE)
        {
            return "GTD order needs an ExpireTime";
        }
        return null;
    }

    private static String unsupported(
        final Side side, final OrdType ordType, final TimeInForce timeInForce, final OmsEvent event)
    {
        if (event.symbol == null)
        {
            return "Symbol is required";
        }
        if (side == null)
        {
            return "Unsupported Side " + event.side;
        }
        if (ordType == null)
        {
            return "Unsupported OrdType " + event.ordType;
        }
        return "Unsupported TimeInForce " + event.timeInForce;
    }
}

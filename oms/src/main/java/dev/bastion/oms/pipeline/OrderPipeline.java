package dev.bastion.oms.pipeline;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import dev.bastion.oms.api.ClientOrderHandler;
import dev.bastion.oms.api.ClientReplies;
import dev.bastion.oms.order.OrderBook;
import dev.bastion.oms.order.OrderIdGenerator;
import dev.bastion.oms.order.OrderStateMachine;
import dev.bastion.oms.route.RoutingTable;
import dev.bastion.oms.venue.VenueAdapter;
import dev.bastion.oms.venue.VenueListener;

import java.util.List;
import java.util.function.Function;

/**
 * The OMS as one unit: an LMAX Disruptor ring that every state-changing input goes through
 * (client requests from the gateway, venue reports), and the business thread that handles them in
 * order. Build it, hand {@link #clientHandler} to the gateway, start the venues with
 * {@link #venueListener}, then {@link #start}.
 */
public final class OrderPipeline implements AutoCloseable
{
    public static final int DEFAULT_RING_SIZE = 1 << 14;

    private final Disruptor<OmsEvent> disruptor;
    private final ClientInbound clientInbound;
    private final VenueInbound venueInbound;
    private final OrderStateMachine machine;
    private final List<VenueAdapter> venues;

    /**
     * @param venueFactory builds the venue adapters given the listener they report to.
     */
    public OrderPipeline(
        final ClientReplies replies,
        final Function<VenueListener, List<VenueAdapter>> venueFactory,
        final RoutingTable routing,
        final PreTradeCheck preTrade,
        final PositionSizer sizer,
        final WaitStrategyChoice waitStrategy,
        final int ringSize)
    {
        disruptor = new Disruptor<>(OmsEvent::new, ringSize, DaemonThreadFactory.INSTANCE, ProducerType.MULTI,
            waitStrategy.create());
        final RingBuffer<OmsEvent> ring = disruptor.getRingBuffer();
        clientInbound = new ClientInbound(ring);
        venueInbound = new VenueInbound(ring);
        venues = venueFactory.apply(venueInbound);

        final OrderIdGenerator ids = OrderIdGenerator.systemClock();
        final ClientReports clients = new ClientReports(replies, ids);
        final VenueRequests venueRequests = new VenueRequests(venues);
        final PipelineActions actions = new PipelineActions(clients, venueRequests, preTrade);
        machine = new OrderStateMachine(new OrderBook(), actions, ids);
        disruptor.handleEventsWith(
            new BusinessLogic(machine, actions, clients, preTrade, sizer, routing, venueRequests));
    }

    public ClientOrderHandler clientHandler()
    {
        return clientInbound;
    }

    public VenueListener venueListener()
    {
        return venueInbound;
    }

    /** Starts the business thread, then connects the venues. */
    public OrderPipeline start()
    {
        disruptor.start();
        venues.forEach(VenueAdapter::start);
        return this;
    }

    /** Only for tests and diagnostics: read on the business thread's terms (after it is idle). */
    public OrderBook book()
    {
        return machine.book();
    }

    @Override
    public void close()
    {
        venues.forEach(VenueAdapter::stop);
        disruptor.shutdown();
    }
}

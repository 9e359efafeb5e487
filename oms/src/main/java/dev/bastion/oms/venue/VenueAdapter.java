package dev.bastion.oms.venue;

/**
 * One venue as the OMS sees it: a connection that takes orders and reports back through the
 * {@link VenueListener} it was built with. Calls may come from any single OMS thread; they never
 * block on the network. An order sent while the venue is disconnected is kept and goes out once
 * after the next logon.
 */
public interface VenueAdapter
{
    /** The name the OMS routes by; every callback carries it. */
    String venueName();

    /** Starts connecting; returns at once, {@link VenueListener#onConnected} follows on logon. */
    void start();

    /** Logs out and closes the connection; orders still waiting for a logon stay unsent. */
    void stop();

    boolean isConnected();

    /** Sends a new order (NewOrderSingle). */
    void send(VenueOrder order);

    /**
     * Asks the venue to cancel an order (OrderCancelRequest).
     *
     * @param venueClOrdId     the new ClOrdID of this cancel request.
     * @param origVenueClOrdId the ClOrdID the venue currently knows the order by.
     * @param order            the order's terms (symbol, side, quantity), as the request restates them.
     */
    void cancel(String venueClOrdId, String origVenueClOrdId, VenueOrder order);

    /**
     * Asks the venue to amend an order (OrderCancelReplaceRequest).
     *
     * @param newVenueClOrdId  the ClOrdID of the amended order; {@code amended.venueClOrdId()} must equal it.
     * @param origVenueClOrdId the ClOrdID the venue currently knows the order by.
     * @param amended          the whole order as it should stand after the replace.
     */
    void replace(String newVenueClOrdId, String origVenueClOrdId, VenueOrder amended);

    /** Asks for the current state of one order (OrderStatusRequest); the answer is an execution report. */
    void requestStatus(VenueOrder order);

    /**
     * Asks for the state of every order the venue holds for this session, for start-up
     * reconciliation; each answer arrives as an execution report of type ORDER_STATUS.
     */
    void massStatus();
}

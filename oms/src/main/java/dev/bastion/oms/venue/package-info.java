/**
 * The boundary between the OMS and the venues it routes to.
 *
 * <p>The OMS calls a {@link dev.bastion.oms.venue.VenueAdapter} with {@link dev.bastion.oms.venue.VenueOrder}s;
 * the adapter answers through a {@link dev.bastion.oms.venue.VenueListener} from its own thread
 * (session state, {@link dev.bastion.oms.venue.VenueExecution}s, cancel rejects), and the OMS
 * publishes those callbacks onto its ring. An adapter never touches OMS state.
 *
 * <p>Prices and quantities are fixed-point longs, see {@link dev.bastion.oms.api.FixedPoint}.
 */
package dev.bastion.oms.venue;

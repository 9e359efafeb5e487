package dev.bastion.oms.venue;

import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.api.TimeInForce;

import java.util.Objects;

/**
 * An order as the OMS sends it to one venue. The venue knows it by {@code venueClOrdId}, a ClOrdID
 * the OMS allocates per venue request (a replace gets a new one); {@code orderId} is Bastion's own
 * order id, kept so callbacks can be joined back without a lookup by string.
 *
 * @param venueClOrdId    ClOrdID (11) on the venue session.
 * @param orderId         Bastion's order id.
 * @param symbol          Symbol (55).
 * @param side            Side (54).
 * @param ordType         OrdType (40).
 * @param timeInForce     TimeInForce (59).
 * @param qty             OrderQty (38), scaled by {@link FixedPoint#QTY_SCALE}, positive.
 * @param price           Price (44), scaled by {@link FixedPoint#PRICE_SCALE}, or {@link FixedPoint#NONE}.
 * @param stopPrice       StopPx (99), scaled by {@link FixedPoint#PRICE_SCALE}, or {@link FixedPoint#NONE}.
 * @param account         Account (1), or null when the venue session implies it.
 * @param expireTimeNanos ExpireTime (126) in epoch nanoseconds for GTD orders, else {@link #NO_TIME}.
 */
public record VenueOrder(
    String venueClOrdId,
    long orderId,
    String symbol,
    Side side,
    OrdType ordType,
    TimeInForce timeInForce,
    long qty,
    long price,
    long stopPrice,
    String account,
    long expireTimeNanos)
{
    public static final long NO_TIME = Long.MIN_VALUE;

    public VenueOrder
    {
        Objects.requireNonNull(venueClOrdId, "venueClOrdId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(ordType, "ordType");
        Objects.requireNonNull(timeInForce, "timeInForce");
        if (venueClOrdId.isEmpty())
        {
            throw new IllegalArgumentException("venueClOrdId is empty");
        }
        if (qty <= 0)
        {
            throw new IllegalArgumentException("qty must be positive: " + qty);
        }
        final boolean needsPrice = ordType == OrdType.LIMIT || ordType == OrdType.STOP_LIMIT;
        if (needsPrice == (price == FixedPoint.NONE))
        {
            throw new IllegalArgumentException(ordType + (needsPrice ? " needs a price" : " takes no price"));
        }
        final boolean needsStop = ordType == OrdType.STOP || ordType == OrdType.STOP_LIMIT;
        if (needsStop == (stopPrice == FixedPoint.NONE))
        {
            throw new IllegalArgumentException(ordType + (needsStop ? " needs a stop price" : " takes no stop price"));
        }
        if ((timeInForce == TimeInForce.GOOD_TILL_DATE) == (expireTimeNanos == NO_TIME))
        {
            throw new IllegalArgumentException("an expire time goes with GTD and only with GTD");
        }
    }

    /** A limit order, the most common case; Day unless {@code timeInForce} says otherwise. */
    public static VenueOrder limit(
        final String venueClOrdId,
        final long orderId,
        final String symbol,
        final Side side,
        final long qty,
        final long price,
        final TimeInForce timeInForce)
    {
        return new VenueOrder(
            venueClOrdId, orderId, symbol, side, OrdType.LIMIT, timeInForce, qty, price, FixedPoint.NONE, null, NO_TIME);
    }

    public static VenueOrder market(
        final String venueClOrdId, final long orderId, final String symbol, final Side side, final long qty)
    {
        return new VenueOrder(
            venueClOrdId,
            orderId,
            symbol,
            side,
            OrdType.MARKET,
            TimeInForce.DAY,
            qty,
            FixedPoint.NONE,
            FixedPoint.NONE,
            null,
            NO_TIME);
    }

    /** The same order under another ClOrdID, as a replace or cancel request names it. */
    public VenueOrder withVenueClOrdId(final String newVenueClOrdId)
    {
        return new VenueOrder(
            newVenueClOrdId, orderId, symbol, side, ordType, timeInForce, qty, price, stopPrice, account, expireTimeNanos);
    }

    /** The order with new quantity and price, as a replace restates it. */
    public VenueOrder amend(final String newVenueClOrdId, final long newQty, final long newPrice)
    {
        return new VenueOrder(
            newVenueClOrdId, orderId, symbol, side, ordType, timeInForce, newQty, newPrice, stopPrice, account,
            expireTimeNanos);
    }
}

package dev.bastion.oms.pipeline;

import dev.bastion.oms.api.OrdType;
import dev.bastion.oms.order.Order;
import dev.bastion.risk.pretrade.TradingState;

import java.util.List;

/**
 * The pre-trade risk stage as the pipeline calls it, on the business thread, for every new order
 * and replace before it goes to a venue, and kept informed of what happens to orders afterwards.
 * {@link RiskEngineCheck} puts the risk engine's checks behind it; tests put a rule of their own.
 */
@FunctionalInterface
public interface PreTradeCheck
{
    /** Lets every order through. */
    PreTradeCheck NONE = order -> null;

    /**
     * @return null to let the order through, or the reason it is refused: ExecutionReport(Rejected)
     *         with {@link Refusal#ordRejReason()}, Text (58) and RiskRejectCode (20020).
     */
    Refusal check(Order order);

    /**
     * A replace of an open order to these terms (the order itself still has the old ones).
     *
     * @return null to let it through, or the reason: an OrderCancelReject with the text.
     */
    default Refusal checkReplace(
        final Order order, final CharSequence clOrdId, final OrdType ordType, final long qty, final long price,
        final long stopPrice)
    {
        return null;
    }

    /** The limits above their warning level on the last accepted check (RiskWarningText 20021), or empty. */
    default CharSequence warnings()
    {
        return "";
    }

    /** A client session logged on; {@code clientCompId} is its account when an order names none. */
    default void onClientLogon(final long sessionId, final String clientCompId)
    {
    }

    /** The order went to a venue: its quantity counts as open exposure from now on. */
    default void onOrderOpen(final Order order)
    {
    }

    /** A replace (or a fill change) took effect: the order's open exposure is its leaves at its terms now. */
    default void onOrderReplaced(final Order order)
    {
    }

    /** A fill, for positions, loss limits and the reference price. */
    default void onFill(final Order order, final long lastQty, final long lastPx)
    {
    }

    /** The order has ended (filled, canceled, rejected, expired), freeing its exposure. */
    default void onOrderDone(final Order order)
    {
    }

    /**
     * The account an order's fills are booked to in the portfolio: its Account (1), or what the
     * risk checks take for it (the client's CompID). Asked once, when the order goes to a venue.
     */
    default String bookingAccount(final Order order)
    {
        return order.account() != null && !order.account().isEmpty() ? order.account() : "DEFAULT";
    }

    /**
     * At start-up, a position the portfolio holds from before the restart (quantity signed, average
     * entry price, last price or {@code FixedPoint.NONE}), so the risk checks count it as before.
     */
    default void restorePosition(
        final String account, final String symbol, final long quantity, final long avgPrice, final long lastPrice)
    {
    }

    /** A cancel or status request of one of the account's orders, for the message rate; never refused. */
    default void onMessage(final Order order)
    {
    }

    /** Time moved on (the pipeline's timer); {@code epochNanos} is the business clock. */
    default void onTimer(final long epochNanos)
    {
    }

    /**
     * An operator moves an account (or, with a null account, the firm) to a trading state.
     *
     * @return the state before.
     * @throws IllegalArgumentException for an account the check does not know, or no reason.
     */
    default TradingState transition(final String account, final TradingState state, final String reason)
    {
        throw new UnsupportedOperationException("this pre-trade check has no trading states");
    }

    /** The account the checks count the order against (its Account, or its session's when it names none). */
    default String accountOf(final Order order)
    {
        return order.account();
    }

    /** The firm's trading state and each account's that has ever changed, for operators; read on the business thread. */
    default List<TradingStateView> tradingStates()
    {
        return List.of();
    }

    /**
     * A refused order.
     *
     * @param code         stable reason code, sent to the client in RiskRejectCode (20020).
     * @param ordRejReason OrdRejReason (103) of the ExecutionReport(Rejected).
     * @param text         human-readable reason.
     */
    record Refusal(int code, int ordRejReason, String text)
    {
    }
}

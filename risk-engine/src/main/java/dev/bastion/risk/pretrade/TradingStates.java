package dev.bastion.risk.pretrade;

import org.agrona.concurrent.EpochNanoClock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The firm's trading state and the one place every state changes, the firm's or an account's: each
 * transition keeps its reason and time, is told to the listener and is kept in the history.
 */
final class TradingStates
{
    private final EpochNanoClock clock;
    private final TradingStateListener listener;
    private final List<TradingStateChange> history = new ArrayList<>();
    private TradingState firmState = TradingState.NORMAL;
    private String firmReason = "initial";
    private long firmSinceNanos;

    TradingStates(final EpochNanoClock clock, final TradingStateListener listener, final long now)
    {
        this.clock = clock;
        this.listener = listener;
        firmSinceNanos = now;
    }

    TradingState firmState()
    {
        return firmState;
    }

    String firmReason()
    {
        return firmReason;
    }

    long firmSinceNanos()
    {
        return firmSinceNanos;
    }

    /** The more restrictive of the account's and the firm's state. */
    TradingState effective(final AccountRisk account)
    {
        return TradingState.mostRestrictive(firmState, account.state);
    }

    /** @return the firm's state before. */
    TradingState transitionFirm(final TradingState to, final String reason)
    {
        requireReason(reason);
        final TradingState from = firmState;
        final long now = clock.nanoTime();
        firmState = to;
        firmReason = reason;
        firmSinceNanos = now;
        record(new TradingStateChange(TradingStateChange.FIRM, from, to, reason, now));
        return from;
    }

    /** @return the account's state before. */
    TradingState transition(final AccountRisk account, final TradingState to, final String reason, final long now)
    {
        requireReason(reason);
        final TradingState from = account.state;
        account.state = to;
        account.stateReason = reason;
        account.stateSinceNanos = now;
        record(new TradingStateChange(account.name, from, to, reason, now));
        return from;
    }

    /** Every transition since start, oldest first: a copy. */
    List<TradingStateChange> history()
    {
        return Collections.unmodifiableList(new ArrayList<>(history));
    }

    private void record(final TradingStateChange change)
    {
        history.add(change);
        listener.onTransition(change);
    }

    private static void requireReason(final String reason)
    {
        if (reason == null || reason.isBlank())
        {
            throw new IllegalArgumentException("a trading state transition needs a reason");
        }
    }
}

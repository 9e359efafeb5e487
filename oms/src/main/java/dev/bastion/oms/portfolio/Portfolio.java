package dev.bastion.oms.portfolio;

import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.Side;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.util.List;

/**
 * Positions, FIFO lots, cash and P&amp;L of every account, off-heap in Chronicle Maps persisted to a
 * directory, so that a restart after {@code kill -9} finds what was booked.
 *
 * <p><b>One writer.</b> Every method runs on the OMS business thread; nothing here locks.
 *
 * <p><b>Fills are idempotent by fill id.</b> The OMS gives each fill a unique id that rises with every
 * fill it books, and sends every fill again after a restart. A position entry and an account's cash
 * entry each hold the last fill id they booked, in the same double-buffered slot as the state itself
 * (see {@link PositionRecord}), so "was it booked?" and "what was booked" commit with one store. A
 * fill is booked into the position, then into the cash; if the process dies between the two, the
 * fill sent again finds the position done and books the cash only ({@link FillOutcome#COMPLETED}).
 * Before the position commits, a fill writes what it adds elsewhere (a lot past the inline ring, its
 * trade P&amp;L record), where the same fill sent again writes the same bytes; afterwards it removes
 * the overflow lots it closed and counts the trade record. An open after a crash sweeps what a dead
 * writer left on either side of its commit. A fill id at or below an entry's last booked id is taken
 * as booked: the OMS must never book a fill with a lower id than one it booked before (a restart
 * included), and must give a resent fill the id it had.
 *
 * <p><b>What survives.</b> Writes go to memory-mapped files, which the operating system keeps when the
 * process dies, however it dies: a {@code kill -9} loses nothing committed. Nothing is forced to disk
 * per fill (an msync costs milliseconds), so a power cut or a kernel crash is not covered: dirty pages
 * then reach the disk in any order.
 *
 * <p><b>Money</b> is a long at scale 1e8 in one currency; see {@link FixedMath} for the rounding.
 * For every account, {@code cash + sum(costBasis) == initialCash + sum(realizedPnl)} exactly.
 *
 * <p><b>Inside.</b> This class opens, loads and wires the parts: {@code PortfolioIds} (names and ids),
 * {@code PortfolioEntries} (the cash, mark and position entries), {@code CommittedCopy} (their on-heap copy
 * and the valuation), {@code FillBooker} with {@code FifoLots} (the fill path), {@code DailyEquity} (the
 * daily closes and period P&amp;L) and {@code PortfolioReports} (snapshots, lots and trades).
 */
public final class Portfolio implements AutoCloseable
{
    public static final int NO_ID = -1;

    private static final Logger LOG = LogManager.getLogger(Portfolio.class);

    /** Where a crash test stops a fill (package-private hook; null in production). */
    enum CrashPoint
    {
        LOT_WRITTEN, TRADE_WRITTEN, POSITION_SLOT_WRITTEN, POSITION_COMMITTED, CASH_SLOT_WRITTEN, CASH_COMMITTED
    }

    @FunctionalInterface
    interface CrashHook
    {
        void reached(CrashPoint point);
    }

    private final PortfolioStore store;
    private final PortfolioConfiguration configuration;

    private final PortfolioIds ids;
    private final CommittedCopy copy;
    private final PortfolioEntries entries;
    private final DailyEquity equity;
    private final FifoLots lots;
    private final FillBooker booker;
    private final PortfolioReports reports;

    private boolean closed;

    private Portfolio(final PortfolioConfiguration configuration, final PortfolioStore store)
    {
        this.configuration = configuration;
        this.store = store;
        this.ids = new PortfolioIds(store.names);
        this.copy = new CommittedCopy(ids);
        this.entries = new PortfolioEntries(store, ids, copy);
        this.equity = new DailyEquity(store.equity, configuration.clock(), ids, copy);
        this.lots = new FifoLots(store);
        this.booker = new FillBooker(store, ids, copy, entries, lots, equity);
        this.reports = new PortfolioReports(store, ids, copy, lots);
    }

    /**
     * Opens the portfolio in the configured directory, creating it when new and recovering it when its
     * last writer died. The first open in a JVM takes a few seconds (Chronicle Map warms up).
     *
     * @throws PortfolioException when the directory is in use or damaged; the message names the file.
     */
    public static Portfolio open(final PortfolioConfiguration configuration)
    {
        configuration.conclude();
        final PortfolioStore store = PortfolioStore.open(configuration);
        final Portfolio portfolio = new Portfolio(configuration, store);
        try
        {
            portfolio.load();
            for (final String account : configuration.initialCash().keySet())
            {
                portfolio.accountId(account);
            }
            return portfolio;
        }
        catch (final RuntimeException ex)
        {
            store.close(false);
            throw ex;
        }
    }

    /** @return true when this open found that the last writer had died and recovered the maps. */
    public boolean recoveredFromCrash()
    {
        return store.recovered;
    }

    // ---------------------------------------------------------------------------------------------
    // Ids: not on the fill path. The OMS interns an order's account and symbol when it accepts it.
    // ---------------------------------------------------------------------------------------------

    /** @return the account's id, creating the account with its configured initial cash on first use. */
    public int accountId(final String account)
    {
        final int known = ids.findAccount(account);
        if (known != NO_ID)
        {
            return known;
        }
        if (account == null || account.isEmpty())
        {
            throw new IllegalArgumentException("account name is empty");
        }
        // The name first: an id whose name was never written is free again after a crash.
        final int id = ids.nameAccount(account);
        addAccount(id);
        openCash(id, configuration.initialCash(account));
        return id;
    }

    /** @return the symbol's id, creating it on first use. */
    public int symbolId(final String symbol)
    {
        final int known = ids.findSymbol(symbol);
        if (known != NO_ID)
        {
            return known;
        }
        if (symbol == null || symbol.isEmpty())
        {
            throw new IllegalArgumentException("symbol is empty");
        }
        final int id = ids.nameSymbol(symbol);
        copy.addSymbol(id);
        entries.createMark(id);
        return id;
    }

    /** @return the id, or {@link #NO_ID} when the portfolio has not seen the account. */
    public int findAccountId(final String account)
    {
        return ids.findAccount(account);
    }

    public int findSymbolId(final String symbol)
    {
        return ids.findSymbol(symbol);
    }

    public String accountName(final int accountId)
    {
        return ids.accountName(accountId);
    }

    public String symbolName(final int symbolId)
    {
        return ids.symbolName(symbolId);
    }

    public int accountCount()
    {
        return ids.accountCount();
    }

    /** Creates the position's entry ahead of its first fill, so that fill does not pay for the insert. */
    public void openPosition(final int accountId, final int symbolId)
    {
        if (!ids.isAccount(accountId) || !ids.isSymbol(symbolId))
        {
            throw new IllegalArgumentException("unknown account " + accountId + " or symbol " + symbolId);
        }
        if (copy.indexOf(Cells.pack(accountId, symbolId)) == NO_ID)
        {
            entries.createPosition(accountId, symbolId);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The fill path.
    // ---------------------------------------------------------------------------------------------

    /**
     * Books a fill into its position (FIFO lots, realized P&amp;L) and its account's cash, unless this
     * fill id was booked before. Allocation-free once the position exists.
     *
     * @param fillId            unique, rising with every fill the OMS books; at least 1.
     * @param side              BUY and BUY_MINUS buy; the sell sides sell (a sell below zero goes short).
     * @param qty               positive, qty scale 1e4.
     * @param price             positive, price scale 1e8.
     * @param transactTimeNanos kept with the trade's P&amp;L record.
     */
    public FillOutcome applyFill(
        final long fillId,
        final int accountId,
        final int symbolId,
        final Side side,
        final long qty,
        final long price,
        final long transactTimeNanos)
    {
        return booker.apply(fillId, accountId, symbolId, side, qty, price, transactTimeNanos);
    }

    /** Sets the symbol's last price, from which unrealized P&amp;L and market values are taken. */
    public void mark(final int symbolId, final long price)
    {
        if (!ids.isSymbol(symbolId) || price <= 0)
        {
            throw new IllegalArgumentException("mark of unknown symbol " + symbolId + " or price " + price);
        }
        equity.checkDay();
        entries.mark(symbolId, price);
    }

    /**
     * The business thread's timer, every second or so: samples the equity curve when a UTC day has
     * ended (for days without fills or marks) and makes the next trade log file ahead of need.
     */
    public void onClock()
    {
        equity.checkDay();
        try
        {
            if (store.tradeLog.prepareNext())
            {
                LOG.info("Portfolio {}: next trade log file made", store.directory);
            }
        }
        catch (final IOException ex)
        {
            LOG.error("Cannot make the next trade log file in {}: the fill that needs it will try again",
                store.directory, ex);
        }
    }

    void crashHook(final CrashHook hook)
    {
        booker.crashHook(hook);
    }

    PortfolioStore store()
    {
        return store;
    }

    // ---------------------------------------------------------------------------------------------
    // Valuation: allocation-free, from the on-heap copy of the committed state.
    // ---------------------------------------------------------------------------------------------

    public long cash(final int accountId)
    {
        return copy.cash(accountId);
    }

    public long quantity(final int accountId, final int symbolId)
    {
        return copy.quantity(accountId, symbolId);
    }

    public long costBasis(final int accountId, final int symbolId)
    {
        return copy.costBasis(accountId, symbolId);
    }

    public long realizedPnl(final int accountId, final int symbolId)
    {
        return copy.realizedPnl(accountId, symbolId);
    }

    public long unrealizedPnl(final int accountId, final int symbolId)
    {
        return copy.unrealizedPnl(accountId, symbolId);
    }

    /** @return the symbol's last mark, or {@link FixedPoint#NONE}. */
    public long lastPrice(final int symbolId)
    {
        return copy.lastPrice(symbolId);
    }

    public long realizedPnl(final int accountId)
    {
        return copy.realizedPnl(accountId);
    }

    public long unrealizedPnl(final int accountId)
    {
        return copy.unrealizedPnl(accountId);
    }

    /** Cash plus the market value of every position (at cost where unmarked): the account's equity. */
    public long portfolioValue(final int accountId)
    {
        return copy.portfolioValue(accountId);
    }

    /** Sum of |market value| over the account's positions. */
    public long grossExposure(final int accountId)
    {
        return copy.grossExposure(accountId);
    }

    /** Sum of signed market value: long minus short. */
    public long netExposure(final int accountId)
    {
        return copy.netExposure(accountId);
    }

    /** Portfolio value summed over every account. */
    public long totalValue()
    {
        return copy.totalValue();
    }

    // ---------------------------------------------------------------------------------------------
    // Reports: these allocate and are meant for the admin endpoint, reports and tests.
    // ---------------------------------------------------------------------------------------------

    public long appliedFills()
    {
        return booker.applied();
    }

    /** Fills whose position was booked before a crash and whose cash was booked after it. */
    public long completedFills()
    {
        return booker.completed();
    }

    public long duplicateFills()
    {
        return booker.duplicates();
    }

    public long rejectedFills()
    {
        return booker.rejected();
    }

    /** @return the position as committed in its map entry, or null when the account never traded it. */
    public PositionSnapshot position(final int accountId, final int symbolId)
    {
        return reports.position(accountId, symbolId);
    }

    /** @return every position the account has traded, flat ones included, in symbol id order. */
    public List<PositionSnapshot> positions(final int accountId)
    {
        return reports.positions(accountId);
    }

    /** @return the open lots, oldest first, with signed quantities. */
    public List<Lot> lots(final int accountId, final int symbolId)
    {
        return reports.lots(accountId, symbolId);
    }

    /** @return the realized P&amp;L of a closing fill, or null when the fill closed nothing (or is unknown). */
    public TradePnl trade(final long fillId)
    {
        return reports.trade(fillId);
    }

    /** @return the account's closing fills, in fill id order. */
    public List<TradePnl> trades(final int accountId)
    {
        return reports.trades(accountId);
    }

    /** P&amp;L of the account since the start of the current UTC day, ISO week or month. */
    public PeriodPnl pnl(final int accountId, final PnlPeriod period)
    {
        return equity.pnl(accountId, period);
    }

    /** @return epoch days of the account's daily closes, oldest first (the first is its opening cash). */
    public long[] equityCurveDays(final int accountId)
    {
        return equity.days(accountId);
    }

    /** @return the account's daily closing equity in currency units, oldest first: for return analytics. */
    public double[] equityCurve(final int accountId)
    {
        return equity.equityCurve(accountId);
    }

    /** @return simple daily returns {@code e[i] / e[i-1] - 1} of the equity curve (one fewer than closes). */
    public double[] dailyReturns(final int accountId)
    {
        return equity.dailyReturns(accountId);
    }

    /** Closes the maps and marks the directory clean, so the next open needs no recovery. */
    @Override
    public void close()
    {
        if (!closed)
        {
            closed = true;
            store.close(true);
        }
    }

    /** Closes without the clean mark, as a killed process would leave the directory (crash tests). */
    void abandon()
    {
        if (!closed)
        {
            closed = true;
            store.close(false);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Loading and creating entries.
    // ---------------------------------------------------------------------------------------------

    private void load()
    {
        ids.load();
        for (int accountId = 0; accountId < ids.accountCount(); accountId++)
        {
            addAccount(accountId);
        }
        for (int symbolId = 0; symbolId < ids.symbolCount(); symbolId++)
        {
            copy.addSymbol(symbolId);
        }

        equity.load();
        for (int accountId = 0; accountId < ids.accountCount(); accountId++)
        {
            if (!entries.loadCash(accountId))
            {
                // The writer died between naming the account and creating its cash.
                openCash(accountId, configuration.initialCash(ids.accountName(accountId)));
            }
        }
        entries.loadMarks();
        entries.loadPositions();

        final int erased = store.tradeLog.recover(copy::booked);
        if (erased > 0)
        {
            LOG.warn("Portfolio recovery erased the trade record of a fill its position had not booked");
        }
        if (store.recovered)
        {
            lots.sweepOrphans();
        }
        LOG.info("Portfolio {} open: {} accounts, {} symbols, {} positions{}", store.directory,
            ids.accountCount(), ids.symbolCount(), copy.positionCount(),
            store.recovered ? " (recovered after an unclean shutdown)" : "");
    }

    private void addAccount(final int id)
    {
        copy.addAccount(id);
        equity.ensureAccount(id);
    }

    /** The account's cash entry with its initial cash, which is also its equity curve's opening balance. */
    private void openCash(final int accountId, final long initialCash)
    {
        entries.createCash(accountId, initialCash);
        equity.openingBalance(accountId, initialCash);
    }
}

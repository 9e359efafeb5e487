package dev.bastion.oms.portfolio;

import dev.bastion.oms.portfolio.Cells.LongCell;
import net.openhft.chronicle.map.ChronicleMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Account and symbol names and their dense ids, given in order of first use and kept in {@code names.cm}.
 * A name is written before anything else about its account or symbol, so an id whose name was never written
 * is free again after a crash. Not on the fill path: the OMS interns an order's account and symbol when it
 * accepts it.
 */
final class PortfolioIds
{
    private static final String ACCOUNT_PREFIX = "A:";
    private static final String SYMBOL_PREFIX = "S:";

    private final ChronicleMap<CharSequence, LongCell> names;
    private final LongCell cellValue = new LongCell().onHeap();
    private final LongCell cellView = new LongCell();
    private final Map<String, Integer> accountIds = new HashMap<>();
    private final Map<String, Integer> symbolIds = new HashMap<>();
    private String[] accountNames = new String[16];
    private String[] symbolNames = new String[16];
    private int accountCount;
    private int symbolCount;

    PortfolioIds(final ChronicleMap<CharSequence, LongCell> names)
    {
        this.names = names;
    }

    /** Reads every name written before, in id order. */
    void load()
    {
        final StringBuilder name = new StringBuilder();
        final List<Object[]> accounts = new ArrayList<>();
        final List<Object[]> symbols = new ArrayList<>();
        names.forEachEntry(entry ->
        {
            name.setLength(0);
            final String full = entry.key().getUsing(name).toString();
            final int id = (int)entry.value().getUsing(cellView).get();
            if (full.startsWith(ACCOUNT_PREFIX))
            {
                accounts.add(new Object[] {id, full.substring(ACCOUNT_PREFIX.length())});
            }
            else if (full.startsWith(SYMBOL_PREFIX))
            {
                symbols.add(new Object[] {id, full.substring(SYMBOL_PREFIX.length())});
            }
        });
        accounts.sort((a, b) -> Integer.compare((Integer)a[0], (Integer)b[0]));
        symbols.sort((a, b) -> Integer.compare((Integer)a[0], (Integer)b[0]));
        for (final Object[] account : accounts)
        {
            addAccount((Integer)account[0], (String)account[1]);
        }
        for (final Object[] symbol : symbols)
        {
            addSymbol((Integer)symbol[0], (String)symbol[1]);
        }
    }

    /** @return the account's id, or {@link Portfolio#NO_ID}. */
    int findAccount(final String account)
    {
        final Integer known = accountIds.get(account);
        return known == null ? Portfolio.NO_ID : known;
    }

    /** @return the symbol's id, or {@link Portfolio#NO_ID}. */
    int findSymbol(final String symbol)
    {
        final Integer known = symbolIds.get(symbol);
        return known == null ? Portfolio.NO_ID : known;
    }

    /** Writes a new account's name with the next id. @return the id. */
    int nameAccount(final String account)
    {
        final int id = accountCount;
        names.put(ACCOUNT_PREFIX + account, cellValue.set(id));
        addAccount(id, account);
        return id;
    }

    /** Writes a new symbol's name with the next id. @return the id. */
    int nameSymbol(final String symbol)
    {
        final int id = symbolCount;
        names.put(SYMBOL_PREFIX + symbol, cellValue.set(id));
        addSymbol(id, symbol);
        return id;
    }

    String accountName(final int accountId)
    {
        return isAccount(accountId) ? accountNames[accountId] : null;
    }

    String symbolName(final int symbolId)
    {
        return isSymbol(symbolId) ? symbolNames[symbolId] : null;
    }

    int accountCount()
    {
        return accountCount;
    }

    int symbolCount()
    {
        return symbolCount;
    }

    boolean isAccount(final int accountId)
    {
        return accountId >= 0 && accountId < accountCount;
    }

    boolean isSymbol(final int symbolId)
    {
        return symbolId >= 0 && symbolId < symbolCount;
    }

    /** @return the id. @throws IllegalArgumentException when no account has it. */
    int requireAccount(final int accountId)
    {
        if (!isAccount(accountId))
        {
            throw new IllegalArgumentException("unknown account id " + accountId);
        }
        return accountId;
    }

    private void addAccount(final int id, final String account)
    {
        if (id >= accountNames.length)
        {
            accountNames = Arrays.copyOf(accountNames, Math.max(id + 1, accountNames.length * 2));
        }
        accountNames[id] = account;
        accountIds.put(account, id);
        accountCount = Math.max(accountCount, id + 1);
    }

    private void addSymbol(final int id, final String symbol)
    {
        if (id >= symbolNames.length)
        {
            symbolNames = Arrays.copyOf(symbolNames, Math.max(id + 1, symbolNames.length * 2));
        }
        symbolNames[id] = symbol;
        symbolIds.put(symbol, id);
        symbolCount = Math.max(symbolCount, id + 1);
    }
}

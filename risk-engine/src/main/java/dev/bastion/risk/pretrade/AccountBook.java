package dev.bastion.risk.pretrade;

import org.agrona.collections.IntHashSet;

import java.util.Arrays;
import java.util.Map;

/**
 * The accounts the checks know, by a dense id: the configured ones from the start, others on first sight
 * with the default limits (for an order only when unknown accounts are allowed).
 */
final class AccountBook
{
    private final boolean allowUnknownAccounts;
    private final AccountLimits defaultLimits;
    private final Map<String, AccountLimits> accountLimits;
    private final long softBrakePpm;
    private final long warningPpm;
    private final SymbolBook symbols;
    private final CharSequenceIds ids;
    private AccountRisk[] accounts;

    AccountBook(final PreTradeConfiguration configuration, final SymbolBook symbols, final long now)
    {
        allowUnknownAccounts = configuration.allowUnknownAccounts();
        defaultLimits = configuration.defaultAccountLimits();
        accountLimits = configuration.accountLimits();
        softBrakePpm = configuration.softBrakeScalePpm();
        warningPpm = configuration.warningThresholdPpm();
        this.symbols = symbols;
        ids = new CharSequenceIds(configuration.expectedAccounts());
        accounts = new AccountRisk[Math.max(16, configuration.expectedAccounts())];
        for (final String account : accountLimits.keySet())
        {
            create(account, now);
        }
    }

    /** @return the account, or null when never seen. */
    AccountRisk find(final CharSequence accountName)
    {
        final int id = ids.get(accountName);
        return id < 0 ? null : accounts[id];
    }

    /** For an order or a message: the account, made on first sight when unknown accounts are allowed; else null. */
    AccountRisk forOrder(final CharSequence accountName, final long now)
    {
        final int id = ids.get(accountName);
        if (id >= 0)
        {
            return accounts[id];
        }
        return allowUnknownAccounts ? create(accountName, now) : null;
    }

    /** For events about orders the checker let through, or positions the desk books: always an account. */
    AccountRisk findOrCreate(final CharSequence accountName, final long now)
    {
        final int id = ids.get(accountName);
        return id >= 0 ? accounts[id] : create(accountName, now);
    }

    AccountRisk get(final int id)
    {
        return accounts[id];
    }

    int size()
    {
        return ids.size();
    }

    private AccountRisk create(final CharSequence accountName, final long now)
    {
        final int id = ids.intern(accountName);
        final String name = ids.name(id);
        if (id >= accounts.length)
        {
            accounts = Arrays.copyOf(accounts, accounts.length * 2);
        }
        final AccountLimits limits = accountLimits.getOrDefault(name, defaultLimits);
        IntHashSet restricted = null;
        if (!limits.restrictedSymbols.isEmpty())
        {
            restricted = new IntHashSet();
            for (final String symbol : limits.restrictedSymbols)
            {
                restricted.add(symbols.id(symbol));
            }
        }
        final AccountRisk account = new AccountRisk(id, name, limits, restricted, softBrakePpm, warningPpm);
        account.stateSinceNanos = now;
        accounts[id] = account;
        return account;
    }
}

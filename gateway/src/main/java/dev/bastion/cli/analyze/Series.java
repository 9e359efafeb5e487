package dev.bastion.cli.analyze;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A series file: a date column, then one column of prices or returns per symbol. Dates must increase; every
 * cell must be a number. Whether the columns are prices or returns is given, or detected and said so.
 */
final class Series
{
    final String file;
    final List<String> symbols;
    final List<String> dates;
    /** values[t][i]: row t, symbol i, as read. */
    final double[][] values;
    final SeriesKind kind;
    /** How the kind was decided, for the report. */
    final String kindReason;
    /** returns[t][i]: the returns the analysis uses (one row fewer than prices). */
    final double[][] returns;

    private Series(
        final String file, final List<String> symbols, final List<String> dates, final double[][] values,
        final SeriesKind kind, final String kindReason, final double[][] returns)
    {
        this.file = file;
        this.symbols = symbols;
        this.dates = dates;
        this.values = values;
        this.kind = kind;
        this.kindReason = kindReason;
        this.returns = returns;
    }

    /** @param given PRICES or RETURNS from the command line, or null to detect. */
    static Series read(final CsvFile csv, final SeriesKind given)
    {
        final List<String> header = csv.header();
        if (header.size() < 2)
        {
            throw csv.error(1, "expected a date column and at least one symbol column, got " + header);
        }
        final List<String> symbols = List.copyOf(header.subList(1, header.size()));
        final Set<String> seen = new HashSet<>();
        for (final String symbol : symbols)
        {
            if (symbol.isEmpty() || !seen.add(symbol))
            {
                throw csv.error(1, symbol.isEmpty() ? "a symbol column has no name" :
                    "symbol " + symbol + " appears twice");
            }
        }
        final List<CsvFile.Row> rows = csv.rows();
        final double[][] values = new double[rows.size()][symbols.size()];
        final String[] dates = new String[rows.size()];
        Temporal previous = null;
        for (int t = 0; t < rows.size(); t++)
        {
            final CsvFile.Row row = rows.get(t);
            final Temporal date = date(csv, row);
            if (previous != null && !isAfter(date, previous))
            {
                throw csv.error(row.line(), "date " + row.values().get(0) + " is not after the previous row's " +
                    dates[t - 1]);
            }
            previous = date;
            dates[t] = row.values().get(0);
            for (int i = 0; i < symbols.size(); i++)
            {
                values[t][i] = csv.number(row, i + 1);
            }
        }

        final SeriesKind kind;
        final String reason;
        if (given != null)
        {
            kind = given;
            reason = "as given by --" + given.label();
        }
        else
        {
            kind = detect(csv, values);
            reason = kind == SeriesKind.RETURNS ? "detected: every value between -1 and 1; --prices to override" :
                "detected: every value positive, some 1 or above; --returns to override";
        }
        final int needed = kind == SeriesKind.PRICES ? 3 : 2;
        if (rows.size() < needed)
        {
            throw new dev.bastion.cli.UserInputException(csv.name() + ": " + rows.size() + " row(s) of " +
                kind.label() + "; at least " + needed + " are needed");
        }
        final double[][] returns = kind == SeriesKind.RETURNS ? values : toReturns(csv, rows, symbols, values);
        return new Series(csv.name(), symbols, List.of(dates), values, kind, reason, returns);
    }

    int observations()
    {
        return returns.length;
    }

    double[] column(final int symbol)
    {
        final double[] column = new double[returns.length];
        for (int t = 0; t < returns.length; t++)
        {
            column[t] = returns[t][symbol];
        }
        return column;
    }

    /** The last value of a symbol's column (its last price, for a prices file). */
    double last(final int symbol)
    {
        return values[values.length - 1][symbol];
    }

    private static SeriesKind detect(final CsvFile csv, final double[][] values)
    {
        boolean allFractions = true;
        boolean allPositive = true;
        boolean someAboveOne = false;
        for (final double[] row : values)
        {
            for (final double value : row)
            {
                allFractions &= value > -1 && value < 1;
                allPositive &= value > 0;
                someAboveOne |= value >= 1;
            }
        }
        if (allFractions && !allPositive)
        {
            return SeriesKind.RETURNS;
        }
        if (allPositive && someAboveOne)
        {
            return SeriesKind.PRICES;
        }
        throw new dev.bastion.cli.UserInputException(csv.name() + ": cannot tell whether the columns are prices or " +
            "returns (" + (allFractions ? "every value is between 0 and 1" :
            "some values are not positive and some are 1 or more") + "): pass --prices or --returns");
    }

    private static double[][] toReturns(
        final CsvFile csv, final List<CsvFile.Row> rows, final List<String> symbols, final double[][] prices)
    {
        final double[][] returns = new double[prices.length - 1][symbols.size()];
        for (int t = 0; t < prices.length; t++)
        {
            for (int i = 0; i < symbols.size(); i++)
            {
                if (!(prices[t][i] > 0))
                {
                    throw csv.error(rows.get(t).line(), "column " + symbols.get(i) + ": price " + prices[t][i] +
                        " is not positive");
                }
                if (t > 0)
                {
                    returns[t - 1][i] = prices[t][i] / prices[t - 1][i] - 1;
                }
            }
        }
        return returns;
    }

    private static Temporal date(final CsvFile csv, final CsvFile.Row row)
    {
        final String text = row.values().get(0);
        try
        {
            return text.length() <= 10 ? LocalDate.parse(text) : LocalDateTime.parse(text);
        }
        catch (final DateTimeParseException ex)
        {
            throw csv.error(row.line(), "'" + text + "' is not a date like 2025-01-31 (or 2025-01-31T16:00:00)");
        }
    }

    private static boolean isAfter(final Temporal date, final Temporal previous)
    {
        final LocalDateTime current = date instanceof LocalDate day ? day.atStartOfDay() : (LocalDateTime)date;
        final LocalDateTime before = previous instanceof LocalDate day ? day.atStartOfDay() : (LocalDateTime)previous;
        return current.isAfter(before);
    }
}

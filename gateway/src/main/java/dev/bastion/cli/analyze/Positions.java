package dev.bastion.cli.analyze;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The money in each symbol: from a positions file ({@code symbol,value} or {@code symbol,quantity}, a
 * quantity valued at the symbol's last price), or an equal split of a portfolio value.
 */
final class Positions
{
    final double[] exposures;
    final String source;

    private Positions(final double[] exposures, final String source)
    {
        this.exposures = exposures;
        this.source = source;
    }

    static Positions equalWeights(final Series series, final double value)
    {
        final double[] exposures = new double[series.symbols.size()];
        java.util.Arrays.fill(exposures, value / exposures.length);
        return new Positions(exposures, "equal weights of " + String.format(Locale.ROOT, "%,.2f", value) +
            " (no --positions)");
    }

    static Positions read(final CsvFile csv, final Series series)
    {
        final List<String> header = csv.header();
        final String amount = header.size() == 2 ? header.get(1).toLowerCase(Locale.ROOT) : "";
        if (header.size() != 2 || !header.get(0).equalsIgnoreCase("symbol") ||
            !(amount.equals("value") || amount.equals("quantity")))
        {
            throw csv.error(1, "expected the header symbol,value or symbol,quantity, got " + String.join(",", header));
        }
        final boolean quantities = amount.equals("quantity");
        if (quantities && series.kind != SeriesKind.PRICES)
        {
            throw csv.error(1, "quantities need prices to be valued: give values (symbol,value) or a prices file");
        }
        final double[] exposures = new double[series.symbols.size()];
        final Map<String, Long> lines = new HashMap<>();
        for (final CsvFile.Row row : csv.rows())
        {
            final String symbol = row.values().get(0);
            final int index = series.symbols.indexOf(symbol);
            if (index < 0)
            {
                throw csv.error(row.line(), "symbol " + symbol + " is not a column of " + series.file);
            }
            final Long earlier = lines.put(symbol, row.line());
            if (earlier != null)
            {
                throw csv.error(row.line(), "symbol " + symbol + " already has a position on line " + earlier);
            }
            final double number = csv.number(row, 1);
            exposures[index] = quantities ? number * series.last(index) : number;
        }
        if (lines.isEmpty())
        {
            throw new dev.bastion.cli.UserInputException(csv.name() + ": no positions");
        }
        return new Positions(exposures, csv.name() + (quantities ? " (quantities at the last prices)" : ""));
    }

    double net()
    {
        double net = 0;
        for (final double exposure : exposures)
        {
            net += exposure;
        }
        return net;
    }

    double gross()
    {
        double gross = 0;
        for (final double exposure : exposures)
        {
            gross += Math.abs(exposure);
        }
        return gross;
    }
}

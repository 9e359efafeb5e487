package dev.bastion.cli.analyze;

import dev.bastion.cli.UserInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file read strictly, every row kept with its line number so an error can name it. Commons CSV does
 * the quoting; a spreadsheet's byte-order mark is dropped; blank lines are skipped.
 */
final class CsvFile
{
    /** One row and the line it starts on (1 is the header). */
    record Row(long line, List<String> values)
    {
    }

    private final String name;
    private final List<String> header;
    private final List<Row> rows;

    private CsvFile(final String name, final List<String> header, final List<Row> rows)
    {
        this.name = name;
        this.header = header;
        this.rows = rows;
    }

    static CsvFile read(final Path path)
    {
        final String name = path.toString();
        try (Reader reader = new InputStreamReader(
            BOMInputStream.builder().setInputStream(Files.newInputStream(path)).get(), StandardCharsets.UTF_8);
            CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).build()
                .parse(reader))
        {
            final var records = parser.iterator();
            List<String> header = null;
            final List<Row> rows = new ArrayList<>();
            while (true)
            {
                final long line = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext())
                {
                    break;
                }
                final CSVRecord record = records.next();
                final List<String> values = record.toList();
                if (values.size() == 1 && values.get(0).isEmpty())
                {
                    continue;
                }
                if (header == null)
                {
                    header = values;
                }
                else
                {
                    if (values.size() != header.size())
                    {
                        throw new UserInputException(name + " line " + line + ": " + values.size() + " value(s), " +
                            "the header has " + header.size() + " columns");
                    }
                    rows.add(new Row(line, values));
                }
            }
            if (header == null)
            {
                throw new UserInputException(name + ": the file is empty (a header line is expected)");
            }
            return new CsvFile(name, header, rows);
        }
        catch (final NoSuchFileException ex)
        {
            throw new UserInputException(name + ": no such file");
        }
        catch (final UncheckedIOException ex)
        {
            // Commons CSV reports malformed quoting with the line and position in its message
            throw new UserInputException(name + ": " + ex.getCause().getMessage());
        }
        catch (final IOException ex)
        {
            throw new UserInputException(name + ": cannot read it (" + ex.getMessage() + ")");
        }
    }

    String name()
    {
        return name;
    }

    List<String> header()
    {
        return header;
    }

    List<Row> rows()
    {
        return rows;
    }

    UserInputException error(final long line, final String message)
    {
        return new UserInputException(name + " line " + line + ": " + message);
    }

    /** A number from a cell, or an error naming the line and the column. */
    double number(final Row row, final int column)
    {
        final String text = row.values().get(column);
        if (text.isEmpty())
        {
            throw error(row.line(), "column " + header.get(column) + ": empty value");
        }
        try
        {
            final double value = Double.parseDouble(text);
            if (Double.isFinite(value))
            {
                return value;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // reported below
        }
        throw error(row.line(), "column " + header.get(column) + ": '" + text + "' is not a number");
    }
}

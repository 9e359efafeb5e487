package dev.bastion.cli.fixlog;

import dev.bastion.cli.UserInputException;
import dev.bastion.gateway.compliance.ComplianceRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads a compliance log directory oldest first: the rolled daily files
 * ({@code compliance-YYYY-MM-DD.log}, in date order) and then the active file.
 */
final class ComplianceLogReader
{
    private static final String LEGACY_ACTIVE_FILE = "compliance.log";

    private final Path directory;

    ComplianceLogReader(final Path directory)
    {
        this.directory = directory;
    }

    List<Path> files()
    {
        if (!Files.isDirectory(directory))
        {
            throw new UserInputException("no compliance log directory at " + directory);
        }
        final List<Path> rolled = new ArrayList<>();
        try (Stream<Path> entries = Files.list(directory))
        {
            entries.filter(path -> path.getFileName().toString().matches("compliance-\\d{4}-\\d{2}-\\d{2}\\.log"))
                .sorted()
                .forEach(rolled::add);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        // Written by Bastion before the log was kept in day files.
        final Path active = directory.resolve(LEGACY_ACTIVE_FILE);
        if (Files.isRegularFile(active))
        {
            rolled.add(active);
        }
        return rolled;
    }

    /** Every record in order; lines that are not records (a torn last line) are skipped. */
    void forEach(final Consumer<ComplianceRecord> consumer)
    {
        for (final Path file : files())
        {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1))
            {
                String line;
                while ((line = reader.readLine()) != null)
                {
                    final ComplianceRecord record = ComplianceRecord.parse(line);
                    if (record != null)
                    {
                        consumer.accept(record);
                    }
                }
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot read " + file, ex);
            }
        }
    }
}

package dev.bastion.oms.portfolio;

import dev.bastion.oms.portfolio.Cells.LongCell;
import dev.bastion.oms.portfolio.Cells.LongPairCell;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The portfolio's files in its directory, opened for one writer: six Chronicle Maps ({@code positions},
 * {@code overflow-lots}, {@code cash}, {@code marks}, {@code equity}, {@code names}, each {@code .cm}),
 * the {@link TradeLog} segments ({@code trades-NNNNNN.log}), and three small files:
 *
 * <ul>
 *   <li>{@code portfolio.lock}: held while open, so a second process (or a second open in this one)
 *       fails at once instead of writing beside the first.</li>
 *   <li>{@code portfolio.layout}: the sizes the maps were created with, written last when a directory
 *       is initialised. Without it the directory holds nothing booked, whatever files lie there.</li>
 *   <li>{@code portfolio.clean}: written by a clean close and removed on open. Its absence on open
 *       means the last writer died: the maps are then opened with Chronicle's recovery, which resets
 *       the segment locks a killed process may have held.</li>
 * </ul>
 *
 * <p>Chronicle Map marks a file being created as not ready and makes any later open wait a minute
 * for it, then fail. Each map is therefore created under a temporary name and renamed when complete;
 * a file that is still not ready is refused at once with a message instead.
 */
final class PortfolioStore implements AutoCloseable
{
    static final String LOCK_FILE = "portfolio.lock";
    static final String LAYOUT_FILE = "portfolio.layout";
    static final String CLEAN_FILE = "portfolio.clean";
    static final String POSITIONS_FILE = "positions.cm";
    static final String OVERFLOW_LOTS_FILE = "overflow-lots.cm";
    static final String CASH_FILE = "cash.cm";
    static final String MARKS_FILE = "marks.cm";
    static final String EQUITY_FILE = "equity.cm";
    static final String NAMES_FILE = "names.cm";
    static final String TEMP_SUFFIX = ".creating";

    private static final int FORMAT_VERSION = 1;
    private static final int READY_WORD_OFFSET = 8;
    private static final int NOT_COMPLETE_BIT = 0x8000_0000;
    private static final int AVERAGE_NAME_BYTES = 24;
    private static final Logger LOG = LogManager.getLogger(PortfolioStore.class);

    final Path directory;
    final Layout layout;
    final boolean recovered;
    final ChronicleMap<LongCell, PositionRecord> positions;
    final ChronicleMap<LongPairCell, LongPairCell> overflowLots;
    final ChronicleMap<LongCell, CashRecord> cash;
    final TradeLog tradeLog;
    final ChronicleMap<LongCell, LongCell> marks;
    final ChronicleMap<LongCell, LongCell> equity;
    final ChronicleMap<CharSequence, LongCell> names;

    private final FileChannel lockChannel;
    private final List<ChronicleMap<?, ?>> opened = new ArrayList<>();
    private boolean closed;

    /** The sizes a directory was created with: every builder of its maps is made from these. */
    record Layout(
        int inlineLots,
        long maxPositions,
        long maxAccounts,
        long maxSymbols,
        long maxOverflowLots,
        long tradeLogSegmentRecords,
        long maxEquitySamples,
        double maxBloatFactor)
    {
        static Layout of(final PortfolioConfiguration configuration)
        {
            return new Layout(configuration.inlineLots(), configuration.maxPositions(), configuration.maxAccounts(),
                configuration.maxSymbols(), configuration.maxOverflowLots(), configuration.tradeLogSegmentRecords(),
                configuration.maxEquitySamples(), configuration.maxBloatFactor());
        }
    }

    private PortfolioStore(final Path directory, final Layout layout, final boolean recovered, final FileChannel lock)
    {
        this.directory = directory;
        this.layout = layout;
        this.recovered = recovered;
        this.lockChannel = lock;
        final Builders builders = new Builders(layout);
        try
        {
            positions = open(builders.positions(), POSITIONS_FILE);
            overflowLots = open(builders.overflowLots(), OVERFLOW_LOTS_FILE);
            cash = open(builders.cash(), CASH_FILE);
            marks = open(builders.marks(), MARKS_FILE);
            equity = open(builders.equity(), EQUITY_FILE);
            names = open(builders.names(), NAMES_FILE);
            tradeLog = TradeLog.open(directory, layout.tradeLogSegmentRecords());
            Files.deleteIfExists(directory.resolve(CLEAN_FILE));
        }
        catch (final IOException | RuntimeException ex)
        {
            closeMaps();
            releaseLock();
            throw ex instanceof PortfolioException ? (PortfolioException)ex :
                new PortfolioException("Cannot open the portfolio maps in " + directory + ": " + ex.getMessage(), ex);
        }
    }

    static PortfolioStore open(final PortfolioConfiguration configuration)
    {
        final Path directory = configuration.directory().toAbsolutePath();
        try
        {
            Files.createDirectories(directory);
        }
        catch (final IOException ex)
        {
            throw new PortfolioException("Cannot create the portfolio directory " + directory + ": " + ex, ex);
        }
        final FileChannel lock = lock(directory);
        try
        {
            final Path layoutFile = directory.resolve(LAYOUT_FILE);
            if (!Files.exists(layoutFile))
            {
                final Layout layout = Layout.of(configuration);
                initialise(directory, layout);
                return new PortfolioStore(directory, layout, false, lock);
            }
            final Layout layout = readLayout(layoutFile);
            if (!layout.equals(Layout.of(configuration)))
            {
                LOG.warn("Portfolio {} keeps the layout it was created with, {}; the configured {} applies to "
                    + "new directories only", directory, layout, Layout.of(configuration));
            }
            for (final String file : mapFiles())
            {
                requireComplete(directory.resolve(file));
            }
            final boolean clean = Files.exists(directory.resolve(CLEAN_FILE));
            if (!clean)
            {
                LOG.warn("Portfolio {} was not closed cleanly: recovering its maps", directory);
            }
            return new PortfolioStore(directory, layout, !clean, lock);
        }
        catch (final IOException | RuntimeException ex)
        {
            closeQuietly(lock);
            throw ex instanceof PortfolioException ? (PortfolioException)ex :
                new PortfolioException("Cannot open the portfolio in " + directory + ": " + ex.getMessage(), ex);
        }
    }

    /** Closes the maps; a clean close leaves the marker that spares the next open a recovery. */
    void close(final boolean clean)
    {
        if (closed)
        {
            return;
        }
        closed = true;
        closeMaps();
        try
        {
            if (clean)
            {
                Files.write(directory.resolve(CLEAN_FILE), new byte[0]);
            }
        }
        catch (final IOException ex)
        {
            LOG.warn("Cannot write {} in {}: the next open will recover the maps", CLEAN_FILE, directory, ex);
        }
        finally
        {
            releaseLock();
        }
    }

    @Override
    public void close()
    {
        close(true);
    }

    static List<String> mapFiles()
    {
        return List.of(POSITIONS_FILE, OVERFLOW_LOTS_FILE, CASH_FILE, MARKS_FILE, EQUITY_FILE, NAMES_FILE);
    }

    private static FileChannel lock(final Path directory)
    {
        final Path lockFile = directory.resolve(LOCK_FILE);
        FileChannel channel = null;
        try
        {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            final FileLock lock = channel.tryLock();
            if (lock == null)
            {
                throw new PortfolioException("Portfolio directory " + directory + " is in use by another process ("
                    + lockFile + " is locked): one OMS owns a portfolio directory");
            }
            return channel;
        }
        catch (final OverlappingFileLockException ex)
        {
            closeQuietly(channel);
            throw new PortfolioException("Portfolio directory " + directory + " is already open in this process", ex);
        }
        catch (final IOException ex)
        {
            closeQuietly(channel);
            throw new PortfolioException("Cannot lock the portfolio directory " + directory + " (" + lockFile + "): "
                + ex, ex);
        }
        catch (final PortfolioException ex)
        {
            closeQuietly(channel);
            throw ex;
        }
    }

    /**
     * A directory without a layout has booked nothing (the layout is written after every map is
     * complete), so whatever a first start interrupted is removed and the maps are created anew.
     */
    private static void initialise(final Path directory, final Layout layout) throws IOException
    {
        for (final String file : mapFiles())
        {
            Files.deleteIfExists(directory.resolve(file));
            Files.deleteIfExists(directory.resolve(file + TEMP_SUFFIX));
        }
        Files.deleteIfExists(directory.resolve(CLEAN_FILE));
        TradeLog.deleteAll(directory);

        final Builders builders = new Builders(layout);
        createAtomically(builders.positions(), directory.resolve(POSITIONS_FILE));
        createAtomically(builders.overflowLots(), directory.resolve(OVERFLOW_LOTS_FILE));
        createAtomically(builders.cash(), directory.resolve(CASH_FILE));
        createAtomically(builders.marks(), directory.resolve(MARKS_FILE));
        createAtomically(builders.equity(), directory.resolve(EQUITY_FILE));
        createAtomically(builders.names(), directory.resolve(NAMES_FILE));
        writeLayout(directory.resolve(LAYOUT_FILE), layout);
    }

    private static void createAtomically(final ChronicleMapBuilder<?, ?> builder, final Path file) throws IOException
    {
        final Path temp = file.resolveSibling(file.getFileName() + TEMP_SUFFIX);
        Files.deleteIfExists(temp);
        builder.createPersistedTo(temp.toFile()).close();
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Refuses, at once, a map file Chronicle would wait a minute for: absent, empty or never completed. */
    static void requireComplete(final Path file) throws IOException
    {
        if (!Files.exists(file))
        {
            throw new PortfolioException("Portfolio map file " + file + " is missing, but its directory was "
                + "initialised (" + LAYOUT_FILE + " is there): restore the directory from a backup, or remove it "
                + "entirely to start with no positions");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final ByteBuffer header = ByteBuffer.allocate(READY_WORD_OFFSET + Integer.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
            while (header.hasRemaining() && channel.read(header) >= 0)
            {
                // read the fixed header
            }
            if (header.hasRemaining() || (header.getInt(READY_WORD_OFFSET) & NOT_COMPLETE_BIT) != 0)
            {
                throw new PortfolioException("Portfolio map file " + file + " was never completely created "
                    + "(Chronicle Map's readiness flag is unset), so opening it would wait a minute and fail. "
                    + "Bastion creates map files under a temporary name and renames them when complete, so this "
                    + "one was damaged or put there by hand: restore the directory from a backup, or remove it "
                    + "entirely to start with no positions");
            }
        }
    }

    private static Layout readLayout(final Path file) throws IOException
    {
        final Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file))
        {
            properties.load(in);
        }
        try
        {
            final int version = Integer.parseInt(required(properties, file, "format"));
            if (version != FORMAT_VERSION)
            {
                throw new PortfolioException(file + ": format " + version + " is not the " + FORMAT_VERSION
                    + " this Bastion reads");
            }
            return new Layout(
                Integer.parseInt(required(properties, file, "inlineLots")),
                Long.parseLong(required(properties, file, "maxPositions")),
                Long.parseLong(required(properties, file, "maxAccounts")),
                Long.parseLong(required(properties, file, "maxSymbols")),
                Long.parseLong(required(properties, file, "maxOverflowLots")),
                Long.parseLong(required(properties, file, "tradeLogSegmentRecords")),
                Long.parseLong(required(properties, file, "maxEquitySamples")),
                Double.parseDouble(required(properties, file, "maxBloatFactor")));
        }
        catch (final NumberFormatException ex)
        {
            throw new PortfolioException(file + " is damaged: " + ex.getMessage(), ex);
        }
    }

    private static String required(final Properties properties, final Path file, final String key)
    {
        final String value = properties.getProperty(key);
        if (value == null)
        {
            throw new PortfolioException(file + " is damaged: key '" + key + "' is missing");
        }
        return value.trim();
    }

    private static void writeLayout(final Path file, final Layout layout) throws IOException
    {
        final Properties properties = new Properties();
        properties.setProperty("format", Integer.toString(FORMAT_VERSION));
        properties.setProperty("inlineLots", Integer.toString(layout.inlineLots()));
        properties.setProperty("maxPositions", Long.toString(layout.maxPositions()));
        properties.setProperty("maxAccounts", Long.toString(layout.maxAccounts()));
        properties.setProperty("maxSymbols", Long.toString(layout.maxSymbols()));
        properties.setProperty("maxOverflowLots", Long.toString(layout.maxOverflowLots()));
        properties.setProperty("tradeLogSegmentRecords", Long.toString(layout.tradeLogSegmentRecords()));
        properties.setProperty("maxEquitySamples", Long.toString(layout.maxEquitySamples()));
        properties.setProperty("maxBloatFactor", Double.toString(layout.maxBloatFactor()));
        final Path temp = file.resolveSibling(file.getFileName() + TEMP_SUFFIX);
        try (OutputStream out = Files.newOutputStream(temp))
        {
            properties.store(out, "Bastion portfolio layout: the sizes its maps were created with. Do not edit.");
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private <K, V> ChronicleMap<K, V> open(final ChronicleMapBuilder<K, V> builder, final String name)
        throws IOException
    {
        final File file = directory.resolve(name).toFile();
        final ChronicleMap<K, V> map = recovered ? builder.recoverPersistedTo(file, false) :
            builder.createPersistedTo(file);
        opened.add(map);
        return map;
    }

    private void closeMaps()
    {
        if (tradeLog != null)
        {
            tradeLog.close();
        }
        for (final ChronicleMap<?, ?> map : opened)
        {
            try
            {
                map.close();
            }
            catch (final RuntimeException ex)
            {
                LOG.warn("Closing portfolio map {} failed", map.name(), ex);
            }
        }
        opened.clear();
    }

    private void releaseLock()
    {
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(final FileChannel channel)
    {
        if (channel != null)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ex)
            {
                LOG.warn("Closing the portfolio lock failed", ex);
            }
        }
    }

    /** One builder per map, all from the layout, so creation and every later open agree. */
    private static final class Builders
    {
        private final Layout layout;

        Builders(final Layout layout)
        {
            this.layout = layout;
        }

        ChronicleMapBuilder<LongCell, PositionRecord> positions()
        {
            final PositionRecord sample = new PositionRecord(layout.inlineLots()).onHeap();
            return ChronicleMap.of(LongCell.class, PositionRecord.class)
                .name("portfolio-positions")
                .constantKeySizeBySample(new LongCell().onHeap())
                .constantValueSizeBySample(sample)
                .entries(layout.maxPositions())
                .maxBloatFactor(layout.maxBloatFactor())
                .checksumEntries(false);
        }

        ChronicleMapBuilder<LongPairCell, LongPairCell> overflowLots()
        {
            return ChronicleMap.of(LongPairCell.class, LongPairCell.class)
                .name("portfolio-overflow-lots")
                .constantKeySizeBySample(new LongPairCell().onHeap())
                .constantValueSizeBySample(new LongPairCell().onHeap())
                .entries(layout.maxOverflowLots())
                .maxBloatFactor(layout.maxBloatFactor())
                .checksumEntries(false);
        }

        ChronicleMapBuilder<LongCell, CashRecord> cash()
        {
            return ChronicleMap.of(LongCell.class, CashRecord.class)
                .name("portfolio-cash")
                .constantKeySizeBySample(new LongCell().onHeap())
                .constantValueSizeBySample(new CashRecord().onHeap())
                .entries(layout.maxAccounts())
                .maxBloatFactor(layout.maxBloatFactor())
                .checksumEntries(false);
        }

        ChronicleMapBuilder<LongCell, LongCell> marks()
        {
            return ChronicleMap.of(LongCell.class, LongCell.class)
                .name("portfolio-marks")
                .constantKeySizeBySample(new LongCell().onHeap())
                .constantValueSizeBySample(new LongCell().onHeap())
                .entries(layout.maxSymbols())
                .maxBloatFactor(layout.maxBloatFactor())
                .checksumEntries(false);
        }

        ChronicleMapBuilder<LongCell, LongCell> equity()
        {
            return ChronicleMap.of(LongCell.class, LongCell.class)
                .name("portfolio-equity")
                .constantKeySizeBySample(new LongCell().onHeap())
                .constantValueSizeBySample(new LongCell().onHeap())
                .entries(layout.maxEquitySamples())
                .maxBloatFactor(layout.maxBloatFactor())
                .checksumEntries(false);
        }

        ChronicleMapBuilder<CharSequence, LongCell> names()
        {
            return ChronicleMap.of(CharSequence.class, LongCell.class)
                .name("portfolio-names")
                .averageKeySize(AVERAGE_NAME_BYTES)
                .constantValueSizeBySample(new LongCell().onHeap())
                .entries(layout.maxAccounts() + layout.maxSymbols())
                .maxBloatFactor(layout.maxBloatFactor())
                .checksumEntries(false);
        }
    }
}

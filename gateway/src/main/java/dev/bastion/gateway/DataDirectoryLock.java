package dev.bastion.gateway;

import io.aeron.archive.ArchiveMarkFile;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One gateway per data directory, held by an operating-system lock on {@code bastion.lock} for the
 * life of the process. The operating system drops the lock when the process dies, even by
 * SIGKILL, so holding it also proves that the liveness files of the Aeron archive and Artio's
 * engine left in the directory are a dead process's: both refuse to start for 10 s after a crash
 * while their file looks active, and a gateway restarted at once by its supervisor must not wait.
 */
final class DataDirectoryLock implements AutoCloseable
{
    static final String FILE = "bastion.lock";
    private static final Logger LOG = LogManager.getLogger(DataDirectoryLock.class);

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(final FileChannel channel, final FileLock lock)
    {
        this.channel = channel;
        this.lock = lock;
    }

    /** Artio's engine heartbeats in this file and refuses to start for 10 s after a crash too. */
    private static final String ARTIO_ENGINE_INFO = "engine-info";

    static DataDirectoryLock acquire(final Path dataDirectory, final Path archiveDirectory, final Path artioDirectory)
    {
        final Path file = dataDirectory.resolve(FILE);
        try
        {
            final FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = null;
            try
            {
                lock = channel.tryLock();
            }
            catch (final OverlappingFileLockException ex)
            {
                // Held by this JVM already: another gateway in the same process uses the directory.
            }
            if (lock == null)
            {
                channel.close();
                throw new IllegalStateException("data directory " + dataDirectory +
                    " is in use by another Bastion gateway (" + file + " is locked)");
            }
            for (final Path markFile : new Path[]{
                archiveDirectory.resolve(ArchiveMarkFile.FILENAME), artioDirectory.resolve(ARTIO_ENGINE_INFO)})
            {
                if (Files.deleteIfExists(markFile))
                {
                    // The archive leaves its file even after a clean stop, so this says nothing about a crash.
                    LOG.info("Removed the liveness file the previous gateway left: {}", markFile);
                }
            }
            return new DataDirectoryLock(channel, lock);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot lock data directory " + dataDirectory, ex);
        }
    }

    @Override
    public void close()
    {
        try
        {
            lock.release();
            channel.close();
        }
        catch (final IOException ex)
        {
            LOG.warn("Could not release {}", FILE, ex);
        }
    }
}

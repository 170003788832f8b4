package org.fraudstats.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process that runs a home's embedded PostgreSQL: it holds a lock on $FRAUDSTATS_HOME/run/owner, a file
 * naming its pid, for as long as it lives. The operating system drops the lock when the process ends, however
 * it ends, so a server found running while the lock is free was left by an owner that died (kill -9): an
 * orphan to stop. A held lock is a live owner, never an orphan; the server's port and socket folder are in
 * pgdata/postmaster.pid and its password in postgres.password, all a second process of the same user would
 * need to join it.
 */
final class ServerOwner implements AutoCloseable {

    /**
     * Owner files this process holds. A lock is the process's, not a channel's: this process opening and closing
     * the file again would drop its own lock, so a second claim from the same process is refused from here.
     */
    private static final Set<Path> CLAIMED = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private ServerOwner(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Becomes the owner, or refuses when a live process is (home names the home in the refusal). */
    static ServerOwner claim(Path file, Path home) {
        if (!CLAIMED.add(file)) {
            throw inUse(home, "pid " + ProcessHandle.current().pid());
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw inUse(home, Files.readString(file, StandardCharsets.UTF_8).strip());
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new ServerOwner(file, channel, lock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            CLAIMED.remove(file);
            if (e instanceof DatabaseUnavailable refused) {
                throw refused;
            }
            throw new DatabaseUnavailable("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static DatabaseUnavailable inUse(Path home, String owner) {
        return new DatabaseUnavailable("FRAUDSTATS_HOME " + home + " is in use by another fraudstats"
                + (owner.isEmpty() ? "" : " (" + owner + ")") + "; one process at a time can use a home: "
                + "try again when it has finished");
    }

    /** Whether another process holds a lock on this file (an earlier fraudstats's pgdata/epg-lock). */
    static boolean heldElsewhere(Path file) {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException thisProcess) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it anyway
        }
        closeQuietly(channel);
        CLAIMED.remove(file);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock goes with the process anyway
            }
        }
    }
}

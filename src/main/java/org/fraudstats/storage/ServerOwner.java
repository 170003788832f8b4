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
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The processes using a home's embedded PostgreSQL. Each holds a shared lock on $FRAUDSTATS_HOME/run/owner for as
 * long as it uses the server; the operating system drops it when the process ends, however it ends. So:
 * <ul>
 * <li>the first process (no lock held by anyone) starts the server, and writes its pid in the file;</li>
 * <li>a process arriving while others hold the lock joins the running server (its port is in
 * pgdata/postmaster.pid, its password in postgres.password) instead of refusing the home or starting a second
 * server: `serve` runs while `user add`, `rerun` or `metrics` work on the same home;</li>
 * <li>the last process out stops the server; a process leaving while others remain leaves it running;</li>
 * <li>a server found running while nobody holds the lock was left by processes that all died (kill -9): an
 * orphan, stopped and started again by the next process.</li>
 * </ul>
 * Starting, joining and leaving happen one process at a time, under an exclusive lock on run/lock, so a process
 * never joins a server that is still starting or about to stop. File locks belong to a process, not a channel,
 * so two contexts in one JVM (tests) share this process's lock and count themselves here.
 */
final class ServerOwner implements AutoCloseable {

    /** This JVM's users of each home: the file lock is taken once per process. */
    private static final Map<Path, Users> IN_THIS_PROCESS = new HashMap<>();
    /** One thread of this JVM at a time holds a home's run/lock (a second lock() from this JVM would throw). */
    private static final Map<Path, ReentrantLock> TURNS = new HashMap<>();

    private static final class Users {
        final FileChannel channel;
        final FileLock shared;
        int count;

        Users(FileChannel channel, FileLock shared) {
            this.channel = channel;
            this.shared = shared;
        }
    }

    private final Path file;
    private final boolean first;
    private boolean left;

    private ServerOwner(Path file, boolean first) {
        this.file = file;
        this.first = first;
    }

    /** Whether this process found nobody using the home: it starts the server (stopping an orphan first). */
    boolean first() {
        return first;
    }

    /**
     * Runs {@code work} holding the home's turn (run/lock), waiting for it while another process starts, joins or
     * stops the server.
     */
    static <T> T inTurn(Path run, Path home, IoWork<T> work) throws IOException {
        Path lockFile = run.resolve("lock");
        ReentrantLock turn;
        synchronized (TURNS) {
            turn = TURNS.computeIfAbsent(lockFile, f -> new ReentrantLock());
        }
        turn.lock();
        try (FileChannel channel = open(lockFile); FileLock ignored = channel.lock()) {
            return work.run();
        } finally {
            turn.unlock();
        }
    }

    /** Some work on the home that may fail with an I/O error. */
    interface IoWork<T> {
        T run() throws IOException;
    }

    /** Becomes a user of the home's server; call in turn ({@link #inTurn}). */
    static ServerOwner enter(Path file) throws IOException {
        synchronized (IN_THIS_PROCESS) {
            Users here = IN_THIS_PROCESS.get(file);
            if (here != null) {
                here.count++;
                return new ServerOwner(file, false);
            }
            FileChannel channel = open(file);
            try {
                FileLock alone = channel.tryLock();
                boolean first = alone != null;
                if (first) {
                    alone.release();
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                    channel.force(false);
                }
                // nobody can take the exclusive lock between the release and this: every user is in turn
                Users users = new Users(channel, channel.lock(0, Long.MAX_VALUE, true));
                users.count = 1;
                IN_THIS_PROCESS.put(file, users);
                return new ServerOwner(file, first);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }
    }

    /**
     * Stops using the home's server; call in turn.
     *
     * @return whether this was the last user anywhere, who must stop the server
     */
    boolean leave() {
        synchronized (IN_THIS_PROCESS) {
            if (left) {
                return false;
            }
            left = true;
            Users here = IN_THIS_PROCESS.get(file);
            if (here == null || --here.count > 0) {
                return false;
            }
            IN_THIS_PROCESS.remove(file);
            try {
                here.shared.release();
                FileLock alone = here.channel.tryLock();
                if (alone != null) {
                    alone.release();
                    return true;
                }
                return false;
            } catch (IOException | OverlappingFileLockException e) {
                return false;
            } finally {
                closeQuietly(here.channel);
            }
        }
    }

    @Override
    public void close() {
        leave();
    }

    /** The pid the owner file names (the process that started the running server), or "". */
    static String starter(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
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

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }
}

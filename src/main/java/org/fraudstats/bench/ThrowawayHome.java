package org.fraudstats.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The FRAUDSTATS_HOME of one bench run: {@code $FRAUDSTATS_HOME/bench-throwaway/run-…}, created empty (mode 700)
 * for the run and deleted with everything in it when the run ends. Its PostgreSQL, drops and bulletins live and
 * die with it, so nothing the bench empties can be anyone else's.
 *
 * <p>The run holds a lock on a file inside it: a directory whose lock nobody holds is a leftover of a run that was
 * killed, and the next run deletes it before it starts (a PostgreSQL still running in it shuts itself down within
 * a minute of its lock file going). A directory another live bench holds is left alone.
 */
final class ThrowawayHome implements AutoCloseable {

    static final String PARENT = "bench-throwaway";
    static final String PREFIX = "run-";
    private static final String LOCK = "run.lock";

    private final Path parent;
    private final Path root;
    private final FileChannel lockFile;
    private boolean closed;

    private ThrowawayHome(Path parent, Path root, FileChannel lockFile) {
        this.parent = parent;
        this.root = root;
        this.lockFile = lockFile;
    }

    /** A new, empty, locked directory under {@code realHome/bench-throwaway}, after deleting the leftovers there. */
    static ThrowawayHome create(Path realHome) throws IOException {
        // the real home made as every command makes it, owner-only: created here with the umask, it was 0755 until the
        // next real command closed it (review)
        org.fraudstats.storage.FraudstatsHome.ownerOnly(realHome.toAbsolutePath().normalize());
        Path parent = realHome.toAbsolutePath().normalize().resolve(PARENT);
        for (int attempt = 1; ; attempt++) {
            Files.createDirectories(parent);
            deleteLeftovers(parent);
            try {
                Path root = newRunFolder(parent);
                FileChannel channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                channel.lock();
                return new ThrowawayHome(parent, root, channel);
            } catch (NoSuchFileException e) {
                // another bench ending at this very moment removed the empty parent: make it again, once
                if (attempt == 2) {
                    throw e;
                }
            }
        }
    }

    /**
     * run- and eight random letters, owner-only: createTempDirectory's 19 random digits were printed on stderr, a run the
     * account-number scanners the README cites flag (r36c).
     */
    private static Path newRunFolder(Path parent) throws IOException {
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (int tries = 0; ; tries++) {
            StringBuilder name = new StringBuilder(PREFIX);
            for (int i = 0; i < 8; i++) {
                name.append((char) ('a' + random.nextInt(26)));
            }
            try {
                return Files.createDirectory(parent.resolve(name.toString()),
                        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                if (tries == 10) {
                    throw taken;
                }
            }
        }
    }

    Path root() {
        return root;
    }

    /** Deletes the run's directory, and the parent when no other run is in it. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            lockFile.close();
            deleteTree(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the bench's throwaway directory " + root + ": " + e.getMessage(), e);
        }
        try {
            Files.deleteIfExists(parent);
        } catch (DirectoryNotEmptyException othersStillThere) {
            // another bench is running in its own directory beside this one
        } catch (IOException ignored) {
            // an empty folder left behind is harmless, and the next run reuses it
        }
    }

    private static void deleteLeftovers(Path parent) throws IOException {
        List<Path> runs;
        try (Stream<Path> list = Files.list(parent)) {
            runs = list.filter(p -> p.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(p)).toList();
        }
        for (Path run : runs) {
            if (!inUse(run)) {
                try {
                    deleteTree(run);
                } catch (IOException | UncheckedIOException stillBeingWritten) {
                    // its orphaned PostgreSQL is still writing; it stops within a minute and the next run finishes the job
                }
            }
        }
    }

    /** Whether a live bench holds the directory's lock (this one or another process). */
    private static boolean inUse(Path run) throws IOException {
        Path lock = run.resolve(LOCK);
        if (!Files.isRegularFile(lock)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE); FileLock held = channel.tryLock()) {
            return held == null;
        } catch (OverlappingFileLockException heldInThisJvm) {
            return true;
        } catch (NoSuchFileException goneMeanwhile) {
            return false;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

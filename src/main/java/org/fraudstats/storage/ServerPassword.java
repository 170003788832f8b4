package org.fraudstats.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The password of the embedded server's superuser (postgres), generated once and kept in
 * $FRAUDSTATS_HOME/postgres.password (0600): with scram-sha-256 the only way in; and that of the application's
 * role ({@link EmbeddedServer#APPLICATION_USER}), kept in $FRAUDSTATS_HOME/fraudstats_app.password (0600). A new
 * superuser password is written beside the file first and takes its name only once the server knows it, so a
 * process killed in between leaves no file naming a password the server never had; a missing or empty file is simply
 * made again. Both are forced to the disk before they take their names ({@link DurableFiles}).
 */
final class ServerPassword {

    static final String FILE = "postgres.password";
    static final String APPLICATION_FILE = EmbeddedServer.APPLICATION_USER + ".password";
    private static final Duration SINGLE_USER_TIMEOUT = Duration.ofMinutes(5);

    private ServerPassword() {
    }

    /**
     * The application role's password, generated when the home has none (a new home, one made before the role
     * existed, or the file deleted, left empty or holding no generated password). The caller sets it on the role at every start, so a process killed between
     * the two leaves nothing the next start does not put right.
     */
    static String application(Path home) throws IOException {
        Path file = home.resolve(APPLICATION_FILE);
        if (!DurableFiles.holdsGeneratedPassword(file)) {
            Path next = home.resolve(APPLICATION_FILE + ".new");
            Files.deleteIfExists(next);
            DurableFiles.writeNew(next, generate() + "\n");
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            DurableFiles.syncFolder(home);
        }
        return read(file);
    }

    private static String generate() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** A fresh password written to postgres.password.new, for initdb --pwfile; {@link #keep} names it. */
    static Path fresh(Path home) throws IOException {
        Path next = home.resolve(FILE + ".new");
        Files.deleteIfExists(next);
        DurableFiles.writeNew(next, generate() + "\n");
        return next;
    }

    /** The server now knows the fresh password: it becomes the home's. */
    static void keep(Path home) throws IOException {
        Files.move(home.resolve(FILE + ".new"), home.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        DurableFiles.syncFolder(home);
    }

    /**
     * The home's password. A data folder without one (made by an earlier fraudstats with trust authentication,
     * or whose password file was deleted, left empty or garbled) gets one, set by PostgreSQL in single-user mode: no server running,
     * no network, the password on standard input. The caller owns the home and no server runs on pgdata.
     */
    static String ensure(Path home, Path pgdata, PostgresBinaries binaries) throws IOException {
        Path file = home.resolve(FILE);
        if (!DurableFiles.holdsGeneratedPassword(file)) {
            String password = read(fresh(home));
            // written into the single-user statement (no bind parameters there): only what fresh() generates may pass
            if (!password.matches("[0-9a-f]{64}")) {
                throw new IllegalStateException("a generated password is 64 hex digits");
            }
            PostgresBinaries.Finished set = binaries.run(SINGLE_USER_TIMEOUT,
                    "SET password_encryption = 'scram-sha-256';\nALTER ROLE " + EmbeddedServer.USER + " PASSWORD '" + password + "';\n",
                    "postgres", "--single", "-D", pgdata.toString(), "postgres");
            if (set.exitCode() != 0 || set.output().matches("(?s).*\\b(ERROR|FATAL|PANIC):.*")) {
                throw new DatabaseUnavailable("cannot set the password of the embedded PostgreSQL under " + pgdata + ": " + set.cause());
            }
            keep(home);
        }
        return read(file);
    }

    /** The password of a home whose server runs (a process joining it). */
    static String current(Path home) throws IOException {
        return read(home.resolve(FILE));
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }
}

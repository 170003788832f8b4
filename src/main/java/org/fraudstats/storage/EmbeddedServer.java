package org.fraudstats.storage;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.postgresql.PGConnection;

/**
 * The PostgreSQL server fraudstats runs under $FRAUDSTATS_HOME/pgdata when no SPRING_DATASOURCE_URL is given. It
 * is a production database: durable (fsync and synchronous commit on) and closed to other local users (password
 * authentication only, scram-sha-256; the Unix socket in the owner-only folder run/; TCP on 127.0.0.1 only,
 * which pgjdbc needs). The application connects as a role of its own that owns nothing
 * ({@link #APPLICATION_USER}); the superuser runs the migrations. Started by the first process on the home, joined
 * by the others (`serve` and the other commands at once), stopped by the last one out; found running with nobody using it after a kill -9, it is
 * stopped cleanly and started again, so the next command works at once.
 */
public final class EmbeddedServer implements AutoCloseable {

    /** The superuser: owner of every object, used for the migrations (and by the bench's throwaway server) alone. */
    static final String USER = "postgres";
    /**
     * The application's login role: owns nothing, holds the rights granted after each migration
     * (sql/storage/application-grants.sql, {@link ApplicationRoleGrants}), so no bug or injected statement of the
     * application can drop or alter a table, or the audit log's trigger.
     */
    static final String APPLICATION_USER = "fraudstats_app";
    /** Long enough for crash recovery (replaying the WAL after a power cut) on a large database. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    /** A Unix socket's path is at most 107 bytes: sun_path holds 108 with the closing NUL. */
    private static final int SOCKET_PATH_MAX = 107;
    private static final String HBA = """
            # Written by fraudstats at every start (README, "Where data lives"): only a client holding the password
            # in $FRAUDSTATS_HOME/postgres.password, through the owner-only socket folder or from this machine.
            local  all  all                scram-sha-256
            host   all  all  127.0.0.1/32  scram-sha-256
            """;

    private final Path home;
    private final Path pgdata;
    private final Path socketFolder;
    private final Path serverLog;
    private final PostgresBinaries binaries;
    private final ServerOwner owner;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private String password;
    private String applicationPassword;
    private int port;
    private boolean durable = true;
    /** postgres.log's size once the server was up for this process: what the server logged later, it logged under it. */
    private volatile long logWhenUp;

    private EmbeddedServer(Path home, PostgresBinaries binaries, ServerOwner owner) {
        this.home = home;
        this.pgdata = home.resolve("pgdata");
        this.socketFolder = home.resolve("run");
        this.serverLog = home.resolve("postgres.log");
        this.binaries = binaries;
        this.owner = owner;
    }

    /**
     * Starts the home's server, or joins it when another process of this user runs it (`serve` and any other
     * command at once, see {@link ServerOwner}).
     *
     * @param durable false only for a throwaway database (bench): fsync and synchronous commit off
     */
    static EmbeddedServer start(Path home, PostgresBinaries binaries, boolean durable) {
        Path run;
        try {
            run = FraudstatsHome.ownerOnlyFolder(home.resolve("run"));
        } catch (IOException e) {
            throw new DatabaseUnavailable("cannot create " + home.resolve("run") + ": " + e.getMessage(), e);
        }
        try {
            return ServerOwner.inTurn(run, home, () -> {
                ServerOwner owner = ServerOwner.enter(run.resolve("owner"));
                EmbeddedServer server = new EmbeddedServer(home, binaries, owner);
                try {
                    if (owner.first()) {
                        server.open(durable);
                    } else {
                        server.join();
                    }
                    server.logWhenUp = server.logSize();
                    return server;
                } catch (IOException | RuntimeException e) {
                    owner.leave();
                    throw e;
                }
            });
        } catch (IOException | RuntimeException e) {
            throw e instanceof DatabaseUnavailable known ? known
                    : new DatabaseUnavailable("cannot start the embedded PostgreSQL under " + home.resolve("pgdata") + ": " + e.getMessage(), e);
        }
    }

    /** Whether this process started the server (false: it joined one another process runs). */
    boolean started() {
        return owner.first();
    }

    String jdbcUrl() {
        return jdbcUrl(port);
    }

    /** The password goes to a server asking for it by scram-sha-256 alone ({@link ScramOnlyPassword}). */
    static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?authenticationPluginClassName=" + ScramOnlyPassword.class.getName();
    }

    String password() {
        return password;
    }

    String applicationPassword() {
        return applicationPassword;
    }

    private void open(boolean durable) throws IOException {
        if (ServerOwner.heldElsewhere(pgdata.resolve("epg-lock"))) {
            throw new DatabaseUnavailable("FRAUDSTATS_HOME " + home + " is in use by an earlier version of fraudstats; "
                    + "one process at a time can use a home: try again when it has finished");
        }
        if (!Files.exists(pgdata.resolve("PG_VERSION"))) {
            initdb();
        }
        // closed as the home is: a restore that did not keep the modes left it open, and PostgreSQL refused to start
        // with "data directory has invalid permissions", which said nothing of what to do (r37e)
        FraudstatsHome.ownerOnlyFolder(pgdata);
        OrphanServer.stopIfAny(pgdata, binaries);
        password = ServerPassword.ensure(home, pgdata, binaries);
        writeIfChanged(pgdata.resolve("pg_hba.conf"), HBA);
        this.durable = durable;
        port = startPostmaster(durable, 0);
        checkPassword();
        try {
            applicationRole();
        } catch (IOException | RuntimeException e) {
            stopQuietly();
            throw e;
        }
    }

    /**
     * Uses the server another fraudstats of this user runs on the home: its port from pgdata/postmaster.pid,
     * the password from the home. Never stops it: the last process out does.
     */
    private void join() throws IOException {
        Path pidFile = pgdata.resolve("postmaster.pid");
        List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile, StandardCharsets.UTF_8) : List.of();
        if (lines.size() < 4 || !lines.get(3).strip().matches("[0-9]+")) {
            throw new DatabaseUnavailable("FRAUDSTATS_HOME " + home + " is in use by another fraudstats ("
                    + ServerOwner.starter(socketFolder.resolve("owner")) + ") but its PostgreSQL is not running (no port in "
                    + pidFile + "); stop that process and try again");
        }
        port = Integer.parseInt(lines.get(3).strip());
        password = ServerPassword.current(home);
        Properties credentials = new Properties();
        credentials.setProperty("user", USER);
        credentials.setProperty("password", password);
        try (var connection = DriverManager.getConnection(jdbcUrl(), credentials)) {
            connection.isValid(5);
        } catch (SQLException e) {
            if (running()) {
                throw new DatabaseUnavailable("the embedded PostgreSQL under " + pgdata + ", run by another fraudstats ("
                        + ServerOwner.starter(socketFolder.resolve("owner")) + "), refused this one: " + e.getMessage(), e);
            }
            // killed under the process that runs it, whose watch has not looked yet: started again here, on the port
            // that process's pool connects to, where this command was told to stop that process (review)
            OrphanServer.stopIfAny(pgdata, binaries);
            writeIfChanged(pgdata.resolve("pg_hba.conf"), HBA);
            startPostmaster(durable, port);
        }
        // the running server may have been started by an earlier fraudstats, which made no application role
        applicationRole();
    }

    /**
     * Makes or puts back the application's role and sets its password from the home (made if missing), in turn:
     * at every start, so a home made by an earlier version gets one, and a deleted password file a new password.
     * The password goes to the server as a SCRAM verifier computed here, never in clear.
     */
    private void applicationRole() throws IOException {
        Properties credentials = new Properties();
        credentials.setProperty("user", USER);
        credentials.setProperty("password", password);
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), credentials);
             Statement statement = connection.createStatement()) {
            statement.execute(SqlFiles.load("storage/application-role.sql"));
            applicationPassword = ServerPassword.application(home);
            connection.unwrap(PGConnection.class).alterUserPassword(APPLICATION_USER, applicationPassword.toCharArray(), "scram-sha-256");
        } catch (SQLException e) {
            throw new DatabaseUnavailable("cannot make the application's role " + APPLICATION_USER + " on the embedded PostgreSQL under "
                    + pgdata + ": " + e.getMessage(), e);
        }
    }

    /** A new data folder, made beside pgdata and renamed: a process killed during initdb leaves no half folder. */
    private void initdb() throws IOException {
        if (Files.exists(pgdata)) {
            try (Stream<Path> content = Files.list(pgdata)) {
                if (content.anyMatch(p -> !p.getFileName().toString().equals("epg-lock"))) {
                    throw new DatabaseUnavailable(pgdata + " is not a PostgreSQL data folder (no PG_VERSION) but is not empty either: "
                            + "move it away and try again");
                }
            }
        }
        Path fresh = home.resolve("pgdata.new");
        PostgresBinaries.deleteTree(fresh);
        Path passwordFile = ServerPassword.fresh(home);
        // The C locale whatever the environment's: text sorts and compares by code point, so the text keys' indexes
        // (case_id, freeze_id…) cannot be silently corrupted by an operating-system upgrade that changes a
        // language's collation, the server's messages stay English for the errors the loader names, and a
        // statistician's home behaves alike on every machine. Data checksums: a page the disk corrupted is an error
        // when read, not figures silently wrong (review 32b; homes made before 2026-12-06 have none).
        PostgresBinaries.Finished initdb = binaries.run(START_TIMEOUT, null, "initdb", "-D", fresh.toString(), "-U", USER,
                "--auth=scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF-8", "--no-locale", "--data-checksums", "--no-instructions");
        if (initdb.exitCode() != 0) {
            throw new DatabaseUnavailable("cannot create the embedded PostgreSQL under " + pgdata + ": initdb: " + initdb.cause());
        }
        PostgresBinaries.deleteTree(pgdata);
        Files.move(fresh, pgdata, StandardCopyOption.ATOMIC_MOVE);
        ServerPassword.keep(home);
    }

    /**
     * Starts the server again, on the port this process's pool connects to, when it has gone while this process
     * uses it (its postmaster killed: kill -9, the kernel's OOM killer). Without it `serve` answered nothing but
     * "database not reachable" until someone restarted it, where any command run meanwhile would have started
     * the server itself (tester). In turn with every other process on the home; PostgreSQL's crash recovery makes
     * the data what was committed.
     *
     * @return the port it was started on again, or -1 when it was running (or this process is leaving)
     */
    int startAgainIfGone() throws IOException {
        return ServerOwner.inTurn(socketFolder, home, () -> {
            if (stopped.get() || running()) {
                return -1;
            }
            OrphanServer.stopIfAny(pgdata, binaries);
            writeIfChanged(pgdata.resolve("pg_hba.conf"), HBA);
            startPostmaster(durable, port);
            return port;
        });
    }

    /**
     * Whether the postmaster named by postmaster.pid is alive and is this folder's: a pid taken by another program
     * after the server was killed read as the server running, and the watch never started it again.
     */
    private boolean running() throws IOException {
        Path pidFile = pgdata.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
        return !lines.isEmpty() && lines.get(0).strip().matches("[0-9]+")
                && ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive)
                        .map(process -> OrphanServer.isThisFoldersServer(process, lines, pgdata)).orElse(false);
    }

    /** @param fixedPort the port to start on again (its pools connect there), or 0 for a free one */
    private int startPostmaster(boolean durable, int fixedPort) throws IOException {
        for (int attempt = 1; ; attempt++) {
            int candidate = fixedPort != 0 ? fixedPort : freeLoopbackPort();
            long logBefore = logSize();
            PostgresBinaries.Finished started = binaries.run(START_TIMEOUT.plusMinutes(1), null, "pg_ctl", "start", "-D", pgdata.toString(),
                    "-l", serverLog.toString(), "-w", "-t", Long.toString(START_TIMEOUT.toSeconds()), "-s", "-o", options(candidate, durable));
            if (started.exitCode() == 0) {
                return candidate;
            }
            String cause = logSince(logBefore).orElse(started.cause());
            stopQuietly();
            // the port chosen was free a moment ago; another process may have taken it since
            if (fixedPort == 0 && attempt < 3 && cause.contains("could not bind")) {
                continue;
            }
            // the killed server's last backends may hold its shared memory a moment longer
            if (fixedPort != 0 && attempt < 5 && cause.contains("shared memory")) {
                sleepQuietly(Duration.ofSeconds(1));
                continue;
            }
            throw new DatabaseUnavailable("cannot start the embedded PostgreSQL under " + pgdata + ": " + cause
                    + " (see " + serverLog + ")");
        }
    }

    /** The server's settings, on pg_ctl's -o line (which /bin/sh reads: each quoted). They win over postgresql.conf. */
    private String options(int candidatePort, boolean durable) {
        List<String> options = new ArrayList<>(List.of("-p", Integer.toString(candidatePort),
                "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=" + socketSetting(candidatePort),
                "-c", "unix_socket_permissions=0700",
                "-c", "fsync=" + (durable ? "on" : "off"),
                "-c", "synchronous_commit=" + (durable ? "on" : "off"),
                "-c", "full_page_writes=on",
                "-c", "timezone=UTC",
                // its log in Beijing time (CST, +08), as the application's log and the audit log: in UTC the same event
                // read 8 hours and a calendar day apart (r44b)
                "-c", "log_timezone=Asia/Shanghai",
                "-c", "max_connections=64",
                // a command killed or interrupted mid-query (timeout, Ctrl-C) left its query running on the server until
                // it ended: `metrics --compare pop` over 0001..9999 went on writing 8 GB of sort files with its client
                // gone (r36c); the server now looks for the client every 5 s while a query runs, and no query spills
                // more than 16 GB (the national bench's largest sort needs ~1.5 GB): a one-line error, not a full disk
                "-c", "client_connection_check_interval=5s",
                "-c", "temp_file_limit=16GB"));
        return options.stream().map(o -> "'" + o.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
    }

    /** The owner-only socket folder, or none (TCP alone) when its path is too long for a socket or needs quoting. */
    private String socketSetting(int candidatePort) {
        String folder = socketFolder.toString();
        if ((folder + "/.s.PGSQL." + candidatePort).getBytes(StandardCharsets.UTF_8).length > SOCKET_PATH_MAX || folder.contains("\"")) {
            return "";
        }
        return "\"" + folder + "\"";
    }

    /** Connects once with the password, so that a refusal is reported as what it is, in one line. */
    private void checkPassword() {
        Properties credentials = new Properties();
        credentials.setProperty("user", USER);
        credentials.setProperty("password", password);
        try (var connection = DriverManager.getConnection(jdbcUrl(), credentials)) {
            connection.isValid(5);
        } catch (SQLException e) {
            stopQuietly();
            String hint = "28P01".equals(e.getSQLState()) ? "; delete " + home.resolve(ServerPassword.FILE)
                    + " and fraudstats sets a new password at the next start" : "";
            throw new DatabaseUnavailable("the embedded PostgreSQL under " + pgdata + " refused fraudstats: " + e.getMessage() + hint, e);
        }
    }

    /**
     * Leaves the server; the last process using it stops it (fast: open transactions roll back, a checkpoint is
     * written). A process leaving while another (`serve`) still uses it leaves it running.
     */
    @Override
    public void close() {
        if (stopped.getAndSet(true)) {
            return;
        }
        try {
            ServerOwner.inTurn(socketFolder, home, () -> {
                if (owner.leave()) {
                    binaries.stop(pgdata, "fast");
                }
                return null;
            });
        } catch (IOException e) {
            owner.leave();
        }
    }

    private void stopQuietly() {
        if (Files.exists(pgdata.resolve("postmaster.pid"))) {
            binaries.stop(pgdata, "fast");
        }
    }

    /** The last FATAL/PANIC line the server logged since the log had this many bytes. */
    private Optional<String> logSince(long bytes) throws IOException {
        return lastFailure(logTail(bytes), line -> true);
    }

    /**
     * Why the server failed under this process, in postgres.log's words, when it logged why: a command whose
     * database went away said only "Connection refused" or "Connection is closed", where the log held
     * `PANIC: could not write to file "pg_wal/xlogtemp…": No space left on device` (review 32b). A PANIC only: a FATAL
     * is most often one client's (a bad startup packet, a password tried) and was named as the cause of a shutdown
     * that logged none (review 33d); a server killed logs nothing, and the watch's own line says it started it again.
     */
    public Optional<String> failureLogged() {
        try {
            return lastFailure(logTail(logWhenUp), line -> SERVERS_PANIC.matcher(line).lookingAt());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A PANIC of the server itself: its level right after the line's prefix (log_line_prefix '%m [%p] '), not the words
     * anywhere in a line, where a client could put them as its user name, logged before it is refused (review 33e).
     */
    private static final java.util.regex.Pattern SERVERS_PANIC = java.util.regex.Pattern.compile("\\S+ \\S+ \\S+ \\[\\d+\\] PANIC: ");

    /**
     * The last PANIC, else the last FATAL line of those told (a failed start's: a PANIC is followed by the FATAL lines
     * of the backends it took down).
     */
    static Optional<String> lastFailure(String logged, java.util.function.Predicate<String> telling) {
        List<String> lines = logged.lines().filter(telling).toList();
        for (String level : List.of("PANIC:", "FATAL:")) {
            Optional<String> last = lines.stream().filter(l -> l.contains(level)).reduce((a, b) -> b);
            if (last.isPresent()) {
                return last.map(l -> l.substring(l.indexOf(level)).replaceAll("\\s+", " ").strip());
            }
        }
        return Optional.empty();
    }

    private long logSize() throws IOException {
        return Files.exists(serverLog) ? Files.size(serverLog) : 0;
    }

    /** What the log holds after its first so many bytes, at most its last 64 KB: a log of months is not read whole. */
    private String logTail(long bytes) throws IOException {
        if (!Files.exists(serverLog)) {
            return "";
        }
        try (java.nio.channels.FileChannel log = java.nio.channels.FileChannel.open(serverLog, java.nio.file.StandardOpenOption.READ)) {
            long size = log.size();
            long from = Math.max(Math.min(bytes, size), size - 65_536);
            java.nio.ByteBuffer added = java.nio.ByteBuffer.allocate((int) (size - from));
            while (added.hasRemaining() && log.read(added, from + added.position()) > 0) {
                // read on until the buffer is full or the file ends
            }
            return new String(added.array(), 0, added.position(), StandardCharsets.UTF_8);
        }
    }

    private static void sleepQuietly(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void writeIfChanged(Path file, String content) throws IOException {
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
            return;
        }
        Path temp = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temp);
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}

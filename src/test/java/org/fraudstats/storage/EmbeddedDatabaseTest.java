package org.fraudstats.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.fraudstats.FraudstatsApplication;
import org.fraudstats.cli.Cli;
import org.fraudstats.cli.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded PostgreSQL is a production database: durable, closed to every local user without the password
 * in the home, and a home made by an earlier version (trust authentication, fsync off) is upgraded in place
 * with its data. Each test starts the application as ./fraudstats does, with no SPRING_DATASOURCE_URL.
 */
class EmbeddedDatabaseTest {

    private static final String PASSWORD_FILE = "postgres.password";

    @Test
    void theDatabaseIsDurable(@TempDir Path home) {
        try (ConfigurableApplicationContext app = start(home)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW full_page_writes", String.class)).isEqualTo("on");
            // a query whose command was killed stops within seconds, and none fills the disk (r36c)
            assertThat(jdbc.queryForObject("SHOW client_connection_check_interval", String.class)).isEqualTo("5s");
            assertThat(jdbc.queryForObject("SHOW temp_file_limit", String.class)).isEqualTo("16GB");
            // a page the disk corrupted is an error, not a figure (review 32b)
            assertThat(jdbc.queryForObject("SHOW data_checksums", String.class)).isEqualTo("on");
            // the embedded pool names its process too (storage/ApplicationName)
            assertThat(jdbc.queryForObject("SHOW application_name", String.class)).startsWith("fraudstats " + ProcessHandle.current().pid() + " @");
            // whatever LANG the machine has: no collation an operating-system upgrade could change under the indexes
            assertThat(jdbc.queryForObject("SELECT datcollate || ' ' || datctype || ' ' || pg_encoding_to_char(encoding) "
                    + "FROM pg_database WHERE datname = current_database()", String.class)).isEqualTo("C C UTF8");
        }
    }

    @Test
    void nobodyGetsInWithoutThePasswordKeptInTheHome(@TempDir Path home) throws Exception {
        try (ConfigurableApplicationContext app = start(home)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            int port = jdbc.queryForObject("SHOW port", Integer.class);
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";

            assertThat(refusal(url, null)).isEqualTo("08004");
            assertThat(refusal(url, "a guess")).isEqualTo("28P01");
            assertThat(refusal(url, password(home))).isNull();

            assertThat(jdbc.queryForObject("SHOW listen_addresses", String.class)).isEqualTo("127.0.0.1");
            assertThat(rules(home.resolve("pgdata/pg_hba.conf"))).containsExactly(
                    "local all all scram-sha-256",
                    "host all all 127.0.0.1/32 scram-sha-256");
            assertThat(asOwner(home, app, "SHOW unix_socket_directories")).isEqualTo("\"" + home.resolve("run") + "\"");
            assertThat(home.resolve("run/.s.PGSQL." + port)).exists();
            assertThat(Path.of("/tmp/.s.PGSQL." + port)).doesNotExist();
            assertThat(mode(home)).isEqualTo("rwx------");
            assertThat(mode(home.resolve("run"))).isEqualTo("rwx------");
            assertThat(mode(home.resolve(PASSWORD_FILE))).isEqualTo("rw-------");
        }
        // a home restored by a copy that did not keep the modes: its data folder is closed again, as the home is, and the
        // server starts (PostgreSQL refused, "data directory has invalid permissions", naming no remedy: r37e)
        Files.setPosixFilePermissions(home.resolve("pgdata"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        try (ConfigurableApplicationContext app = start(home)) {
            assertThat(app.getBean(JdbcTemplate.class).queryForObject("SELECT 1", Integer.class)).isOne();
            assertThat(mode(home.resolve("pgdata"))).isEqualTo("rwx------");
        }
    }

    /** As the review did it: another OS user (nobody) with the embedded server's own port and psql. */
    @Test
    void anotherLocalUserCannotConnect(@TempDir Path home) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can act as another user");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runuser")) && onPath("psql"), "needs runuser and psql");
        try (ConfigurableApplicationContext app = start(home)) {
            String port = app.getBean(JdbcTemplate.class).queryForObject("SHOW port", String.class);

            Ran tcp = asNobody("psql", "-w", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-c", "SELECT 1");
            Ran socket = asNobody("psql", "-w", "-h", home.resolve("run").toString(), "-p", port, "-U", "postgres", "-c", "SELECT 1");
            Ran readPassword = asNobody("cat", home.resolve(PASSWORD_FILE).toString());

            assertThat(tcp.exitCode()).isEqualTo(2);
            assertThat(tcp.output()).contains("no password supplied");
            assertThat(socket.exitCode()).isEqualTo(2);
            assertThat(socket.output()).contains("Permission denied");
            assertThat(readPassword.exitCode()).isEqualTo(1);
            assertThat(readPassword.output()).contains("Permission denied");
        }
    }

    @Test
    void aHomeOfAnEarlierVersionIsUpgradedInPlaceWithItsData(@TempDir Path home) throws Exception {
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        String[] october = {"metrics", "--from", "2022-10-01", "--to", "2022-10-03"};
        Ran before;
        // exactly what fraudstats 0.1 started: zonky's initdb -A trust, its socket in /tmp, fsync off
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(home.resolve("pgdata"))
                .setCleanDataDirectory(false).setServerConfig("timezone", "UTC").setServerConfig("max_connections", "50").start()) {
            String[] onEarlier = {"--spring.datasource.url=" + earlier.getJdbcUrl("postgres", "postgres"), "--fraudstats.home=" + home};
            assertThat(cli(onEarlier, "ingest", "--inbox", "samples/inbox", "--from", "2022-10-01", "--to", "2022-10-03").exitCode()).isZero();
            before = cli(onEarlier, october);
        }
        assertThat(Files.readString(home.resolve("pgdata/pg_hba.conf"))).contains("trust");

        Ran after = cli(new String[] {"--fraudstats.home=" + home}, october);

        assertThat(after.exitCode()).as(after.output()).isZero();
        assertThat(after.output()).isEqualTo(before.output()).contains("2022-10-01,2022-10-03,440600,");
        try (ConfigurableApplicationContext app = start(home)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
            int port = jdbc.queryForObject("SHOW port", Integer.class);
            assertThat(refusal("jdbc:postgresql://127.0.0.1:" + port + "/postgres", null)).isEqualTo("08004");
            assertThat(rules(home.resolve("pgdata/pg_hba.conf"))).noneMatch(rule -> rule.contains("trust"));
            assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("fraudstats_app");
            assertThat(mode(home.resolve("fraudstats_app.password"))).isEqualTo("rw-------");
            assertThat(mode(home)).isEqualTo("rwx------");
            assertThat(mode(home.resolve(PASSWORD_FILE))).isEqualTo("rw-------");
        }
        // a home restored by a copy that did not keep the modes: its data folder is closed again, as the home is, and the
        // server starts (PostgreSQL refused, "data directory has invalid permissions", naming no remedy: r37e)
        Files.setPosixFilePermissions(home.resolve("pgdata"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        try (ConfigurableApplicationContext app = start(home)) {
            assertThat(app.getBean(JdbcTemplate.class).queryForObject("SELECT 1", Integer.class)).isOne();
            assertThat(mode(home.resolve("pgdata"))).isEqualTo("rwx------");
        }
    }

    @Test
    void aServerThatCannotStartIsReportedInOneLineNamingWhy(@TempDir Path home) throws Exception {
        start(home).close();
        Files.writeString(home.resolve("pgdata/postgresql.conf"), "shared_buffers = plenty\n", StandardOpenOption.APPEND);

        Ran run = cli(new String[] {"--fraudstats.home=" + home}, "metrics", "--from", "2022-10-01", "--to", "2022-10-01");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).isEqualTo("fraudstats metrics: cannot start the embedded PostgreSQL under " + home.resolve("pgdata")
                + ": FATAL: configuration file \"" + home.resolve("pgdata/postgresql.conf") + "\" contains errors (see "
                + home.resolve("postgres.log") + ")\n");
    }

    /**
     * A command whose database went away names the cause postgres.log gives (a full disk's PANIC), logged while it ran:
     * not a line of an earlier failure, nor a FATAL of a start, a stop or a client (review 32b, 33d).
     */
    @Test
    void theServersOwnCauseOfFailureIsWhatItLoggedOnceUpForThisProcess(@TempDir Path home) throws Exception {
        start(home).close();
        Path log = home.resolve("postgres.log");
        // in Beijing time, as the application's log and the audit log (r44b: in UTC, 8 hours and a day apart)
        assertThat(Files.readString(log)).containsPattern("(?m)^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} CST \\[\\d+\\] "
                + "LOG:  database system is ready to accept connections$");
        Files.writeString(log, "2026-12-01 03:00:00.000 CST [100] PANIC:  could not write to file \"pg_wal/xlogtemp.100\": "
                + "No space left on device\n", StandardOpenOption.APPEND);
        try (ConfigurableApplicationContext app = start(home)) {
            EmbeddedServer server = app.getBean(EmbeddedServer.class);
            assertThat(server.failureLogged()).as("an earlier night's failure").isEmpty();

            Files.writeString(log, "2026-12-06 03:00:00.000 CST [200] FATAL:  the database system is starting up\n"
                    + "2026-12-06 03:00:00.000 CST [201] FATAL:  password authentication failed for user \"postgres\"\n",
                    StandardOpenOption.APPEND);
            assertThat(server.failureLogged()).as("routine lines").isEmpty();
            // one client's FATAL is no cause of a shutdown that logged none (review 33d: named as the cause)
            Files.writeString(log, "2026-12-06 03:00:00.500 CST [202] FATAL:  unsupported frontend protocol 9.9: server supports "
                    + "3.0 to 3.0\n", StandardOpenOption.APPEND);
            assertThat(server.failureLogged()).as("a client's FATAL").isEmpty();
            // nor a PANIC a client put in its user name (review 33e: quoted as the cause)
            Files.writeString(log, "2026-12-06 03:00:00.600 CST [203] FATAL:  password authentication failed for user \"PANIC:  could "
                    + "not write to file x: No space left on device\"\n2026-12-06 03:00:00.600 CST [203] DETAIL:  Role \"PANIC:  disk "
                    + "full\" does not exist.\n", StandardOpenOption.APPEND);
            assertThat(server.failureLogged()).as("a client's words").isEmpty();

            Files.writeString(log, "2026-12-06 03:00:01.000 CST [300] PANIC:  could not write to file \"pg_wal/xlogtemp.300\": "
                    + "No space left on device\n"
                    + "2026-12-06 03:00:01.000 CST [301] FATAL:  could not open file \"base/5/1259\": No such file or directory\n",
                    StandardOpenOption.APPEND);
            assertThat(server.failureLogged()).contains("PANIC: could not write to file \"pg_wal/xlogtemp.300\": No space left on device");
        }
    }

    /**
     * A power cut right after a home's first start could leave its password files empty (written, renamed, never
     * forced: review). The next start makes them again, sets them on the server, and the data is all there.
     */
    @Test
    void passwordFilesLeftEmptyAreMadeAgainAndTheDataStays(@TempDir Path home) throws Exception {
        try (ConfigurableApplicationContext app = start(home)) {
            app.getBean(JdbcTemplate.class).update("INSERT INTO audit_event (action, result) VALUES ('power-cut-probe', 'kept')");
        }
        Files.writeString(home.resolve(PASSWORD_FILE), "");
        // xfs leaves NUL bytes where the data never reached the disk
        Files.write(home.resolve("fraudstats_app.password"), new byte[65]);

        try (ConfigurableApplicationContext app = start(home)) {
            assertThat(app.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT result FROM audit_event WHERE action = 'power-cut-probe'", String.class)).isEqualTo("kept");
            assertThat(password(home)).matches("[0-9a-f]{64}");
            assertThat(Files.readString(home.resolve("fraudstats_app.password")).strip()).matches("[0-9a-f]{64}");
            int port = app.getBean(JdbcTemplate.class).queryForObject("SHOW port", Integer.class);
            assertThat(refusal("jdbc:postgresql://127.0.0.1:" + port + "/postgres", password(home))).isNull();
        }
        try (var left = Files.list(home)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".new"));
        }
    }

    /**
     * A postmaster.pid left empty, or NUL bytes, by a power cut as the server started (it is created, then written)
     * blocked every command with pg_ctl's "the PID file … is empty" until someone deleted it (review 32b).
     */
    @Test
    void aPidFileLeftUnwrittenByAPowerCutDoesNotStopTheStart(@TempDir Path home) throws Exception {
        start(home).close();
        Files.write(home.resolve("pgdata/postmaster.pid"), new byte[100]);
        try (ConfigurableApplicationContext app = start(home)) {
            assertThat(asOwner(home, app, "SHOW data_directory")).isEqualTo(home.resolve("pgdata").toString());
        }
        Files.writeString(home.resolve("pgdata/postmaster.pid"), "");
        try (ConfigurableApplicationContext app = start(home)) {
            assertThat(app.getBean(JdbcTemplate.class).queryForObject("SELECT 1", Integer.class)).isEqualTo(1);
        }
    }

    /**
     * fraudstats.embedded.durable=false is the bench's throwaway database alone: from the environment, -D or the
     * deployment's file it ran the production database with fsync off and the application as the superuser, said
     * nowhere (review 32b).
     */
    @Test
    void noSettingMakesTheHomesDatabaseNotDurable(@TempDir Path home) throws Exception {
        Ran set = cli(new String[] {"--fraudstats.home=" + home, "--fraudstats.embedded.durable=false"}, "history", "--limit", "1");
        assertThat(set.exitCode()).isEqualTo(1);
        assertThat(set.output()).isEqualTo("fraudstats history: fraudstats.embedded.durable (FRAUDSTATS_EMBEDDED_DURABLE): false is "
                + "the bench's throwaway database alone; the home's PostgreSQL is durable (fsync on): remove the setting\n");
        Files.writeString(home.resolve("fraudstats.yml"), "fraudstats:\n  embedded:\n    durable: false\n");
        Ran file = cli(new String[] {"--fraudstats.home=" + home}, "history", "--limit", "1");
        assertThat(file.exitCode()).isNotZero();
        assertThat(file.output()).contains("fraudstats.yml").contains("embedded");
    }

    /** After a power cut and a reboot, postmaster.pid may name a pid now used by another program. */
    @Test
    void aPidFileLeftByAPowerCutNamingAnotherProgramDoesNotStopTheStart(@TempDir Path home) throws Exception {
        start(home).close();
        Process anotherProgram = new ProcessBuilder("sleep", "300").start();
        try {
            Files.writeString(home.resolve("pgdata/postmaster.pid"), anotherProgram.pid() + "\n" + home.resolve("pgdata")
                    + "\n1700000000\n5432\n/tmp\n127.0.0.1\n  5432001    32768\nready   \n");

            try (ConfigurableApplicationContext app = start(home)) {
                // data_directory is the superuser's to read, not the application's
                assertThat(asOwner(home, app, "SHOW data_directory")).isEqualTo(home.resolve("pgdata").toString());
            }
            assertThat(anotherProgram.isAlive()).isTrue();
        } finally {
            anotherProgram.destroyForcibly();
        }
    }

    /**
     * A home copied while its server runs (a live backup restored beside production) holds a postmaster.pid naming
     * the original's server, alive: a command on the copy took it for its own orphan and stopped it (tester).
     */
    @Test
    void aCopyOfAHomeTakenWhileItsServerRanStartsItsOwnAndLeavesTheOriginalsAlone(@TempDir Path home, @TempDir Path parent) throws Exception {
        try (ConfigurableApplicationContext original = start(home)) {
            JdbcTemplate jdbc = original.getBean(JdbcTemplate.class);
            jdbc.update("INSERT INTO audit_event (action, result) VALUES ('copy-probe', 'before the copy')");
            long server = Long.parseLong(Files.readAllLines(home.resolve("pgdata/postmaster.pid")).get(0).strip());
            Path copy = parent.resolve("copy");
            Process cp = new ProcessBuilder("cp", "-a", home.toString(), copy.toString()).redirectErrorStream(true).start();
            String said = new String(cp.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(cp.waitFor()).as(said).isZero();

            try (ConfigurableApplicationContext onTheCopy = start(copy)) {
                assertThat(asOwner(copy, onTheCopy, "SHOW data_directory")).isEqualTo(copy.resolve("pgdata").toString());
                assertThat(onTheCopy.getBean(JdbcTemplate.class).queryForObject(
                        "SELECT result FROM audit_event WHERE action = 'copy-probe'", String.class)).isEqualTo("before the copy");
            }
            assertThat(ProcessHandle.of(server).filter(ProcessHandle::isAlive)).isPresent();
            assertThat(jdbc.queryForObject("SELECT result FROM audit_event WHERE action = 'copy-probe'", String.class))
                    .isEqualTo("before the copy");
        }
    }

    /**
     * A home restored without its account.key makes a new one: loads under it counted an account already counted
     * again, silently (tester: stop_accounts 18 became 19). The database knows its key's fingerprint and refuses.
     */
    @Test
    void aLoadUnderAnotherAccountKeyIsRefused_theRightKeyBackLoads(@TempDir Path home) throws Exception {
        String[] properties = {"--fraudstats.home=" + home};
        assertThat(cli(properties, "ingest", "--inbox", "samples/inbox", "--from", "2022-10-01", "--to", "2022-10-02").exitCode()).isZero();
        Path key = home.resolve("account.key");
        String kept = Files.readString(key);
        Files.delete(key);

        Ran refused = cli(properties, "ingest", "--inbox", "samples/inbox", "--from", "2022-10-03", "--to", "2022-10-03");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).isEqualTo("fraudstats ingest: the account key (" + key + ") is "
                + "not the one this database's account numbers were hashed with, so accounts already counted would count "
                + "again and TOTP keys would not open: put back the account.key of this database (README \"Backing up\": "
                + "a home is restored with it); nothing was loaded\n");
        assertThat(cli(properties, "history").output()).doesNotContain("drop.date=2022-10-03");
        // nor is a TOTP key sealed under it, which serve, given its key back, could not open (serve: ServeAlongsideTest)
        assertThat(cli(properties, "user", "add", "admin.wu", "--role", "admin").exitCode()).isZero();
        Ran totp = cli(properties, "user", "totp", "admin.wu");
        assertThat(totp.exitCode()).isNotZero();
        assertThat(totp.output()).startsWith("fraudstats user totp: the account key (" + key + ") is not")
                .endsWith("; no TOTP key was sealed\n");
        assertThat(cli(properties, "user", "list").output()).contains("admin.wu,admin,true,none,");

        Files.writeString(key, kept);
        assertThat(cli(properties, "ingest", "--inbox", "samples/inbox", "--from", "2022-10-03", "--to", "2022-10-03").exitCode()).isZero();

        // the key given by setting (FRAUDSTATS_ACCOUNT_KEY) wins over the file, and is checked the same way
        String[] anotherKey = {"--fraudstats.home=" + home, "--fraudstats.account-key=another-key-of-another-centre"};
        Ran byEnvironment = cli(anotherKey, "ingest", "--inbox", "samples/inbox", "--from", "2022-10-04", "--to", "2022-10-04");
        assertThat(byEnvironment.exitCode()).isNotZero();
        assertThat(byEnvironment.output()).isEqualTo(refused.output().replace(key.toString(), "FRAUDSTATS_ACCOUNT_KEY"));

        // a database loaded before V28 kept no fingerprint: the first load after it records the key it then has, and
        // from then on another key is refused
        try (ConfigurableApplicationContext app = start(home)) {
            assertThat(asOwner(home, app, "WITH gone AS (DELETE FROM account_key_check RETURNING 1) SELECT count(*) FROM gone")).isEqualTo("1");
        }
        assertThat(cli(properties, "ingest", "--inbox", "samples/inbox", "--from", "2022-10-04", "--to", "2022-10-04").exitCode()).isZero();
        assertThat(cli(anotherKey, "ingest", "--inbox", "samples/inbox", "--from", "2022-10-05", "--to", "2022-10-05").output())
                .isEqualTo(byEnvironment.output());
        assertThat(cli(properties, "history").output()).contains("drop.date=2022-10-04").doesNotContain("drop.date=2022-10-05");

        // such a database upgraded without its account.key: the key made now is not taken (it took it, and an account
        // already counted counted again: r37e), nor left in the home for the next command to take
        try (ConfigurableApplicationContext app = start(home)) {
            assertThat(asOwner(home, app, "WITH gone AS (DELETE FROM account_key_check RETURNING 1) SELECT count(*) FROM gone")).isEqualTo("1");
        }
        Files.delete(key);
        // a command that checks no key makes one all the same: it is not the home's for that
        assertThat(cli(properties, "metrics", "--from", "2022-10-04", "--to", "2022-10-04").exitCode()).isZero();
        assertThat(key).exists();
        Ran madeNow = cli(properties, "ingest", "--inbox", "samples/inbox", "--from", "2022-10-05", "--to", "2022-10-05");
        assertThat(madeNow.exitCode()).isNotZero();
        assertThat(madeNow.output()).isEqualTo("fraudstats ingest: there was no account key (" + key + ") in this home, and this "
                + "database holds account numbers hashed with one before: a key made now would count every account already counted "
                + "again; put back the account.key of this database (README \"Backing up\": a home is restored with it); nothing was loaded\n");
        assertThat(key).doesNotExist();
        assertThat(cli(properties, "ingest", "--inbox", "samples/inbox", "--from", "2022-10-05", "--to", "2022-10-05").output())
                .isEqualTo(madeNow.output());
        Files.writeString(key, kept);
        assertThat(cli(properties, "ingest", "--inbox", "samples/inbox", "--from", "2022-10-05", "--to", "2022-10-05").exitCode()).isZero();
        assertThat(AccountKey.unconfirmed(key)).doesNotExist();
    }

    /**
     * A key given in FRAUDSTATS_ACCOUNT_KEY shorter than the generated one's 32 bytes is no key a new database's account
     * numbers are hashed with: a guessable one gives them all back from a copy (review 32b: one character was taken).
     */
    @Test
    void aShortAccountKeyIsRefusedByANewDatabase(@TempDir Path home) {
        Ran refused = cli(new String[] {"--fraudstats.home=" + home, "--fraudstats.account-key=a"}, "ingest", "--inbox", "samples/inbox",
                "--from", "2022-10-01", "--to", "2022-10-01");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.output()).isEqualTo("fraudstats ingest: FRAUDSTATS_ACCOUNT_KEY is 1 byte long: the key a database's "
                + "account numbers are hashed with has 32 or more (openssl rand -hex 32), or leave it unset for account.key, "
                + "generated in the home; nothing was loaded\n");
        assertThat(cli(new String[] {"--fraudstats.home=" + home, "--fraudstats.account-key=" + "k".repeat(32)}, "ingest", "--inbox",
                "samples/inbox", "--from", "2022-10-01", "--to", "2022-10-01").exitCode()).isZero();
    }

    @Test
    void aSecondContextOnABusyHomeJoinsTheRunningServerAndOnlyTheLastOneOutStopsIt(@TempDir Path home) throws Exception {
        ConfigurableApplicationContext first = start(home);
        long server;
        try (ConfigurableApplicationContext second = start(home)) {
            JdbcTemplate one = first.getBean(JdbcTemplate.class);
            JdbcTemplate two = second.getBean(JdbcTemplate.class);
            assertThat(two.queryForObject("SELECT pg_postmaster_start_time()", Object.class))
                    .isEqualTo(one.queryForObject("SELECT pg_postmaster_start_time()", Object.class));
            one.update("INSERT INTO audit_event (action, result) VALUES ('shared-probe', '42')");
            assertThat(two.queryForObject("SELECT result FROM audit_event WHERE action = 'shared-probe'", String.class)).isEqualTo("42");
            server = Long.parseLong(Files.readAllLines(home.resolve("pgdata/postmaster.pid")).get(0).strip());
        }
        // the joiner left: the server runs on for the first
        assertThat(first.getBean(JdbcTemplate.class).queryForObject("SELECT result FROM audit_event WHERE action = 'shared-probe'", String.class))
                .isEqualTo("42");
        assertThat(ProcessHandle.of(server).filter(ProcessHandle::isAlive)).isPresent();
        first.close();
        assertThat(home.resolve("pgdata/postmaster.pid")).doesNotExist();
    }

    /** serve's watch: the server killed under it is started again on its port, and the pool reads on, data and all. */
    @Test
    void aServerKilledUnderServeIsStartedAgainOnItsPortWithItsData(@TempDir Path home) throws Exception {
        try (ConfigurableApplicationContext app = start(home)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            jdbc.update("INSERT INTO audit_event (action, result) VALUES ('before-the-kill', '42')");
            int port = jdbc.queryForObject("SHOW port", Integer.class);
            long killed = Long.parseLong(Files.readAllLines(home.resolve("pgdata/postmaster.pid")).get(0).strip());
            ProcessHandle postmaster = ProcessHandle.of(killed).orElseThrow();
            new ProcessBuilder("kill", "-9", Long.toString(killed)).start().waitFor();
            postmaster.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);

            EmbeddedServerWatch watch = app.getBean(EmbeddedServerWatch.class);
            watch.look();
            long again = Long.parseLong(Files.readAllLines(home.resolve("pgdata/postmaster.pid")).get(0).strip());
            assertThat(again).isNotEqualTo(killed);
            // the pool's connections to the killed server are dead: it drops them and opens new ones on the same port
            assertThat(onceReconnected(jdbc, "SELECT result FROM audit_event WHERE action = 'before-the-kill'", String.class)).isEqualTo("42");
            assertThat(jdbc.queryForObject("SHOW port", Integer.class)).isEqualTo(port);
            assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
            // running: the next look leaves it alone
            watch.look();
            assertThat(Long.parseLong(Files.readAllLines(home.resolve("pgdata/postmaster.pid")).get(0).strip())).isEqualTo(again);
        }
        assertThat(home.resolve("pgdata/postmaster.pid")).doesNotExist();
    }

    /** The killed server's pid taken at once by another program: the watch does not take it for the server. */
    @Test
    void aServerKilledWhosePidAnotherProgramTookIsStartedAgainAllTheSame(@TempDir Path home) throws Exception {
        Process anotherProgram = new ProcessBuilder("sleep", "300").start();
        try (ConfigurableApplicationContext app = start(home)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            app.getBean(EmbeddedServerWatch.class).close();
            Path pidFile = home.resolve("pgdata/postmaster.pid");
            List<String> lines = Files.readAllLines(pidFile);
            ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(lines.get(0).strip())).orElseThrow();
            new ProcessBuilder("kill", "-9", Long.toString(postmaster.pid())).start().waitFor();
            postmaster.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            lines.set(0, Long.toString(anotherProgram.pid()));
            Files.write(pidFile, lines);

            app.getBean(EmbeddedServerWatch.class).look();

            assertThat(Long.parseLong(Files.readAllLines(pidFile).get(0).strip())).isNotEqualTo(anotherProgram.pid());
            assertThat(onceReconnected(jdbc, "SELECT 1", Integer.class)).isEqualTo(1);
            assertThat(anotherProgram.isAlive()).isTrue();
        } finally {
            anotherProgram.destroyForcibly();
        }
    }

    /** A command started in the moments after the server was killed under serve, before serve's watch looked. */
    @Test
    void aCommandJoiningAServerKilledUnderItsOwnerStartsItAgain(@TempDir Path home) throws Exception {
        try (ConfigurableApplicationContext owner = start(home)) {
            owner.getBean(EmbeddedServerWatch.class).close();
            owner.getBean(JdbcTemplate.class).update("INSERT INTO audit_event (action, result) VALUES ('before-the-kill', '7')");
            long killed = Long.parseLong(Files.readAllLines(home.resolve("pgdata/postmaster.pid")).get(0).strip());
            ProcessHandle postmaster = ProcessHandle.of(killed).orElseThrow();
            new ProcessBuilder("kill", "-9", Long.toString(killed)).start().waitFor();
            postmaster.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);

            // it was told "refused this one: Connection refused … stop that process and try again"
            try (ConfigurableApplicationContext command = start(home)) {
                assertThat(command.getBean(JdbcTemplate.class).queryForObject(
                        "SELECT result FROM audit_event WHERE action = 'before-the-kill'", String.class)).isEqualTo("7");
            }
        }
    }

    /** One value read once the pool has dropped its connections to a killed server and opened new ones (5 s at most). */
    private static <T> T onceReconnected(JdbcTemplate jdbc, String query, Class<T> type) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            try {
                return jdbc.queryForObject(query, type);
            } catch (org.springframework.dao.DataAccessException e) {
                Thread.sleep(250);
            }
        }
        return null;
    }

    static ConfigurableApplicationContext start(Path home) {
        return new SpringApplication(FraudstatsApplication.class).run("--fraudstats.home=" + home);
    }

    /** One value read by the embedded server's superuser, with the password kept in the home. */
    static String asOwner(Path home, ConfigurableApplicationContext app, String query) throws Exception {
        int port = app.getBean(JdbcTemplate.class).queryForObject("SHOW port", Integer.class);
        Properties credentials = new Properties();
        credentials.setProperty("user", "postgres");
        credentials.setProperty("password", password(home));
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", credentials);
             var result = c.createStatement().executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }

    /** A command run as ./fraudstats runs it, with these properties; output is standard error, or else standard output. */
    static Ran cli(String[] properties, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (Services services = new Services(() -> new SpringApplication(FraudstatsApplication.class).run(properties), true)) {
            int code = Cli.run(services, args, new PrintWriter(out, true), new PrintWriter(err, true));
            return new Ran(code, err.toString().isEmpty() ? out.toString() : err.toString());
        }
    }

    /** The SQL state of the refusal, or null when the connection was accepted. */
    private static String refusal(String url, String password) {
        Properties credentials = new Properties();
        credentials.setProperty("user", "postgres");
        if (password != null) {
            credentials.setProperty("password", password);
        }
        try (Connection c = DriverManager.getConnection(url, credentials)) {
            return null;
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }

    private static String password(Path home) throws IOException {
        return Files.readString(home.resolve(PASSWORD_FILE)).strip();
    }

    /** pg_hba.conf's rules, blanks collapsed, comments left out. */
    private static List<String> rules(Path hba) throws IOException {
        return Files.readAllLines(hba).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.replaceAll("\\s+", " ")).toList();
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    record Ran(int exitCode, String output) {
    }

    private static Ran asNobody(String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of("/usr/sbin/runuser", "-u", "nobody", "--"));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).directory(Path.of("/").toFile()).redirectErrorStream(true);
        // the messages looked for are psql's and cat's in English: under LANG=de_DE they said "Keine Berechtigung" (tester)
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("LANGUAGE", "");
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Ran(p.waitFor(), output);
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}

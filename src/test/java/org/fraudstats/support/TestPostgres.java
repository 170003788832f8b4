package org.fraudstats.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL server per test run, a fresh database per test class: Testcontainers when a Docker engine
 * answers, the embedded server (the same binaries as production's default) otherwise. Never a mock or H2.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Server server;

    private TestPostgres() {
    }

    public record Database(String url, String user, String password) {
    }

    private interface Server {
        Connection admin() throws SQLException;

        Database database(String name);
    }

    public static synchronized Database freshDatabase() {
        if (server == null) {
            server = dockerAnswers() ? container() : embedded();
        }
        String name = "fraudstats_test_" + DATABASES.incrementAndGet();
        try (Connection c = server.admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return server.database(name);
    }

    /**
     * A FRAUDSTATS_HOME of the test's own, removed with everything in it when the JVM ends: deleteOnExit removes only
     * an empty folder, and every test run left its homes in /tmp (1,647 of them, 491 MB, on the build machine; tester).
     */
    public static synchronized java.nio.file.Path tempHome() {
        try {
            java.nio.file.Path home = java.nio.file.Files.createTempDirectory("fraudstats-test-home");
            if (HOMES.isEmpty()) {
                Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::deleteHomes, "delete-test-homes"));
            }
            HOMES.add(home);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final java.util.List<java.nio.file.Path> HOMES = new java.util.ArrayList<>();

    private static synchronized void deleteHomes() {
        for (java.nio.file.Path home : HOMES) {
            try (java.util.stream.Stream<java.nio.file.Path> paths = java.nio.file.Files.walk(home)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // the JVM is ending: what cannot be deleted stays
            }
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private static Server container() {
        PostgreSQLContainer pg = new PostgreSQLContainer("postgres:17");
        pg.start();
        return new Server() {
            public Connection admin() throws SQLException {
                return pg.createConnection("");
            }

            public Database database(String name) {
                String url = pg.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
                return new Database(url, pg.getUsername(), pg.getPassword());
            }
        };
    }

    private static Server embedded() {
        try {
            // the C locale, as the application's own server has it: under a GB18030 locale initdb refused zonky's
            // -E UTF-8 and no test could start (tester)
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "200")
                    .setLocaleConfig("locale", "C").start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is ending
                }
            }));
            return new Server() {
                public Connection admin() throws SQLException {
                    return pg.getPostgresDatabase().getConnection();
                }

                public Database database(String name) {
                    return new Database(pg.getJdbcUrl("postgres", name), "postgres", "");
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

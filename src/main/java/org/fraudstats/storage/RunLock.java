package org.fraudstats.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Refuses two runs over overlapping dates at once (two reruns, a rerun and a nightly…) instead of letting them
 * race. Each business day is a PostgreSQL advisory lock held on a connection of the run's own, so a run that
 * dies releases its days with its connection: no stale lock to clean up.
 */
@Component
public class RunLock {

    /** Raised when another run holds some of the days. */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** Days held until closed. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private final DataSource dataSource;

    RunLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The loader's lock: one ingest at a time on one database. */
    public Held ingest() {
        return take("storage/lock-ingest.sql", "ingest refused: another fraudstats is loading drops into this database; "
                + "try again when it has finished");
    }

    public Held days(String what, LocalDate from, LocalDate to) {
        return take("storage/lock-days.sql", what + " " + from + ".." + to + " refused: another run (rerun or nightly) "
                + "is working on some of these days; try again when it has finished", from, to);
    }

    /**
     * The lock of one period of a schedule, held by the node working on it; empty when another session holds it,
     * that is, when a live node is working on that period right now.
     */
    public Optional<Held> period(String schedule, LocalDate day) {
        return tryTake("storage/lock-period.sql", schedule, day);
    }

    private Held take(String sqlFile, String refusal, Object... args) {
        return tryTake(sqlFile, args).orElseThrow(() -> new Refused(refusal));
    }

    private Optional<Held> tryTake(String sqlFile, Object... args) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the run lock: " + e.getMessage(), e);
        }
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        boolean taken = false;
        try {
            connection.setAutoCommit(true);
            taken = Boolean.TRUE.equals(jdbc.queryForObject(SqlFiles.load(sqlFile), Boolean.class, args));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the run lock: " + e.getMessage(), e);
        } finally {
            if (!taken) {
                release(jdbc, connection);
            }
        }
        return taken ? Optional.of(() -> release(jdbc, connection)) : Optional.empty();
    }

    /** Gives the locks back and the connection to the pool, whatever fails on the way. */
    private static void release(JdbcTemplate jdbc, Connection connection) {
        try {
            jdbc.execute("SELECT pg_advisory_unlock_all()");
        } catch (RuntimeException ignored) {
            // closing the connection below ends the session's locks anyway if the pool discards it
        } finally {
            close(connection);
        }
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the lock goes with the connection anyway
        }
    }
}

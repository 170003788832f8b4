package org.fraudstats.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The line a failed rerun says, on the command line and /runs: what went wrong, not its rollback's failure. A
 * database killed under a day gave "JDBC rollback failed; once that is put right" (the rollback on the dropped
 * connection failed too, and Spring keeps the first failure aside).
 */
class RerunFailureLineTest {

    private static TransactionSystemException rollbackFailedAfter(Throwable first) {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new PSQLException("This connection has been closed.", PSQLState.CONNECTION_DOES_NOT_EXIST));
        rollback.initApplicationException(first);
        return rollback;
    }

    @Test
    void aDatabaseKilledUnderADayIsTheConnectionLost() {
        PSQLException killed = new PSQLException("FATAL: terminating connection due to unexpected postmaster exit", PSQLState.CONNECTION_FAILURE);
        assertThat(Rerun.oneLine(rollbackFailedAfter(killed)))
                .isEqualTo("the database connection was lost (FATAL: terminating connection due to unexpected postmaster exit)");
    }

    /** "Java heap space" alone named neither memory nor the setting that gives more (r41b). */
    @Test
    void outOfMemoryIsSaidWithWhatGivesMore() {
        String line = "out of memory (Java heap space): give the JVM more with FRAUDSTATS_JAVA_OPTS, e.g. "
                + "FRAUDSTATS_JAVA_OPTS=-Xmx2g (the default is -Xmx1g)";
        assertThat(Rerun.oneLine(new IllegalStateException("step failed", new OutOfMemoryError("Java heap space")))).isEqualTo(line);
    }

    @Test
    void aPoolMerelyBusyIsNoLoss() {
        var busy = new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 30000ms");
        assertThat(Rerun.oneLine(new RuntimeException(busy)))
                .isEqualTo("no database connection could be had (HikariPool-1 - Connection is not available, request timed out after 30000ms)");
    }

    @Test
    void anyOtherFailureWhoseRollbackFailedTooIsSaidItself() {
        var wrong = new BadSqlGrammarException("render", "SELECT …", new java.sql.SQLException("relation \"case_day\" does not exist", "42P01"));
        assertThat(Rerun.oneLine(rollbackFailedAfter(wrong))).isEqualTo("render; bad SQL grammar [SELECT …]");
    }
}

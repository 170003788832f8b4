package org.fraudstats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

/** Every log line masked, and a value from a request kept from starting a line of its own (logback-spring.xml). */
class MaskedLogTest {

    private static final String CARD = "6222" + "6514" + "3642" + "3492";

    @Test
    void aMessageIsMaskedAndItsLineBreaksContinueIndented() {
        LoggingEvent event = event("Parameter [card] with value [" + CARD + "%] a\r\n20:27:00.000+08:00 INFO  o.f.access - forged");
        assertThat(new MaskedLog.Message().convert(event))
                .isEqualTo("Parameter [card] with value [************3492%] a\n    20:27:00.000+08:00 INFO  o.f.access - forged");
    }

    @Test
    void aStackTraceIsMaskedLineByLine() {
        LoggingEvent event = event("failed");
        event.setThrowableProxy(new ch.qos.logback.classic.spi.ThrowableProxy(
                new IllegalStateException("Character decoding failed. Parameter [card] with value [" + CARD + "]")));
        MaskedLog.Trace trace = new MaskedLog.Trace();
        trace.setContext(new LoggerContext());
        trace.start();
        assertThat(trace.convert(event)).contains("value [************3492]").doesNotContain(CARD)
                .contains("at org.fraudstats.storage.MaskedLogTest");
    }

    /** A stopped PostgreSQL left ~2,000 lines of such traces a minute in serve's log (tester). */
    @Test
    void theDatabaseOutOfReachIsOneLineInsteadOfATrace() {
        LoggingEvent event = event("Unexpected error occurred in scheduled task");
        event.setThrowableProxy(new ch.qos.logback.classic.spi.ThrowableProxy(
                new org.springframework.jdbc.CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new java.sql.SQLTransientConnectionException("fraudstats-embedded - Connection is not available, "
                                + "request timed out after 30000ms", "08001",
                                new org.postgresql.util.PSQLException("Connection to 127.0.0.1:34547 refused. Check that the hostname "
                                        + "and port are correct and that the postmaster is accepting TCP/IP connections.",
                                        org.postgresql.util.PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                                        new java.net.ConnectException("Connection refused"))))));
        MaskedLog.Trace trace = new MaskedLog.Trace();
        trace.setContext(new LoggerContext());
        trace.start();
        assertThat(trace.convert(event)).isEqualTo("    the database is not reachable: Connection to 127.0.0.1:34547 refused. "
                + "Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections."
                + System.lineSeparator());

        // any other failure keeps its trace, a lost connection's SQL state too but not a query's own error
        event = event("failed");
        event.setThrowableProxy(new ch.qos.logback.classic.spi.ThrowableProxy(new org.postgresql.util.PSQLException(
                "ERROR: relation \"x\" does not exist", org.postgresql.util.PSQLState.UNDEFINED_TABLE)));
        assertThat(trace.convert(event)).contains("at org.fraudstats.storage.MaskedLogTest");
        assertThat(DatabaseDown.isCause(new org.postgresql.util.PSQLException("An I/O error occurred while sending to the backend.",
                org.postgresql.util.PSQLState.CONNECTION_FAILURE))).isTrue();
        assertThat(DatabaseDown.isCause(new java.sql.SQLException("FATAL: terminating connection due to administrator command",
                "57P01"))).isTrue();
    }

    @Test
    void aLineLongerThanOneValueIsMaskedWhole() {
        String line = "x".repeat(DigitRuns.LONGEST - 5) + " card " + CARD + " and " + "y".repeat(2000) + " " + CARD;
        String masked = MaskedLog.maskLines(line);
        assertThat(masked).doesNotContain(CARD).hasSize(line.length()).endsWith(" ************3492");
    }

    private static LoggingEvent event(String message) {
        LoggingEvent event = new LoggingEvent();
        event.setLevel(Level.ERROR);
        event.setMessage(message);
        return event;
    }
}

package org.fraudstats.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

/**
 * Within a portal request, a database out of reach costs the pool's wait once: the first page asked while PostgreSQL
 * was down answered its 503 after 60 s, the session's save at the request's end waiting the pool a second time (r41g).
 */
class OneWaitPerRequestTest {

    /** The pool's answer after its 30 s: no connection, and the refusal under it. */
    private static SQLException outOfReach() {
        return new SQLTransientConnectionException("fraudstats-embedded - Connection is not available, request timed out after 30000ms",
                "08001", new org.postgresql.util.PSQLException("Connection to 127.0.0.1:34547 refused.",
                org.postgresql.util.PSQLState.CONNECTION_UNABLE_TO_CONNECT));
    }

    /** A busy pool's answer: its wait ended with no connection failure under it. */
    private static SQLException busy() {
        return new SQLTransientConnectionException("fraudstats-embedded - Connection is not available, request timed out after 30000ms");
    }

    @Test
    void withinARequestThePoolIsNotAskedAgainOnceTheDatabaseWasFoundOutOfReach() {
        Asked pool = new Asked(outOfReach());
        DataSource dataSource = new OneWaitPerRequest.Pool(pool);
        try (OneWaitPerRequest.Scope request = OneWaitPerRequest.open()) {
            assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class);
            assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLException.class)
                    .hasMessage("the database was found out of reach earlier in this request")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"))
                    .satisfies(e -> assertThat(DatabaseDown.isCause(e)).isTrue())
                    .satisfies(e -> assertThat(DatabaseDown.connectionFailed(e)).isTrue())
                    .satisfies(e -> assertThat(DatabaseDown.why(e)).isEqualTo("Connection to 127.0.0.1:34547 refused."));
            assertThat(pool.asked).hasValue(1);
        }
        // the next request finds out for itself, and so does all that runs outside a request
        try (OneWaitPerRequest.Scope request = OneWaitPerRequest.open()) {
            assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        }
        assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        assertThat(pool.asked).hasValue(4);
    }

    @Test
    void aBusyPoolIsAskedAgain() {
        Asked pool = new Asked(busy());
        DataSource dataSource = new OneWaitPerRequest.Pool(pool);
        try (OneWaitPerRequest.Scope request = OneWaitPerRequest.open()) {
            assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class);
            assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        }
        assertThat(pool.asked).hasValue(2);
    }

    @Test
    void closingTheWrapperClosesThePool() throws Exception {
        Asked pool = new Asked(busy());
        new OneWaitPerRequest.Pool(pool).close();
        assertThat(pool.closed).isTrue();
    }

    @Test
    void everyHikariPoolIsWrappedAndNothingElse() {
        OneWaitPerRequest.EveryPool wrapper = new OneWaitPerRequest.EveryPool();
        try (HikariDataSource hikari = new HikariDataSource()) {
            assertThat(wrapper.postProcessAfterInitialization(hikari, "dataSource")).isInstanceOf(OneWaitPerRequest.Pool.class);
        }
        Asked other = new Asked(busy());
        assertThat(wrapper.postProcessAfterInitialization(other, "flywayDataSource")).isSameAs(other);
    }

    /** A pool that answers every ask with the same failure, and counts the asks. */
    private static final class Asked implements DataSource, AutoCloseable {
        final AtomicInteger asked = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();
        private final SQLException answer;

        Asked(SQLException answer) {
            this.answer = answer;
        }

        @Override
        public Connection getConnection() throws SQLException {
            asked.incrementAndGet();
            throw answer;
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public void close() {
            closed.set(true);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}

package org.fraudstats.storage;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * A portal request that has waited the pool's 30 s for a database out of reach does not wait them again for the
 * same answer. The first page asked while PostgreSQL was down answered its 503 after 60 s (r41g): the session, saved
 * as the page began to be sent, waited the pool and failed, and Spring Session saved it again once the request
 * ended, and waited again. Within a request opened here ({@link #open()}), once a connection could not be had
 * because the database is out of reach, the pool's later asks fail at once with that failure as their cause. A pool
 * merely busy (its wait ended with no connection failure under it) is no outage: the next ask waits as before.
 * Outside a request (the nightly job, Quartz, a command) nothing changes.
 */
public final class OneWaitPerRequest {

    private static final ThreadLocal<Request> CURRENT = new ThreadLocal<>();

    private OneWaitPerRequest() {
    }

    /** For the length of one request on this thread; closing it forgets what it found. */
    public static Scope open() {
        Request outer = CURRENT.get();
        Request request = new Request();
        CURRENT.set(request);
        return new Scope() {
            @Override
            public SQLException outOfReach() {
                return request.outOfReach.values().stream().findFirst().orElse(null);
            }

            @Override
            public void close() {
                if (outer == null) {
                    CURRENT.remove();
                } else {
                    CURRENT.set(outer);
                }
            }
        };
    }

    /** A request's span, closed without an exception. */
    public interface Scope extends AutoCloseable {
        /**
         * The failure that found the database out of reach in this request, or null: also when what asked answered
         * it by itself (the health check's DOWN), so that the request's filter knows of an outage nobody threw at it.
         */
        SQLException outOfReach();

        @Override
        void close();
    }

    /** What a request found, pool by pool: one pool's outage is no reason to fail another's asks. */
    private static final class Request {
        private final java.util.Map<Pool, SQLException> outOfReach = new java.util.IdentityHashMap<>();
    }

    /** The application's pool, asked through {@link OneWaitPerRequest}: the embedded pool and Boot's alike. */
    @Component
    static class EveryPool implements BeanPostProcessor {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof HikariDataSource pool ? new Pool(pool) : bean;
        }
    }

    /** Closeable, as the pool it stands for: the bean's destroy method, "close", is called on this. */
    public static final class Pool extends DelegatingDataSource implements AutoCloseable {

        public Pool(DataSource pool) {
            super(pool);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Request request = CURRENT.get();
            SQLException found = request == null ? null : request.outOfReach.get(this);
            if (found != null) {
                throw new SQLException("the database was found out of reach earlier in this request", "08001", found);
            }
            try {
                return super.getConnection();
            } catch (SQLException e) {
                if (request != null && DatabaseDown.connectionFailed(e)) {
                    request.outOfReach.put(this, e);
                }
                throw e;
            }
        }

        @Override
        public void close() throws Exception {
            if (obtainTargetDataSource() instanceof AutoCloseable pool) {
                pool.close();
            }
        }
    }
}

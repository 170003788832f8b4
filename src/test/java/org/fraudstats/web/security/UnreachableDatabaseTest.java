package org.fraudstats.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The database out of reach is a 503 "try again" at once, not a 500 after the error page had waited for the database
 * a second time (each page took 60 s under a stopped PostgreSQL, tester).
 */
class UnreachableDatabaseTest {

    private static ServletException databaseGone() {
        return new ServletException("Request processing failed", new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new java.sql.SQLTransientConnectionException("fraudstats-embedded - Connection is not available, request timed out after 30000ms",
                        "08001", new org.postgresql.util.PSQLException("Connection to 127.0.0.1:34547 refused.",
                        org.postgresql.util.PSQLState.CONNECTION_UNABLE_TO_CONNECT))));
    }

    private static MockHttpServletResponse asked(String path, Exception failure) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new UnreachableDatabase.Answer(() -> true).doFilter(request, response, (req, res) -> {
            res.getWriter().write("half a page");
            if (failure instanceof ServletException servlet) {
                throw servlet;
            }
            throw (RuntimeException) failure;
        });
        return response;
    }

    @Test
    void aPageIsAnswered503InChineseAndTheApiInJson() throws Exception {
        MockHttpServletResponse page = asked("/bulletins", databaseGone());
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.getHeader("Retry-After")).isEqualTo("60");
        assertThat(page.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.getContentType()).startsWith("text/html");
        assertThat(page.getContentAsString()).startsWith("<!DOCTYPE html>").doesNotContain("half a page")
                .contains("<h1>503</h1>", "数据库暂时无法连接，请稍后再试；如一再出现，请联系系统管理员。", "<a href=\"/\">返回首页</a>");

        MockHttpServletResponse api = asked("/api/v1/bulletins", databaseGone());
        assertThat(api.getStatus()).isEqualTo(503);
        assertThat(api.getHeader("Retry-After")).isEqualTo("60");
        assertThat(api.getContentAsString()).isEqualTo("{\"error\":\"the database is not reachable; try again in a minute\"}");
    }

    /**
     * PostgreSQL stopped under a query: the rollback on the dead connection fails too, and Spring's exception for it
     * keeps the first failure aside, not as its cause (a bare 500 and a 100-line trace, trial).
     */
    @Test
    void aRollbackThatFailedOnTheLostConnectionIsA503Too() throws Exception {
        var rollback = new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                new java.sql.SQLException("Connection is closed"));
        rollback.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException("PreparedStatementCallback",
                new java.sql.SQLException("FATAL: terminating connection due to administrator command", "57P01")));
        MockHttpServletResponse page = asked("/figures", new ServletException("Request processing failed", rollback));
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(org.fraudstats.storage.DatabaseDown.why(rollback)).isEqualTo("FATAL: terminating connection due to administrator command");
    }

    @Test
    void anyOtherFailureGoesOnToTheErrorPageAsBefore() {
        assertThatThrownBy(() -> asked("/bulletins", new IllegalStateException("a bug")))
                .isInstanceOf(IllegalStateException.class).hasMessage("a bug");
    }

    /**
     * Once a request has found the database out of reach, the others are answered at once (each page waited the
     * pool's 30 s for its 503) while a probe of its own tries the database; once it answers, requests go through.
     */
    @Test
    void onceOutOfReachEveryRequestIsAnsweredAtOnceUntilTheProbeFindsTheDatabaseBack() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean back = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger tries = new java.util.concurrent.atomic.AtomicInteger();
        UnreachableDatabase.Answer answer = new UnreachableDatabase.Answer(() -> {
            tries.incrementAndGet();
            if (!back.get()) {
                throw databaseGone();
            }
            return true;
        });
        java.util.concurrent.atomic.AtomicInteger reached = new java.util.concurrent.atomic.AtomicInteger();
        jakarta.servlet.FilterChain answering = (req, res) -> {
            reached.incrementAndGet();
            res.getWriter().write("the page");
        };
        try {
            assertThat(through(answer, "/bulletins", (req, res) -> {
                reached.incrementAndGet();
                throw databaseGone();
            }).getStatus()).isEqualTo(503);

            for (String path : new String[] {"/figures", "/css/portal.css", "/api/v1/bulletins", "/actuator/health"}) {
                MockHttpServletResponse meanwhile = through(answer, path, answering);
                assertThat(meanwhile.getStatus()).as(path).isEqualTo(503);
                assertThat(meanwhile.getHeader("Retry-After")).isEqualTo("60");
            }
            // the health probe reads Boot's own answer, at once
            assertThat(through(answer, "/actuator/health", answering).getContentAsString()).isEqualTo("{\"status\":\"DOWN\"}");
            assertThat(reached).hasValue(1);
            await(() -> tries.get() >= 2);

            back.set(true);
            await(() -> through(answer, "/figures", answering).getStatus() == 200);
            assertThat(through(answer, "/figures", answering).getContentAsString()).isEqualTo("the page");
        } finally {
            answer.destroy();
        }
    }

    /** The pool's wait ended with no connection failure under it: busy, not out of reach; the next request goes on. */
    @Test
    void aBusyPoolIsA503ForThatRequestOnly() throws Exception {
        UnreachableDatabase.Answer answer = new UnreachableDatabase.Answer(() -> {
            throw new IllegalStateException("the probe is not asked");
        });
        MockHttpServletResponse busy = through(answer, "/figures", (req, res) -> {
            throw new ServletException("Request processing failed", new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new java.sql.SQLTransientConnectionException("fraudstats - Connection is not available, request timed out after 30000ms")));
        });
        assertThat(busy.getStatus()).isEqualTo(503);
        // said as busy, not as a database out of reach: it answers, its connections are all in use (r41c)
        assertThat(busy.getContentAsString()).contains("服务器繁忙（数据库连接都在使用中），请稍后再试").doesNotContain("无法连接");
        MockHttpServletResponse api = through(answer, "/api/v1/metrics", (req, res) -> {
            throw new ServletException("Request processing failed", new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new java.sql.SQLTransientConnectionException("fraudstats - Connection is not available, request timed out after 30000ms")));
        });
        assertThat(api.getContentAsString()).isEqualTo("{\"error\":\"the server is busy (every database connection is in use); try again in a minute\"}");
        assertThat(through(answer, "/figures", (req, res) -> res.getWriter().write("the page")).getContentAsString()).isEqualTo("the page");
    }

    /**
     * The first request to find the database out of reach waits the pool's 30 s once: the session saved at its end
     * asked the pool again and waited 30 s more, 60 s for the first 503 (r41g). Through the filter, the pool is asked
     * once however often the request asks; the next request asks again (a probe, then requests, find it back).
     */
    @Test
    void withinOneRequestThePoolIsAskedOnceForADatabaseOutOfReach() throws Exception {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        javax.sql.DataSource pool = outOfReach(asked);
        jakarta.servlet.FilterChain pageThenSession = (req, res) -> {
            for (int ask = 0; ask < 3; ask++) {
                try {
                    pool.getConnection();
                } catch (java.sql.SQLException e) {
                    if (ask == 2) {
                        throw new ServletException("Request processing failed", new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", e));
                    }
                }
            }
        };
        UnreachableDatabase.Answer answer = new UnreachableDatabase.Answer(() -> true);
        try {
            assertThat(through(answer, "/login", pageThenSession).getStatus()).isEqualTo(503);
            assertThat(asked).hasValue(1);
        } finally {
            answer.destroy();
        }
        // outside a request, as the nightly job and Quartz ask: each ask is tried
        for (int ask = 0; ask < 2; ask++) {
            assertThatThrownBy(pool::getConnection).isInstanceOf(java.sql.SQLException.class);
        }
        assertThat(asked).hasValue(3);
    }

    /**
     * Boot's health check answers DOWN itself, with no exception for the filter: each probe of a load balancer waited
     * the pool's 30 s, and so did the first user after them (r42f). The outage it met counts as any other's.
     */
    @Test
    void anOutageAnsweredWithoutAnExceptionAlsoAnswersTheNextRequestsAtOnce() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean back = new java.util.concurrent.atomic.AtomicBoolean();
        javax.sql.DataSource pool = outOfReach(new java.util.concurrent.atomic.AtomicInteger());
        java.util.concurrent.atomic.AtomicInteger reached = new java.util.concurrent.atomic.AtomicInteger();
        jakarta.servlet.FilterChain health = (req, res) -> {
            reached.incrementAndGet();
            try (java.sql.Connection connection = pool.getConnection()) {
                res.getWriter().write("{\"status\":\"UP\"}");
            } catch (java.sql.SQLException e) {
                ((jakarta.servlet.http.HttpServletResponse) res).setStatus(503);
                res.getWriter().write("{\"status\":\"DOWN\"}");
            }
        };
        UnreachableDatabase.Answer answer = new UnreachableDatabase.Answer(() -> back.get());
        try {
            assertThat(through(answer, "/actuator/health", health).getStatus()).isEqualTo(503);
            assertThat(reached).hasValue(1);
            for (String path : new String[] {"/actuator/health", "/login"}) {
                MockHttpServletResponse meanwhile = through(answer, path, (req, res) -> reached.incrementAndGet());
                assertThat(meanwhile.getStatus()).as(path).isEqualTo(503);
                assertThat(meanwhile.getHeader("Retry-After")).isEqualTo("60");
            }
            assertThat(reached).as("answered at once, the chain not asked").hasValue(1);
            back.set(true);
            await(() -> through(answer, "/login", (req, res) -> res.getWriter().write("the page")).getStatus() == 200);
        } finally {
            answer.destroy();
        }
    }

    /** The application's pool over a database out of reach: each ask counted, and answered with the pool's refusal. */
    private static javax.sql.DataSource outOfReach(java.util.concurrent.atomic.AtomicInteger asked) {
        return new org.fraudstats.storage.OneWaitPerRequest.Pool(new org.springframework.jdbc.datasource.AbstractDataSource() {
            @Override
            public java.sql.Connection getConnection() throws java.sql.SQLException {
                asked.incrementAndGet();
                throw (java.sql.SQLException) databaseGone().getCause().getCause();
            }

            @Override
            public java.sql.Connection getConnection(String username, String password) throws java.sql.SQLException {
                return getConnection();
            }
        });
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!condition.call()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(until);
            Thread.sleep(50);
        }
    }

    private static MockHttpServletResponse through(UnreachableDatabase.Answer answer, String path, jakarta.servlet.FilterChain chain)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        answer.doFilter(request, response, chain);
        return response;
    }
}

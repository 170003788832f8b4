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
        new UnreachableDatabase.Answer().doFilter(request, response, (req, res) -> {
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

    @Test
    void anyOtherFailureGoesOnToTheErrorPageAsBefore() {
        assertThatThrownBy(() -> asked("/bulletins", new IllegalStateException("a bug")))
                .isInstanceOf(IllegalStateException.class).hasMessage("a bug");
    }

    /**
     * While one request tries the database, the others are answered at once (each page waited the pool's 30 s for
     * its 503); the stylesheet of the 503 page is served as ever, and the first request to get through ends it.
     */
    @Test
    void onceOutOfReachTheOthersAreAnsweredAtOnceWhileOneRequestAtATimeTriesIt() throws Exception {
        UnreachableDatabase.Answer answer = new UnreachableDatabase.Answer();
        java.util.concurrent.atomic.AtomicInteger reached = new java.util.concurrent.atomic.AtomicInteger();
        jakarta.servlet.FilterChain failing = (req, res) -> {
            reached.incrementAndGet();
            throw databaseGone();
        };
        jakarta.servlet.FilterChain answering = (req, res) -> {
            reached.incrementAndGet();
            res.getWriter().write("the page");
        };

        assertThat(through(answer, "/bulletins", failing).getStatus()).isEqualTo(503);
        assertThat(reached).hasValue(1);

        // a trial under way: the database still out of reach while it waits
        java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch back = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<MockHttpServletResponse> trial = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return through(answer, "/bulletins/latest", (req, res) -> {
                    reached.incrementAndGet();
                    waiting.countDown();
                    try {
                        back.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    res.getWriter().write("the page");
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        waiting.await();
        MockHttpServletResponse meanwhile = through(answer, "/figures", answering);
        assertThat(meanwhile.getStatus()).isEqualTo(503);
        assertThat(meanwhile.getContentAsString()).contains("数据库暂时无法连接");
        assertThat(reached).hasValue(2);
        // what needs no database is answered as ever, and is no sign that the database is back
        assertThat(through(answer, "/css/portal.css", answering).getContentAsString()).isEqualTo("the page");
        assertThat(through(answer, "/figures", answering).getStatus()).isEqualTo(503);
        assertThat(reached).hasValue(3);

        back.countDown();
        assertThat(trial.get(10, java.util.concurrent.TimeUnit.SECONDS).getContentAsString()).isEqualTo("the page");
        assertThat(through(answer, "/figures", answering).getContentAsString()).isEqualTo("the page");
        assertThat(reached).hasValue(4);
    }

    /** A trial answered 5xx without the failure thrown (a page that caught it) is no sign the database is back. */
    @Test
    void aTrialAnsweredWithA5xxKeepsTheOthersAnsweredAtOnce() throws Exception {
        UnreachableDatabase.Answer answer = new UnreachableDatabase.Answer();
        through(answer, "/bulletins", (req, res) -> {
            throw databaseGone();
        });
        through(answer, "/bulletins", (req, res) -> ((jakarta.servlet.http.HttpServletResponse) res).setStatus(500));
        java.util.concurrent.atomic.AtomicBoolean reached = new java.util.concurrent.atomic.AtomicBoolean();
        // the next is a trial again (none under way), and its success ends it
        assertThat(through(answer, "/figures", (req, res) -> reached.set(true)).getStatus()).isEqualTo(200);
        assertThat(reached).isTrue();
    }

    private static MockHttpServletResponse through(UnreachableDatabase.Answer answer, String path, jakarta.servlet.FilterChain chain)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRequestURI(path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        answer.doFilter(request, response, chain);
        return response;
    }
}

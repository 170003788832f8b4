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
}

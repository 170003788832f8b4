package org.fraudstats.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * What the API answers when a handler fails: a client that hung up gets nothing written, an answer already begun gets
 * nothing appended, the database out of reach a 503 (further up), anything else one line, 500, and a lost database
 * connection is never taken for a client gone.
 */
class ApiErrorsTest {

    private final ApiErrors errors = new ApiErrors();

    @Test
    void aClientThatHungUpMidDownloadGetsNoErrorWrittenAfterTheBody() throws Exception {
        assertThat(errors.unexpected(new AsyncRequestNotUsableException("ServletOutputStream failed to write: java.io.IOException: Broken pipe"),
                new MockHttpServletResponse())).isNull();
        assertThat(errors.unexpected(new IllegalStateException("writing", new ClientAbortException(new IOException("Broken pipe"))),
                new MockHttpServletResponse())).isNull();
    }

    @Test
    void anEofThatIsNoLostConnectionIsA500_notAClientGone() throws Exception {
        // an EOF at the bottom, as a client hang-up may have, under no SQL state of a lost connection (that one is a
        // 503, theDatabaseOutOfReachGoesOnToThe503)
        ResponseEntity<byte[]> answer = errors.unexpected(new RuntimeException("An I/O error occurred while sending to the backend.",
                new EOFException()), new MockHttpServletResponse());
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(new String(answer.getBody(), StandardCharsets.UTF_8)).startsWith("{\n  \"error\": \"internal error at ").doesNotContain("RuntimeException");
        assertThat(errors.unexpected(new IOException("Connection reset by peer"), new MockHttpServletResponse()).getStatusCode().value())
                .isEqualTo(500);
    }

    /** pgjdbc's own word for it (SQL state 08006): left to web/security/UnreachableDatabase, 503 "try again". */
    @Test
    void theDatabaseOutOfReachGoesOnToThe503() {
        var lost = new org.springframework.dao.DataAccessResourceFailureException("PreparedStatementCallback",
                new org.postgresql.util.PSQLException("An I/O error occurred while sending to the backend.",
                        org.postgresql.util.PSQLState.CONNECTION_FAILURE, new EOFException()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> errors.unexpected(lost, new MockHttpServletResponse())).isSameAs(lost);
    }

    @Test
    void anAnswerAlreadyBegunGetsNoErrorAppended() throws Exception {
        MockHttpServletResponse begun = new MockHttpServletResponse();
        begun.getOutputStream().write("[ {".getBytes(StandardCharsets.UTF_8));
        begun.flushBuffer();
        assertThat(errors.unexpected(new IllegalStateException("the database failed mid-listing"), begun)).isNull();
    }

    @Test
    void anythingElseIsA500WithOneLineSayingWhenNotWhat() throws Exception {
        ResponseEntity<byte[]> answer = errors.unexpected(new IllegalStateException("a detail that stays in the log"), new MockHttpServletResponse());
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(new String(answer.getBody(), StandardCharsets.UTF_8))
                .matches("\\{\n  \"error\": \"internal error at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00; "
                        + "the server's log has the details\"\n}\n").doesNotContain("IllegalStateException");
    }
}

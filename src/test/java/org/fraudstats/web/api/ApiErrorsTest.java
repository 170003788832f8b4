package org.fraudstats.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/** What the API answers when a handler fails: a client that hung up gets nothing written, anything else one line. */
class ApiErrorsTest {

    private final ApiErrors errors = new ApiErrors();

    @Test
    void aClientThatHungUpMidDownloadGetsNoErrorWrittenAfterTheBody() {
        assertThat(errors.unexpected(new AsyncRequestNotUsableException("ServletOutputStream failed to write: java.io.IOException: Broken pipe")))
                .isNull();
        assertThat(errors.unexpected(new IOException("Connection reset by peer"))).isNull();
    }

    @Test
    void anythingElseIsA500WithOneLineNamingOnlyTheKindOfFailure() {
        ResponseEntity<byte[]> answer = errors.unexpected(new IllegalStateException("a detail that stays in the log"));
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(new String(answer.getBody(), StandardCharsets.UTF_8))
                .isEqualTo("{\n  \"error\" : \"internal error: IllegalStateException; the server's log has the details\"\n}\n");
    }
}

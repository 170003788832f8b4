package org.fraudstats.web.api;

import java.nio.charset.StandardCharsets;

import org.fraudstats.metrics.MetricsListing;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A JSON answer as bytes in UTF-8 (web.md), written once by the module that owns the listing: a String handed to
 * Spring's converters would be re-encoded in ISO-8859-1 unless every mapping named the charset.
 */
final class JsonAnswer {

    static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);

    private JsonAnswer() {
    }

    static ResponseEntity<byte[]> of(HttpStatus status, String json) {
        return ResponseEntity.status(status).contentType(JSON).body(json.getBytes(StandardCharsets.UTF_8));
    }

    static ResponseEntity<byte[]> ok(String json) {
        return of(HttpStatus.OK, json);
    }

    static ResponseEntity<byte[]> of(HttpStatus status, Object value) {
        return of(status, MetricsListing.JSON.writeValueAsString(value) + "\n");
    }

    /**
     * The one line of an error, masked: it may quote an id or a body typed by the client (no rerun 6222…, tester).
     * Named error.json (as web/security's 401, 403 and 404 are): Spring MVC's guard against reflected downloads
     * otherwise names the answer to a path ending .pdf or .xlsx "f.txt", and `curl -OJ` saved a bulletin's 404 as
     * f.txt, one file overwritten by each failed download of a loop (r33a).
     */
    static ResponseEntity<byte[]> error(HttpStatus status, String message) {
        ResponseEntity<byte[]> answer = of(status, java.util.Map.of("error", org.fraudstats.storage.DigitRuns.mask(message)));
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"error.json\"").body(answer.getBody());
    }

    /** 503 with Retry-After: the server cannot do it now and a client may try again after that many seconds. */
    static ResponseEntity<byte[]> unavailable(String message, int retryAfterSeconds) {
        ResponseEntity<byte[]> answer = error(HttpStatus.SERVICE_UNAVAILABLE, message);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(org.springframework.http.HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds)).body(answer.getBody());
    }
}

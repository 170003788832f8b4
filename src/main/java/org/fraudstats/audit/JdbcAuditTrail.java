package org.fraudstats.audit;

import java.util.HashMap;
import java.util.Map;

import org.fraudstats.storage.DigitRuns;
import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The audit trail in table audit_event. It joins the caller's transaction when there is one, so a change of a
 * user and its record commit together or not at all.
 */
@Repository
class JdbcAuditTrail implements AuditTrail {

    /** A field longer than this is cut: a client cannot fill the log with one request's header. */
    private static final int MAX_FIELD = 500;

    private final NamedParameterJdbcTemplate jdbc;

    JdbcAuditTrail(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(AuditEvent event) {
        Map<String, Object> params = new HashMap<>();
        // what a user typed reaches the log in these three (a name, an id, a reason quoting them): an account number
        // pasted into any of them is masked here, whichever caller forgot (tester: a token id of 19 digits was not)
        params.put("user", masked(event.user()));
        params.put("role", field(event.role()));
        // an address behind a proxy is what X-Forwarded-For said (Clients.address keeps only an address's shape)
        params.put("client", masked(event.client()));
        params.put("action", field(event.action()));
        params.put("object", masked(event.object()));
        params.put("result", masked(event.result()));
        jdbc.queryForObject(SqlFiles.load("audit/record-event.sql"), params, Long.class);
    }

    /**
     * Null as empty; line breaks as spaces, so one event stays one line of the CSV; other control characters as '?',
     * since PostgreSQL refuses a NUL and the refused insert would fail the action it records; invisible format
     * characters as '?' too (a right-to-left override or a zero-width space typed into a failed sign-in's user name
     * would show the auditor another user's name). Unicode's own line and paragraph separators (U+2028, U+2029, NEL)
     * are line breaks to a log collector splitting lines as Unicode does, and the invisible letters and marks (Hangul
     * fillers, combining marks and variation selectors, the blank Braille cell) are as invisible as a format
     * character: an anonymous request's path put a well-formed forged row on a line of its own (review r35d).
     */
    private static final java.util.regex.Pattern BREAKS = java.util.regex.Pattern.compile("[\\r\\n\\t\\u0085\\u2028\\u2029]+");
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile(
            "[\\p{Cc}\\p{Cf}\\p{Mn}\\p{Me}\\u115F\\u1160\\u3164\\uFFA0\\u2800]");

    /**
     * Cleaned, then masked, then cut: masked first, the cleaning put a number back together that the mask had not seen
     * as one (nine tabs between groups are one space afterwards, Hangul fillers '?'), from an anonymous request's path
     * into the log nothing may change for 180 days (review r35e).
     */
    private static String masked(String value) {
        return cut(DigitRuns.mask(cleaned(value)));
    }

    private static String field(String value) {
        return cut(cleaned(value));
    }

    private static String cleaned(String value) {
        return value == null ? "" : CONTROL.matcher(BREAKS.matcher(value).replaceAll(" ")).replaceAll("?");
    }

    private static String cut(String line) {
        return line.length() > MAX_FIELD ? line.substring(0, MAX_FIELD) : line;
    }
}

package org.fraudstats.audit;

/**
 * One line of the audit log (web.md "Audit log"): who ({@code user}, {@code role}; empty when unknown, e.g. a
 * refused request without credentials), from where ({@code client}, the remote address), what ({@code action},
 * e.g. {@code sign-in}, {@code download}, {@code rerun}), on what ({@code object}, e.g. a file name or a date
 * range) and how it ended ({@code result}, e.g. {@code success}, {@code failure}, {@code locked}, {@code 403}).
 * The time is the database's, set when the event is recorded.
 */
public record AuditEvent(String user, String role, String client, String action, String object, String result) {
}

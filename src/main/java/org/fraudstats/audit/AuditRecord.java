package org.fraudstats.audit;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.fraudstats.settings.BusinessTime;

/** One line of the audit log as recorded: an {@link AuditEvent} and when the database recorded it. */
public record AuditRecord(OffsetDateTime time, String user, String role, String client, String action, String object,
        String result) {

    private static final DateTimeFormatter SECONDS_WITH_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    /** The action in the auditor's words (登录 for sign-in), for the page. */
    public String actionName() {
        return AuditWords.action(action);
    }

    /** The result in the auditor's words (失败：密码错误), for the page. */
    public String resultName() {
        return AuditWords.result(result);
    }

    /**
     * Whether it records something refused or failed, marked red on the audit page: a failure, a refusal, a lockout,
     * or a request answered 4xx or 5xx ("403: no valid CSRF token", "401: token expired or revoked", 405, 400), which
     * looked like successes there (review 31).
     */
    public boolean failed() {
        return result != null && (result.startsWith("fail") || result.startsWith("refused") || result.startsWith("locked")
                || result.matches("[45]\\d\\d(:.*)?"));
    }

    /** The time as web.md shows it, in Asia/Shanghai with its offset: {@code 2026-12-02T15:04:05+08:00}. */
    public String shanghaiTime() {
        return time.atZoneSameInstant(BusinessTime.ZONE).format(SECONDS_WITH_OFFSET);
    }
}

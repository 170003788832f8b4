package org.fraudstats.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.fraudstats.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/**
 * web.md: audit records "cannot be changed or deleted through the application's database user". The tests
 * connect as the superuser, as the embedded database does, so what holds here holds for fraudstats.
 */
class AuditTableTest extends DatabaseTest {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditLog log;

    @Test
    void anEventIsRecordedWithItsSevenFieldsAndReadBackInShanghaiTime() {
        trail.record(new AuditEvent("li.na", "statistician", "10.1.2.3", "download", "2022-10-23/daily.pdf", "success"));

        List<AuditRecord> read = new ArrayList<>();
        log.read(null, null, r -> { if (r.object().equals("2022-10-23/daily.pdf")) read.add(r); });
        assertThat(read).hasSize(1);
        AuditRecord r = read.get(0);
        assertThat(List.of(r.user(), r.role(), r.client(), r.action(), r.object(), r.result()))
                .containsExactly("li.na", "statistician", "10.1.2.3", "download", "2022-10-23/daily.pdf", "success");
        assertThat(r.shanghaiTime()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
    }

    @Test
    void aLineBreakInAFieldCannotForgeASecondLine() {
        trail.record(new AuditEvent("x\nforged,admin", null, "c", "sign-in", "x\r\nforged", "failure"));
        assertThat(jdbc.queryForList("SELECT user_name || '|' || role || '|' || object FROM audit_event WHERE action = 'sign-in' "
                + "AND client = 'c'", String.class)).containsExactly("x forged,admin||x forged");
    }

    @Test
    void aUnicodeLineOrParagraphSeparatorCannotForgeASecondLineEither() {
        // as an anonymous request's path put a whole forged row between two U+2028 (review r35d)
        trail.record(new AuditEvent("", null, "u2028", "request", "GET /x\u20282026-12-07T06:50:00+08:00,audit1,auditor\u2029y\u0085z"
                + "\u115F\u3164\u034F\u2800w", "400"));
        assertThat(jdbc.queryForList("SELECT object FROM audit_event WHERE client = 'u2028'", String.class))
                .containsExactly("GET /x 2026-12-07T06:50:00+08:00,audit1,auditor y z????w");
    }

    @Test
    void whatTheCleaningJoinsIsMaskedAfterIt() {
        // nine tabs between groups are one space once cleaned, Hangul fillers '?': masked before, the card was whole (r35e)
        String tabs = "6222" + "\t".repeat(9) + "0212" + "\t".repeat(9) + "3456" + "\t".repeat(9) + "7890";
        trail.record(new AuditEvent("", null, "clean-then-mask", "request", "GET /api/v1/bulletins/" + tabs + "/daily.pdf", "401"));
        trail.record(new AuditEvent("", null, "clean-then-mask", "request", "GET /x/6222\u31640212\u31643456\u31647890", "401"));
        assertThat(jdbc.queryForList("SELECT object FROM audit_event WHERE client = 'clean-then-mask' ORDER BY id", String.class))
                .containsExactly("GET /api/v1/bulletins/**** **** **** 7890/daily.pdf", "GET /x/****?****?****?7890");
    }

    @Test
    void anInvisibleFormatCharacterCannotDisguiseAName() {
        // a right-to-left override and a zero-width space typed as a user name at /login
        trail.record(new AuditEvent("a.dua\u202E", null, "bidi", "sign-in", "aud\u200B.a", "failure"));
        assertThat(jdbc.queryForList("SELECT user_name || '|' || object FROM audit_event WHERE client = 'bidi'", String.class))
                .containsExactly("a.dua?|aud?.a");
    }

    @Test
    void updateDeleteAndTruncateAreRefusedAndTheRowsStay() {
        trail.record(new AuditEvent("wang.fang", "leader", "10.0.0.9", "read", "metrics 2022-10-01..2022-10-23", "success"));
        int before = jdbc.queryForObject("SELECT count(*) FROM audit_event", Integer.class);

        assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET result = 'failure' WHERE user_name = 'wang.fang'"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("audit_event is append-only: UPDATE refused");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event WHERE user_name = 'wang.fang'"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("audit_event is append-only: DELETE refused");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_event"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("audit_event is append-only: TRUNCATE refused");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event", Integer.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT result FROM audit_event WHERE user_name = 'wang.fang'", String.class)).isEqualTo("success");
    }

    @Test
    void anInsertCannotBackDateARecord_theDatabaseClockIsItsTime() {
        // the application's database user may insert, and once put a forged row at any date among the real ones
        jdbc.update("INSERT INTO audit_event (time, user_name, role, client, action, object, result) "
                + "VALUES ('2026-06-01 10:00+08', 'forged.auditor', 'auditor', '10.9.9.9', 'read-audit', 'x', 'success')");
        assertThat(jdbc.queryForObject("SELECT abs(extract(epoch FROM time - now())) < 60 FROM audit_event "
                + "WHERE user_name = 'forged.auditor'", Boolean.class)).isTrue();
        // nor put a row before the others by its id: the id is the sequence's, the next after the last
        long last = jdbc.queryForObject("SELECT max(id) FROM audit_event", Long.class);
        jdbc.update("INSERT INTO audit_event (id, user_name, action, result) VALUES (1, 'early.bird', 'read-audit', 'success')");
        assertThat(jdbc.queryForObject("SELECT id FROM audit_event WHERE user_name = 'early.bird'", Long.class)).isGreaterThan(last);
        // and rows written the ordinary way take consecutive ids
        trail.record(new AuditEvent("next.one", "leader", "10.0.0.9", "read", "x", "success"));
        trail.record(new AuditEvent("next.two", "leader", "10.0.0.9", "read", "x", "success"));
        assertThat(jdbc.queryForObject("SELECT max(id) - min(id) FROM audit_event WHERE user_name IN ('next.one', 'next.two')",
                Long.class)).isEqualTo(1);
    }

    @Test
    void publicHoldsNoRightToChangeTheLog() {
        jdbc.execute("DROP ROLE IF EXISTS audit_probe");
        jdbc.execute("CREATE ROLE audit_probe");
        try {
            assertThat(jdbc.queryForObject("SELECT has_table_privilege('audit_probe', 'audit_event', 'UPDATE') "
                    + "OR has_table_privilege('audit_probe', 'audit_event', 'DELETE') "
                    + "OR has_table_privilege('audit_probe', 'audit_event', 'TRUNCATE')", Boolean.class)).isFalse();
        } finally {
            jdbc.execute("DROP ROLE audit_probe");
        }
    }
}

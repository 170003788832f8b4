package org.fraudstats.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/**
 * An administrator shown a user's new password can sign in as them and make a token, recorded as the user's own
 * (re-tester); the auditor's page flags the user's acts from the administrator's address within a day after.
 */
class AfterAResetTest {

    private static final OffsetDateTime T = OffsetDateTime.of(2026, 12, 6, 1, 11, 32, 0, ZoneOffset.ofHours(8));

    private static AuditRecord event(int minutes, String user, String role, String client, String action, String object, String result) {
        return new AuditRecord(T.plusMinutes(minutes), user, role, client, action, object, result);
    }

    @Test
    void theUsersActsFromTheResettingAddressWithinADayAreFlagged_othersNot() {
        AfterAReset watch = new AfterAReset();
        assertThat(watch.flags(event(-5, "li.tongji", "statistician", "10.0.0.5", "sign-in", "li.tongji", "success"))).isFalse();
        assertThat(watch.flags(event(0, "admin1", "admin", "10.0.0.9", "user-password", "li.tongji", "success"))).isFalse();
        assertThat(watch.flags(event(1, "li.tongji", "statistician", "10.0.0.9", "sign-in", "li.tongji", "success"))).isTrue();
        assertThat(watch.flags(event(2, "li.tongji", "statistician", "10.0.0.9 token 2", "rerun", "2022-10-21..2022-10-21", "success"))).isTrue();
        // the user at their own desk, another user, a refused reset, a day later
        assertThat(watch.flags(event(3, "li.tongji", "statistician", "10.0.0.5", "sign-in", "li.tongji", "success"))).isFalse();
        assertThat(watch.flags(event(4, "wang.ling", "leader", "10.0.0.9", "sign-in", "wang.ling", "success"))).isFalse();
        assertThat(watch.flags(event(5, "admin1", "admin", "10.0.0.9", "user-password", "wang.ling", "refused: disabled"))).isFalse();
        assertThat(watch.flags(event(6, "wang.ling", "leader", "10.0.0.9", "sign-in", "wang.ling", "success"))).isFalse();
        assertThat(watch.flags(event(24 * 60 + 1, "li.tongji", "statistician", "10.0.0.9", "sign-in", "li.tongji", "success"))).isFalse();
        // a TOTP key reset counts as a password reset does
        assertThat(watch.flags(event(30, "admin1", "admin", "10.0.0.9", "user-totp", "chen.stat", "success"))).isFalse();
        assertThat(watch.flags(event(31, "chen.stat", "statistician", "10.0.0.9", "sign-in", "chen.stat", "pending: TOTP enrolment"))).isTrue();
        // and a user the administrator added on the portal: its first password was theirs (review)
        assertThat(watch.flags(event(40, "admin1", "admin", "10.0.0.9", "user-add", "script.bot (statistician)", "success"))).isFalse();
        assertThat(watch.flags(event(41, "script.bot", "statistician", "10.0.0.9", "token-create", "script.bot (token 3, expires 2036-12-13)", "success"))).isTrue();
    }

    /** An administrator changing their own password at /account resets no one: nothing after it is marked (r37b). */
    @Test
    void anAdministratorsOwnPasswordChangeIsNoReset() {
        AfterAReset watch = new AfterAReset();
        assertThat(watch.flags(event(0, "admin1", "admin", "10.0.0.9", "user-password", "admin1", "success"))).isFalse();
        assertThat(watch.flags(event(1, "AdMiN1", "", "10.0.0.9", "sign-in", "AdMiN1", "failure: unknown user"))).isFalse();
        assertThat(watch.flags(event(2, "admin1", "", "10.0.0.9", "sign-in", "admin1", "failure: wrong password"))).isFalse();
    }
}

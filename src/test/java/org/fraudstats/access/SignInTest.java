package org.fraudstats.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.fraudstats.access.SignIn.Outcome;
import org.fraudstats.support.DatabaseTest;
import org.fraudstats.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/** web.md's sign-in rules at the level of the access module; the web tests drive the same through /login. */
@Import(SignInTest.Beans.class)
class SignInTest extends DatabaseTest {

    private static final Instant START = Instant.parse("2026-12-02T01:00:00Z");
    private static final String CLIENT = "192.0.2.7";

    static class Beans {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(START, 1);
        }
    }

    @Autowired
    TestClock clock;

    @Autowired
    Users users;

    @Autowired
    SignIn signIn;

    @Autowired
    TotpKeys totpKeys;

    @Autowired
    org.fraudstats.storage.AccountKey accountKey;

    private void add(String name, Role role, String password) {
        users.add(name, role, password, new Actor("setup", "", "test"));
    }

    /**
     * A password holding an ö set on the portal before 2026-12-06 was hashed as its form had been misread (ISO-8859-1):
     * typed now, it signs in, and its hash is made again from it as typed (review: those users were locked out).
     */
    @Test
    void aPasswordHashedAsThePortalOnceMisreadItStillSignsIn_andIsHashedAgainAsTyped() {
        String typed = "Größere-Wörter-9";
        String misread = new String(typed.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.ISO_8859_1);
        add("umlaut.user", Role.LEADER, misread);
        jdbc.update("UPDATE app_user SET password_change_required = false WHERE name = 'umlaut.user'");

        assertThat(signIn.attempt("umlaut.user", typed, null, CLIENT).outcome()).isEqualTo(Outcome.SUCCESS);

        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE name = 'umlaut.user'", String.class);
        assertThat(PasswordHashes.matches(typed, hash)).isTrue();
        assertThat(PasswordHashes.matches(misread, hash)).isFalse();
        // an ASCII password that is wrong stays wrong
        assertThat(signIn.attempt("umlaut.user", "Grossere-Worter-9", null, CLIENT).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(users.find("umlaut.user").orElseThrow().passwordChangeDue()).isFalse();

        // one that passed the rule only misread (each é counted twice) signs in, and must be changed at once
        String weak = "ééééééAa1";
        add("weak.umlaut", Role.LEADER, new String(weak.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.ISO_8859_1));
        jdbc.update("UPDATE app_user SET password_change_required = false WHERE name = 'weak.umlaut'");
        assertThat(signIn.attempt("weak.umlaut", weak, null, CLIENT).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(users.find("weak.umlaut").orElseThrow().passwordChangeDue()).isTrue();
    }

    @Test
    void theRightPasswordSignsInAndIsAudited() {
        add("ok.user", Role.LEADER, "Right-Password-1");

        SignIn.Attempt attempt = signIn.attempt("ok.user", "Right-Password-1", null, CLIENT);

        assertThat(attempt.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(attempt.user().role()).isEqualTo(Role.LEADER);
        assertThat(audit("ok.user")).containsExactly("ok.user|leader|192.0.2.7|sign-in|ok.user|success");
    }

    @Test
    void fiveFailuresInARowLockForFifteenMinutesAndTheRightPasswordFailsMeanwhile() {
        clock.set(START);
        add("locked.user", Role.STATISTICIAN, "Right-Password-1");
        for (int i = 0; i < 4; i++) {
            assertThat(signIn.attempt("locked.user", "wrong-" + i, null, CLIENT).outcome()).isEqualTo(Outcome.REFUSED);
        }
        assertThat(signIn.attempt("locked.user", "Right-Password-1", null, CLIENT).outcome()).isEqualTo(Outcome.SUCCESS);
        // the count is of failures in a row: the success above started it again
        for (int i = 0; i < 5; i++) {
            assertThat(signIn.attempt("locked.user", "wrong-" + i, null, CLIENT).outcome()).isEqualTo(Outcome.REFUSED);
        }

        assertThat(signIn.attempt("locked.user", "Right-Password-1", null, CLIENT).outcome()).isEqualTo(Outcome.REFUSED);
        clock.set(START.plus(Duration.ofMinutes(14)));
        assertThat(signIn.attempt("locked.user", "Right-Password-1", null, CLIENT).outcome()).isEqualTo(Outcome.REFUSED);
        clock.set(START.plus(Duration.ofMinutes(16)));
        assertThat(signIn.attempt("locked.user", "Right-Password-1", null, CLIENT).outcome()).isEqualTo(Outcome.SUCCESS);

        List<String> audit = audit("locked.user");
        assertThat(audit).hasSize(4 + 1 + 5 + 1 + 2 + 1);
        assertThat(audit.get(9)).isEqualTo("locked.user|statistician|192.0.2.7|sign-in|locked.user|failure: wrong password");
        assertThat(audit.get(10)).startsWith("locked.user|statistician|192.0.2.7|lockout|locked.user|locked until 2026-12-02T09:15:");
        assertThat(audit.get(11)).startsWith("locked.user|statistician|192.0.2.7|sign-in|locked.user|refused: locked until 2026-12-02T09:15:");
        assertThat(audit.get(13)).isEqualTo("locked.user|statistician|192.0.2.7|sign-in|locked.user|success");
    }

    @Test
    void anUnknownOrDisabledUserIsRefusedLikeAWrongPassword() {
        add("gone.user", Role.PRESS, "Right-Password-1");
        users.disable("gone.user", new Actor("setup", "", "test"));

        assertThat(signIn.attempt("gone.user", "Right-Password-1", null, CLIENT).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(signIn.attempt("nobody.here", "Right-Password-1", null, CLIENT).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(audit("gone.user")).endsWith("gone.user|press|192.0.2.7|sign-in|gone.user|failure: disabled");
        assertThat(audit("nobody.here")).containsExactly("nobody.here||192.0.2.7|sign-in|nobody.here|failure: unknown user");
    }

    @Test
    void aNameWithAControlCharacterIsAnUnknownUserRecordedByItsLengthOnly() {
        add("nul.user", Role.LEADER, "Right-Password-1");

        assertThat(signIn.attempt("nul.user\u0000", "Right-Password-1", null, CLIENT).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(signIn.attempt("nul.user\u0007x", "Right-Password-1", null, CLIENT).outcome()).isEqualTo(Outcome.REFUSED);

        // no user name holds such a character: what was typed is kept as its length (it may be a password)
        assertThat(audit("(not a user name, 9 characters)"))
                .containsExactly("(not a user name, 9 characters)||192.0.2.7|sign-in|(not a user name, 9 characters)|failure: unknown user");
        assertThat(audit("(not a user name, 10 characters)"))
                .containsExactly("(not a user name, 10 characters)||192.0.2.7|sign-in|(not a user name, 10 characters)|failure: unknown user");
        // a password typed into the name field is not written into the log
        assertThat(signIn.attempt("Pa55word!Secret", "x", null, CLIENT).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE concat(user_name, object) LIKE '%Pa55word%'",
                Integer.class)).isZero();
        assertThat(audit("(not a user name, 15 characters)")).hasSize(1);
        // nor one that has a user name's shape but would pass as a password
        signIn.attempt("Summer2026Secure", "x", null, CLIENT);
        assertThat(audit("(not a user name, 16 characters)")).hasSize(1);
        assertThat(audit("Summer2026Secure")).isEmpty();
        // not a failure of nul.user: its count is untouched
        assertThat(jdbc.queryForObject("SELECT failed_attempts FROM app_user WHERE name = 'nul.user'", Integer.class)).isZero();
    }

    /** The administrators see when each user last signed in: an account unused for months is found and disabled (r42b). */
    @Test
    void aSuccessfulSignInIsWhenTheUserLastSignedIn_aRefusedOneIsNot() {
        clock.set(START);
        add("last.seen", Role.LEADER, "Last-Seen-Pass-1");
        assertThat(users.find("last.seen").orElseThrow().lastSignedInAt()).isNull();
        assertThat(signIn.attempt("last.seen", "Wrong-Password-1", null, CLIENT).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(users.find("last.seen").orElseThrow().lastSignedInAt()).isNull();

        Instant signedIn = START.plus(Duration.ofDays(3));
        clock.set(signedIn);
        assertThat(signIn.attempt("last.seen", "Last-Seen-Pass-1", null, CLIENT).outcome()).isEqualTo(Outcome.SUCCESS);
        java.time.OffsetDateTime seen = users.find("last.seen").orElseThrow().lastSignedInAt();
        // Foshan's time, as the page and `user list` show it
        assertThat(seen.getOffset()).isEqualTo(java.time.ZoneOffset.ofHours(8));
        assertThat(Duration.between(signedIn, seen.toInstant())).isBetween(Duration.ZERO, Duration.ofSeconds(10));

        clock.set(START.plus(Duration.ofDays(5)));
        assertThat(signIn.attempt("last.seen", "Wrong-Password-2", null, CLIENT).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(users.list()).filteredOn(user -> user.name().equals("last.seen")).extracting(UserAccount::lastSignedInAt)
                .containsExactly(seen);
    }

    @Test
    void adminsAndAuditorsNeedATotpCodeAndTheQrCodeIsShownUntilAFirstCodeIsAccepted() {
        clock.set(START);
        add("admin.two", Role.ADMIN, "Admin-Password-1");
        // not enrolled: the right password fares as a wrong one, and counts as a failure (no password oracle)
        assertThat(signIn.attempt("admin.two", "Admin-Password-1", null, CLIENT).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(jdbc.queryForObject("SELECT failed_attempts FROM app_user WHERE name = 'admin.two'", Integer.class)).isEqualTo(1);
        for (int i = 0; i < 4; i++) {
            signIn.attempt("admin.two", "Admin-Password-1", null, CLIENT);
        }
        assertThat(jdbc.queryForObject("SELECT locked_until IS NOT NULL FROM app_user WHERE name = 'admin.two'", Boolean.class)).isTrue();

        // the first key clears the lock of the tries made before there was one (review), and the audit says so
        String secret = Totp.secretOf(users.enrolTotp("admin.two", new Actor("setup", "", "test")));
        assertThat(jdbc.queryForObject("SELECT result FROM audit_event WHERE action = 'user-totp' AND object = 'admin.two'", String.class))
                .isEqualTo("success: lock of the sign-ins tried before the first key lifted");
        assertThat(org.fraudstats.audit.AuditWords.result("success: lock of the sign-ins tried before the first key lifted"))
                .isEqualTo("成功：首次登记动态口令，解除此前登录尝试造成的锁定");
        SignIn.Attempt pending = signIn.attempt("admin.two", "Admin-Password-1", null, CLIENT);
        assertThat(pending.outcome()).isEqualTo(Outcome.TOTP_PENDING);
        assertThat(users.pendingTotpUri("admin.two")).contains(Totp.uri("admin.two", secret));
        assertThat(signIn.confirmTotp("admin.two", "000000".equals(Totp.code(secret, START)) ? "111111" : "000000", CLIENT, pending.checked()).outcome())
                .isEqualTo(Outcome.REFUSED);
        assertThat(signIn.confirmTotp("admin.two", Totp.code(secret, START), CLIENT, pending.checked()).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(users.pendingTotpUri("admin.two")).isEmpty();
        assertThat(users.find("admin.two").orElseThrow().lastSignedInAt()).as("the enrolment's sign-in").isNotNull();

        clock.set(START.plusSeconds(60));
        assertThat(signIn.attempt("admin.two", "Admin-Password-1", null, CLIENT).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(signIn.attempt("admin.two", "Admin-Password-1", Totp.code(secret, START.plusSeconds(60)), CLIENT).outcome())
                .isEqualTo(Outcome.SUCCESS);
        // the same code again, within its 30 seconds: refused (RFC 6238 §5.2)
        assertThat(signIn.attempt("admin.two", "Admin-Password-1", Totp.code(secret, START.plusSeconds(60)), CLIENT).outcome())
                .isEqualTo(Outcome.REFUSED);
        // each refusal says why: no code, a code used already (a replay), a wrong one (tester B: all were "wrong TOTP code")
        assertThat(audit("admin.two").stream().filter(row -> row.contains("|sign-in|") && row.contains("failure: ")).toList())
                .extracting(row -> row.substring(row.lastIndexOf('|') + 1))
                .containsExactly("failure: no TOTP enrolled", "failure: no TOTP enrolled", "failure: no TOTP enrolled", "failure: no TOTP enrolled",
                        "failure: no TOTP enrolled", "failure: wrong TOTP code", "failure: no TOTP code", "failure: TOTP code already used");
    }

    @Test
    void aTotpKeyIsKeptSealed_oneEnrolledInClearBeforeIsSealedAtItsFirstAcceptedCode_andACopiedOneOpensForNobody() {
        clock.set(START);
        add("admin.sealed", Role.ADMIN, "Admin-Password-1");
        String secret = Totp.secretOf(users.enrolTotp("admin.sealed", new Actor("setup", "", "test")));
        String stored = jdbc.queryForObject("SELECT totp_secret FROM app_user WHERE name = 'admin.sealed'", String.class);
        assertThat(stored).startsWith("sealed1:").doesNotContain(secret);
        assertThat(signIn.confirmTotp("admin.sealed", Totp.code(secret, START), CLIENT,
                signIn.attempt("admin.sealed", "Admin-Password-1", null, CLIENT).checked()).outcome()).isEqualTo(Outcome.SUCCESS);

        // a key enrolled by an earlier version, in clear: still accepted, then sealed
        add("admin.older", Role.ADMIN, "Admin-Password-1");
        String older = Totp.secretOf(users.enrolTotp("admin.older", new Actor("setup", "", "test")));
        jdbc.update("UPDATE app_user SET totp_secret = ?, totp_confirmed = true WHERE name = 'admin.older'", older);
        assertThat(signIn.attempt("admin.older", "Admin-Password-1", Totp.code(older, START), CLIENT).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(jdbc.queryForObject("SELECT totp_secret FROM app_user WHERE name = 'admin.older'", String.class))
                .startsWith("sealed1:").doesNotContain(older);
        assertThat(signIn.attempt("admin.older", "Admin-Password-1", Totp.code(older, START.plusSeconds(30)), CLIENT).outcome())
                .isEqualTo(Outcome.SUCCESS);

        // the sealed key of admin.sealed copied into admin.older's row: its name is part of the sealing, so it opens for
        // nobody; refused and audited, not counted against the user (as under a wrong account key)
        jdbc.update("UPDATE app_user SET totp_secret = ? WHERE name = 'admin.older'", stored);
        assertThat(signIn.attempt("admin.older", "Admin-Password-1", Totp.code(secret, START.plusSeconds(60)), CLIENT).outcome())
                .isEqualTo(Outcome.REFUSED);
        assertThat(audit("admin.older")).last().isEqualTo("admin.older|admin|192.0.2.7|sign-in|admin.older|failure: TOTP key not readable under this account key");
        // the log's line names where this process's key came from, as the loader's refusal does
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> totpKeys.open("admin.older", stored))
                .hasMessage("the TOTP key of admin.older was sealed under another account key than this one (" + accountKey.source()
                        + "): put back this database's key, or enrol the user again with `user totp admin.older`");
        assertThat(jdbc.queryForObject("SELECT failed_attempts FROM app_user WHERE name = 'admin.older'", Integer.class)).isZero();

        // a key left in clear by a user who has not signed in since: sealed when serve starts
        jdbc.update("UPDATE app_user SET totp_secret = ? WHERE name = 'admin.older'", older);
        assertThat(users.sealClearTotpKeys()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT totp_secret FROM app_user WHERE name = 'admin.older'", String.class)).startsWith("sealed1:");
        clock.set(START.plusSeconds(90));
        assertThat(signIn.attempt("admin.older", "Admin-Password-1", Totp.code(older, START.plusSeconds(90)), CLIENT).outcome())
                .isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void anAuditorWithoutTotpCannotSignInButALeaderMayEnrolAndThenAlwaysNeedsTheCode() {
        clock.set(START);
        add("auditor.two", Role.AUDITOR, "Auditor-Password-1");
        assertThat(signIn.attempt("auditor.two", "Auditor-Password-1", "123456", CLIENT).outcome()).isEqualTo(Outcome.REFUSED);

        add("leader.totp", Role.LEADER, "Leader-Password-1");
        String secret = Totp.secretOf(users.enrolTotp("leader.totp", new Actor("setup", "", "test")));
        assertThat(signIn.confirmTotp("leader.totp", Totp.code(secret, START), CLIENT,
                signIn.attempt("leader.totp", "Leader-Password-1", null, CLIENT).checked()).outcome()).isEqualTo(Outcome.SUCCESS);
        clock.set(START.plusSeconds(90));
        assertThat(signIn.attempt("leader.totp", "Leader-Password-1", "", CLIENT).outcome()).isEqualTo(Outcome.REFUSED);
    }

    private List<String> audit(String user) {
        return jdbc.queryForList("SELECT concat_ws('|', user_name, role, client, action, object, result) FROM audit_event "
                + "WHERE object = ? AND client = ? ORDER BY id", String.class, user, CLIENT);
    }

    @Autowired
    Tokens tokens;

    @Test
    void aUserChangesTheirOwnPasswordOnlyWithTheCurrentOne() {
        add("own.pw", Role.PRESS, "First-Password-1");
        Actor self = new Actor("own.pw", "press", CLIENT);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> users.changeOwnPassword("own.pw", "wrong", "Second-Password-2", self, null))
                .isInstanceOf(AccessProblem.class).hasMessage("the current password is wrong");
        users.changeOwnPassword("own.pw", "First-Password-1", "Second-Password-2", self, null);

        assertThat(signIn.attempt("own.pw", "First-Password-1", null, CLIENT).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(signIn.attempt("own.pw", "Second-Password-2", null, CLIENT).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(jdbc.queryForList("SELECT result FROM audit_event WHERE action = 'user-password' AND object = 'own.pw' ORDER BY id",
                String.class)).containsExactly("failure: wrong current password", "success");
    }

    @Test
    void aWrongCurrentPasswordOnOnesOwnPageIsAFailedSignInOfThatUserAndCountsTowardsTheLock() {
        clock.set(START);
        add("guessed.pw", Role.LEADER, "Right-Password-1");
        Actor self = new Actor("guessed.pw", "leader", CLIENT);
        // one wrong at /login and four on the page make four in a row, on the one counter
        assertThat(signIn.attempt("guessed.pw", "wrong-0", null, CLIENT).outcome()).isEqualTo(Outcome.REFUSED);
        for (int i = 1; i <= 3; i++) {
            String guess = "wrong-" + i;
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> users.changeOwnPassword("guessed.pw", guess, "New-Password-12", self, null))
                    .isExactlyInstanceOf(AccessProblem.class).hasMessage("the current password is wrong");
        }
        assertThat(jdbc.queryForObject("SELECT failed_attempts FROM app_user WHERE name = 'guessed.pw'", Integer.class)).isEqualTo(4);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> users.changeOwnPassword("guessed.pw", "wrong-4", "New-Password-12", self, null))
                .isExactlyInstanceOf(Users.LockedOut.class)
                .hasMessage("the current password was wrong 5 times in a row: locked for 15 minutes");
        java.time.OffsetDateTime lockedAt = jdbc.queryForObject("SELECT locked_until FROM app_user WHERE name = 'guessed.pw'",
                java.time.OffsetDateTime.class);
        Instant lockedUntil = lockedAt.toInstant();
        // written in the audit log as its other times are: Beijing time with the offset
        String lockedUntilText = lockedAt.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
                .format(java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX"));
        assertThat(Duration.between(START.plus(Duration.ofMinutes(15)), lockedUntil)).isBetween(Duration.ZERO, Duration.ofMinutes(1));

        // during the lock the right current password is refused on the page, and the right password at /login
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> users.changeOwnPassword("guessed.pw", "Right-Password-1", "New-Password-12", self, null))
                .isExactlyInstanceOf(AccessProblem.class).hasMessage("the current password is wrong");
        assertThat(signIn.attempt("guessed.pw", "Right-Password-1", null, CLIENT).outcome()).isEqualTo(Outcome.REFUSED);
        clock.set(lockedUntil.plusSeconds(1));
        users.changeOwnPassword("guessed.pw", "Right-Password-1", "New-Password-12", self, null);
        assertThat(signIn.attempt("guessed.pw", "New-Password-12", null, CLIENT).outcome()).isEqualTo(Outcome.SUCCESS);

        String who = "guessed.pw|leader|192.0.2.7|";
        assertThat(audit("guessed.pw")).containsExactly(
                who + "sign-in|guessed.pw|failure: wrong password",
                who + "user-password|guessed.pw|failure: wrong current password",
                who + "user-password|guessed.pw|failure: wrong current password",
                who + "user-password|guessed.pw|failure: wrong current password",
                who + "user-password|guessed.pw|failure: wrong current password",
                who + "lockout|guessed.pw|locked until " + lockedUntilText,
                who + "user-password|guessed.pw|refused: locked until " + lockedUntilText,
                who + "sign-in|guessed.pw|refused: locked until " + lockedUntilText,
                who + "user-password|guessed.pw|success",
                who + "sign-in|guessed.pw|success");
    }

    @Test
    void aRevokedTokenIsRefusedAndStaysListed() {
        add("revoked.user", Role.STATISTICIAN, "Statistician-12x");
        String token = tokens.create("revoked.user", 30, new Actor("setup", "", "test"));
        TokenInfo info = tokens.list().stream().filter(t -> t.user().equals("revoked.user")).findFirst().orElseThrow();
        assertThat(java.time.Duration.between(info.createdAt(), info.expiresAt())).isEqualTo(java.time.Duration.ofDays(30));

        tokens.revoke(info.id(), new Actor("boss", "admin", CLIENT));

        assertThat(tokens.holder(token)).isEmpty();
        assertThat(tokens.list()).extracting(TokenInfo::id).contains(info.id());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tokens.revoke(info.id(), new Actor("boss", "admin", CLIENT)))
                .isInstanceOf(AccessProblem.class).hasMessage("no valid token " + info.id());
        assertThat(jdbc.queryForList("SELECT concat_ws('|', user_name, role, action, object, result) FROM audit_event "
                + "WHERE action = 'token-revoke'", String.class)).containsExactly("boss|admin|token-revoke|token " + info.id() + " (" + info.user() + ")|success");
    }

    @Test
    void aTokenRemembersWhenItWasLastUsed_inFoshansTime() {
        add("used.token", Role.STATISTICIAN, "Statistician-12x");
        String token = tokens.create("used.token", 30, new Actor("setup", "", "test"));
        TokenInfo fresh = tokens.list().stream().filter(t -> t.user().equals("used.token")).findFirst().orElseThrow();
        assertThat(fresh.lastUsedAt()).isNull();
        assertThat(fresh.createdAt().getOffset()).isEqualTo(java.time.ZoneOffset.ofHours(8));

        assertThat(tokens.holder(token)).map(UserAccount::name).contains("used.token");

        TokenInfo used = tokens.list().stream().filter(t -> t.user().equals("used.token")).findFirst().orElseThrow();
        assertThat(used.lastUsedAt()).isNotNull();
        assertThat(used.lastUsedAt().getOffset()).isEqualTo(java.time.ZoneOffset.ofHours(8));
        assertThat(java.time.Duration.between(used.createdAt(), used.lastUsedAt())).isBetween(java.time.Duration.ZERO,
                java.time.Duration.ofMinutes(5));
        // a wrong token marks nothing
        assertThat(tokens.holder(token + "x")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_token WHERE last_used_at IS NOT NULL AND user_name <> 'used.token'",
                Long.class)).isZero();
    }
}

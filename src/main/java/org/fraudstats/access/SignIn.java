package org.fraudstats.access;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fraudstats.audit.AuditEvent;
import org.fraudstats.audit.AuditTrail;
import org.fraudstats.storage.DigitRuns;
import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a sign-in (web.md): password, then the TOTP code for those who need one. Five failures in a row lock
 * the user for 15 minutes, during which even the right password fails, and the caller cannot tell a lock from a
 * wrong password (only the audit log can). The counters live in the user's row, locked for the attempt, so two
 * nodes or two attempts at once count right. Each attempt is audited.
 */
@Service
public class SignIn {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    /** How an attempt ended. */
    public enum Outcome {
        /** Signed in. */
        SUCCESS,
        /** Wrong name, password or code, disabled or locked: the same answer for all. */
        REFUSED,
        /** The password was right and the user's TOTP key awaits its first code: show the QR code, then {@link #confirmTotp}. */
        TOTP_PENDING
    }

    /**
     * @param checked of a {@link Outcome#TOTP_PENDING} attempt, what its password was checked against (when the
     *                password and the pending key were set), for {@link #confirmTotp}; null otherwise
     */
    public record Attempt(Outcome outcome, UserAccount user, String checked) {

        Attempt(Outcome outcome, UserAccount user) {
            this(outcome, user, null);
        }
    }

    /** How a check of the current password on the user's own page ended ({@link #currentPassword}). */
    public enum Check {
        /** Right, and no lock holds. */
        RIGHT,
        /** Wrong, a lock holds or the user is disabled: the same answer for all, as at /login. */
        WRONG,
        /** Wrong, and the fifth failure in a row: the user is locked from now, and the session that typed it must end. */
        LOCKED,
        /**
         * Wrong, but the new password asked for is the one already set: the change was made, and this is its form sent
         * again (Back, then submit). Not counted: a guess costs a failure either way, and the right one resets them.
         */
        ALREADY_CHANGED
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final TotpKeys totpKeys;

    SignIn(NamedParameterJdbcTemplate jdbc, AuditTrail audit, Clock clock, TotpKeys totpKeys) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.totpKeys = totpKeys;
    }

    /** @param code the TOTP code typed, or null/blank when none */
    @Transactional
    public Attempt attempt(String name, String password, String code, String client) {
        // no user name holds a control character (Users' name rule), and PostgreSQL refuses a NUL in a parameter:
        // looked up, `a%00` raised inside this transaction and took its audit row with it (the audit trail writes
        // such a character as '?')
        List<State> found = name == null || hasControlCharacter(name) ? List.of()
                : jdbc.query(SqlFiles.load("access/sign-in-state.sql"), Map.of("name", name), State::of);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (found.isEmpty()) {
            spendTimeOfChecks(password);
            // the name as typed, which may be an account number pasted into the wrong field, or a password typed
            // into it: what cannot be a user name, or would pass as a password (Summer2026Secure), is kept as its
            // length only (MLPS tester: Pa55word!Secret in the log)
            record(Users.shapedLikeAName(name) && !PasswordPolicy.wouldPass(name) ? DigitRuns.mask(name)
                    : "(not a user name, " + (name == null ? 0 : name.length()) + " characters)", "", client, "sign-in", "failure: unknown user");
            return new Attempt(Outcome.REFUSED, null);
        }
        State state = found.get(0);
        UserAccount user = state.account();
        if (state.lockedUntil() != null && state.lockedUntil().isAfter(now)) {
            spendTimeOfChecks(password);
            record(name, user.role().code(), client, "sign-in", "refused: locked until " + lockText(state.lockedUntil()));
            return new Attempt(Outcome.REFUSED, null);
        }
        if (!rightPassword(name, password, state.hash())) {
            return failed(state, client, now, "failure: wrong password");
        }
        if (!user.enabled()) {
            record(name, user.role().code(), client, "sign-in", "failure: disabled");
            return new Attempt(Outcome.REFUSED, null);
        }
        if (state.totpSecret() == null && user.needsTotp()) {
            // answered as a wrong password, and counted as one: a page of its own told whoever guessed an
            // administrator's password that the guess was right, and cleared the failures before it (MLPS tester);
            // whoever then reached the first sign-in after `user totp` would see the key. The auditor reads why.
            return failed(state, client, now, "failure: no TOTP enrolled");
        }
        if (state.totpSecret() != null && !state.totpConfirmed()) {
            resetFailures(name);
            record(name, user.role().code(), client, "sign-in", "pending: TOTP enrolment");
            return new Attempt(Outcome.TOTP_PENDING, user, state.checked());
        }
        String secret = state.totpSecret() == null ? null : opened(state, client);
        if (state.totpSecret() != null && secret == null) {
            return new Attempt(Outcome.REFUSED, null);
        }
        String refused = secret == null ? null : codeRefused(state, secret, code, now);
        if (refused != null) {
            return failed(state, client, now, refused);
        }
        resetFailures(name);
        signedIn(name, now);
        record(name, user.role().code(), client, "sign-in", "success");
        return new Attempt(Outcome.SUCCESS, user);
    }

    /**
     * A password set on the portal before 2026-12-06 holding a character outside ASCII was hashed as its form had been
     * misread (as ISO-8859-1: ö became Ã¶). Typed now and read right, it did not match, and its user was locked out by
     * the upgrade (review). Such a hash lets its password in, and is made again from the password as typed.
     */
    private boolean matchesAsMisreadBefore(String name, String password, String hash) {
        if (!beyondAscii(password)) {
            return false;
        }
        String misread = new String(password.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        if (!PasswordHashes.matches(misread, hash)) {
            return false;
        }
        boolean weak;
        try {
            PasswordPolicy.check(name, password);
            weak = false;
        } catch (PasswordPolicy.WeakPassword e) {
            weak = true;
        }
        jdbc.update(SqlFiles.load("access/rehash-password.sql"), Map.of("name", name, "hash", PasswordHashes.hash(password), "weak", weak));
        return true;
    }

    /**
     * The time a wrong password costs where there is no hash to check (no such user, a lock): as long as checking it
     * would, a non-ASCII one twice ({@link #matchesAsMisreadBefore}), or the time told the cases apart (review).
     */
    private static void spendTimeOfChecks(String password) {
        PasswordHashes.spendTimeOfOneCheck(password);
        if (beyondAscii(password)) {
            PasswordHashes.spendTimeOfOneCheck(password);
        }
    }

    /** The password as typed, or as the portal once misread it (then hashed again as typed). */
    private boolean rightPassword(String name, String password, String hash) {
        return PasswordHashes.matches(password, hash) || matchesAsMisreadBefore(name, password, hash);
    }

    private static boolean beyondAscii(String password) {
        return password != null && password.chars().anyMatch(c -> c >= 128);
    }

    /**
     * Whether the pending first sign-in whose password was checked against {@code checked} ({@link Attempt#checked})
     * may still be shown its key: neither the password nor the key was set since. An operator told that the password
     * leaked runs `user totp` and `user password`; the page opened with the old password was then shown the new key,
     * confirmed it and left it on the wrong phone (review 31).
     */
    @Transactional
    public boolean stillPending(String name, String checked) {
        return checked != null && jdbc.query(SqlFiles.load("access/sign-in-state.sql"), Map.of("name", name), State::of).stream()
                // nor while its user is disabled (review 31c)
                .anyMatch(s -> s.account().enabled() && s.totpSecret() != null && !s.totpConfirmed() && checked.equals(s.checked()));
    }

    private static final String STALE = "failure: password or TOTP key set since the password was checked";

    /** Records a pending first sign-in's page refused because the password or key was set since ({@link #stillPending}). */
    @Transactional
    public void refusedAsStale(String name, String client) {
        List<State> found = jdbc.query(SqlFiles.load("access/sign-in-state.sql"), Map.of("name", name), State::of);
        record(name, found.isEmpty() ? "" : found.get(0).account().role().code(), client, "sign-in", STALE);
    }

    /**
     * The first code of a pending enrolment, after {@link #attempt} answered {@link Outcome#TOTP_PENDING} for
     * this user in the same session: a right code confirms the key and signs in; a wrong one counts as a failure.
     *
     * @param checked the pending attempt's {@link Attempt#checked}: refused, not counted, when the password or the
     *                key was set since ({@link #stillPending})
     */
    @Transactional
    public Attempt confirmTotp(String name, String code, String client, String checked) {
        List<State> found = jdbc.query(SqlFiles.load("access/sign-in-state.sql"), Map.of("name", name), State::of);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (found.isEmpty() || found.get(0).totpSecret() == null || !found.get(0).account().enabled()) {
            record(name, "", client, "sign-in", "failure: no pending TOTP enrolment");
            return new Attempt(Outcome.REFUSED, null);
        }
        State state = found.get(0);
        if (checked == null || !checked.equals(state.checked())) {
            record(name, state.account().role().code(), client, "sign-in", STALE);
            return new Attempt(Outcome.REFUSED, null);
        }
        if (state.lockedUntil() != null && state.lockedUntil().isAfter(now)) {
            record(name, state.account().role().code(), client, "sign-in", "refused: locked until " + lockText(state.lockedUntil()));
            return new Attempt(Outcome.REFUSED, null);
        }
        String secret = opened(state, client);
        if (secret == null) {
            return new Attempt(Outcome.REFUSED, null);
        }
        String refused = codeRefused(state, secret, code, now);
        if (refused != null) {
            return failed(state, client, now, refused);
        }
        resetFailures(name);
        signedIn(name, now);
        record(name, state.account().role().code(), client, "sign-in", "success: TOTP enrolment confirmed");
        return new Attempt(Outcome.SUCCESS, state.account());
    }

    /**
     * The current password typed to set a new one at /account/password, or to make a token at /account/token.
     * Whoever sits at a session left open could guess there without end, so a wrong one is a failed sign-in of that
     * user: the same counter, in the same row lock, and the same 15-minute lock after 5 in a row, during which even
     * the right one is refused. Audited as the failure of what was asked ({@code action}: {@code user-password},
     * {@code token-create}), the lock also as at /login ({@code lockout}); the caller ends the session on
     * {@link Check#LOCKED}, since a lock keeps out only those who have to sign in.
     */
    @Transactional
    public Check currentPassword(String name, String password, String action, Actor actor) {
        return currentPassword(name, password, null, action, actor);
    }

    /**
     * The same, for a change of password: {@code changingTo}, the new password asked for, already being the user's
     * (the change was made, and its form was sent again from the browser's history) is {@link Check#ALREADY_CHANGED},
     * not a failure: five such resubmissions locked the user out (r44c).
     */
    @Transactional
    public Check currentPassword(String name, String password, String changingTo, String action, Actor actor) {
        List<State> found = jdbc.query(SqlFiles.load("access/sign-in-state.sql"), Map.of("name", name), State::of);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (found.isEmpty() || !found.get(0).account().enabled()) {
            spendTimeOfChecks(password);
            record(actor, action, name, "failure: wrong current password");
            return Check.WRONG;
        }
        State state = found.get(0);
        if (state.lockedUntil() != null && state.lockedUntil().isAfter(now)) {
            spendTimeOfChecks(password);
            record(actor, action, name, "refused: locked until " + lockText(state.lockedUntil()));
            return Check.WRONG;
        }
        if (rightPassword(name, password, state.hash())) {
            // as a successful sign-in does; a new password the policy refuses rolls this back with it
            resetFailures(name);
            return Check.RIGHT;
        }
        if (changingTo != null && !changingTo.isEmpty() && rightPassword(name, changingTo, state.hash())) {
            record(actor, action, name, "refused: already changed to this password");
            return Check.ALREADY_CHANGED;
        }
        OffsetDateTime lockedUntil = countFailure(state, now);
        record(actor, action, name, "failure: wrong current password");
        if (lockedUntil == null) {
            return Check.WRONG;
        }
        record(actor, "lockout", name, "locked until " + lockText(lockedUntil));
        return Check.LOCKED;
    }

    /**
     * Records the end of a session of a user since disabled, removed or given another role, ended by the server at
     * that user's next request: without it the auditor saw only anonymous refusals after it, and could not tell the
     * account was still being used.
     */
    public void sessionEnded(String user, Role role, String client, String why) {
        record(user, role.code(), client, "sign-out", "ended: " + why);
    }

    /** Records a sign-out (the session's end at the user's request). */
    public void signedOut(String user, Role role, String client) {
        record(user, role.code(), client, "sign-out", "success");
    }

    /**
     * The user's TOTP key, opened under this process's account key; null when it does not open: then the sign-in is
     * refused and audited, not counted as the user's failure (a server started on a home without its account.key must
     * not lock the administrators out), and the log says what to do; it answered 500 and recorded nothing (review).
     */
    private String opened(State state, String client) {
        try {
            return totpKeys.open(state.account().name(), state.totpSecret());
        } catch (TotpKeys.Unreadable e) {
            org.slf4j.LoggerFactory.getLogger(SignIn.class).error(e.getMessage());
            record(state.account().name(), state.account().role().code(), client, "sign-in",
                    "failure: TOTP key not readable under this account key");
            return null;
        }
    }

    /**
     * @param secret the key opened ({@link #opened}) once per attempt
     * @return null when the code is accepted, else why not: no code, a code already used (a replay, or the same code
     *         typed twice), or a wrong one. One "wrong TOTP code" for all three did not let an auditor tell a replay
     *         from a typo (tester B).
     */
    private String codeRefused(State state, String secret, String code, OffsetDateTime now) {
        if (code == null || code.isBlank()) {
            return "failure: no TOTP code";
        }
        String name = state.account().name();
        long step = Totp.matchingStep(secret, code, now.toInstant());
        if (step < 0) {
            return "failure: wrong TOTP code";
        }
        if (jdbc.update(SqlFiles.load("access/use-totp-step.sql"), Map.of("name", name, "step", step)) != 1) {
            return "failure: TOTP code already used";
        }
        if (!TotpKeys.sealed(state.totpSecret())) {
            jdbc.update(SqlFiles.load("access/seal-totp-key.sql"),
                    Map.of("name", name, "clear", state.totpSecret(), "sealed", totpKeys.seal(name, secret)));
        }
        return null;
    }

    private Attempt failed(State state, String client, OffsetDateTime now, String why) {
        OffsetDateTime lockedUntil = countFailure(state, now);
        String role = state.account().role().code();
        record(state.account().name(), role, client, "sign-in", why);
        if (lockedUntil != null) {
            record(state.account().name(), role, client, "lockout", "locked until " + lockText(lockedUntil));
        }
        return new Attempt(Outcome.REFUSED, null);
    }

    /** One more failure in a row, in the user's row: the end of the lock it led to, or null. */
    private OffsetDateTime countFailure(State state, OffsetDateTime now) {
        int failures = state.failures() + 1;
        OffsetDateTime lockedUntil = null;
        if (failures >= MAX_FAILURES) {
            // to the microsecond PostgreSQL keeps: the lockout's audit row then names the end that a refusal during
            // the lock reads back and names, not a nanosecond later
            lockedUntil = now.plus(LOCK).truncatedTo(ChronoUnit.MICROS);
            failures = 0;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("name", state.account().name());
        params.put("failures", failures);
        params.put("lockedUntil", lockedUntil);
        jdbc.update(SqlFiles.load("access/record-attempts.sql"), params);
        return lockedUntil;
    }

    private void resetFailures(String name) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", name);
        params.put("failures", 0);
        params.put("lockedUntil", null);
        jdbc.update(SqlFiles.load("access/record-attempts.sql"), params);
    }

    private void signedIn(String name, OffsetDateTime now) {
        jdbc.update(SqlFiles.load("access/record-sign-in.sql"), Map.of("name", name, "now", now));
    }

    private static boolean hasControlCharacter(String name) {
        return name.codePoints().anyMatch(Character::isISOControl);
    }

    private void record(Actor actor, String action, String object, String result) {
        audit.record(new AuditEvent(actor.user(), actor.role(), actor.client(), action, object, result));
    }

    private void record(String user, String role, String client, String action, String result) {
        audit.record(new AuditEvent(user == null ? "" : user, role, client, action, user == null ? "" : user, result));
    }

    /** A user's row as a sign-in reads it. */
    private record State(UserAccount account, String hash, int failures, OffsetDateTime lockedUntil, String totpSecret,
            boolean totpConfirmed, String checked) {

        static State of(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
            String secret = rs.getString("totp_secret");
            // a sign-in does not ask whether the password is due: every request after it does (web/security/StillValid)
            UserAccount account = new UserAccount(rs.getString("name"), Role.ofCode(rs.getString("role")).orElseThrow(),
                    rs.getBoolean("enabled"), secret != null, rs.getBoolean("totp_confirmed"),
                    rs.getObject("locked_until", OffsetDateTime.class), rs.getObject("created_at", OffsetDateTime.class), false,
                    UserRows.beijing(rs.getObject("last_signed_in_at", OffsetDateTime.class)));
            // when the password and the key were set: neither a hash nor a key in the session that keeps it
            String checked = rs.getObject("password_changed_at", OffsetDateTime.class) + " "
                    + rs.getObject("totp_enrolled_at", OffsetDateTime.class);
            return new State(account, rs.getString("password_hash"), rs.getInt("failed_attempts"),
                    account.lockedUntil(), secret, rs.getBoolean("totp_confirmed"), checked);
        }
    }

    /** The end of a lock as the audit log's other times are written: Asia/Shanghai with its offset, to the second. */
    static String lockText(OffsetDateTime until) {
        return org.fraudstats.settings.BusinessTime.isoSeconds(until.toInstant());
    }
}

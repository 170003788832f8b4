package org.fraudstats.access;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fraudstats.audit.AuditEvent;
import org.fraudstats.audit.AuditTrail;
import org.fraudstats.storage.DigitRuns;
import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users of web.md (`./fraudstats user …`, the administrators' page): one role each, a password kept only
 * as a slow hash, a TOTP key once enrolled. Every change is recorded in the audit log in the same transaction.
 */
@Service
public class Users {

    private static final String NAME_RULE = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    /** A wrong current password was the fifth failure in a row: the user is locked, and the session must end. */
    public static final class LockedOut extends AccessProblem {
        LockedOut() {
            super("the current password was wrong " + SignIn.MAX_FAILURES + " times in a row: locked for "
                    + SignIn.LOCK.toMinutes() + " minutes");
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final SignIn signIn;
    private final TotpKeys totpKeys;

    Users(NamedParameterJdbcTemplate jdbc, AuditTrail audit, Clock clock, SignIn signIn, TotpKeys totpKeys) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.signIn = signIn;
        this.totpKeys = totpKeys;
    }

    /** @throws PasswordPolicy.WeakPassword, AccessProblem when the name is taken or not a valid name */
    @Transactional
    public UserAccount add(String name, Role role, String password, Actor actor) {
        checkName(name);
        PasswordPolicy.check(name, password);
        Map<String, Object> params = new HashMap<>();
        params.put("name", name);
        params.put("role", role.code());
        params.put("hash", PasswordHashes.hash(password));
        params.put("now", now());
        if (jdbc.update(SqlFiles.load("access/add-user.sql"), params) == 0) {
            String taken = jdbc.queryForList(SqlFiles.load("access/name-taken.sql"), Map.of("name", name), String.class).stream()
                    .findFirst().orElse(name);
            throw taken.equals(name) ? new AccessProblem("user " + name + " exists already", "用户 " + name + " 已存在")
                    : taken.equalsIgnoreCase(name)
                    ? new AccessProblem("user " + name + " exists already as " + taken + " (names differing only in case would read as one person)",
                            "用户 " + name + " 已存在（" + taken + "；用户名不区分大小写）")
                    // Iead1 beside lead1 read as one person on /users and in the audit log (r40d; V46)
                    : new AccessProblem("user " + name + " would look like " + taken + " (I, l and 1, O and 0, rn and m, vv and w read alike, "
                            + "and the two would read as one person): choose another name",
                            "用户名 " + name + " 与已有的 " + taken + " 看起来相同（I、l、1，O、0，rn、m，vv、w 易混），会被当成同一个人：请另起一个");
        }
        record(actor, "user-add", name + " (" + role.code() + ")");
        return require(name);
    }

    public List<UserAccount> list() {
        return jdbc.query(SqlFiles.load("access/list-users.sql"), Map.of("now", now(), "maxDays", UserAccount.PASSWORD_MAX_DAYS), UserRows.ACCOUNT);
    }

    public Optional<UserAccount> find(String name) {
        return jdbc.query(SqlFiles.load("access/find-user.sql"), Map.of("name", name, "now", now(), "maxDays", UserAccount.PASSWORD_MAX_DAYS), UserRows.ACCOUNT)
                .stream().findFirst();
    }

    /**
     * Sign-in fails and tokens are refused from the next request on; the user's sessions end now. Left to be refused
     * at their next request, a session idle through the disable came back with an enable, signed in, with nobody
     * having signed in again (review 30b), the very thing the enable ends the tokens for.
     *
     * @return whether the user was enabled (false: nothing changed, nothing recorded)
     * @throws AccessProblem when there is no such user
     */
    @Transactional
    public boolean disable(String name, Actor actor) {
        UserAccount user = require(name);
        // as enable: a second disable changes nothing and records nothing (it recorded another user-disable, read by
        // an auditor as a second decision: r36c L8)
        if (jdbc.queryForList(SqlFiles.load("access/disable-user.sql"), Map.of("name", name), String.class).isEmpty()) {
            return false;
        }
        record(actor, "user-disable", name);
        endSessions(user, "disabled");
        return true;
    }

    private void endSessions(UserAccount user, String why) {
        endSessions(user, why, null);
    }

    /** @param keep the session to leave open (the one that changed its own password), or null */
    private void endSessions(UserAccount user, String why, String keep) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("name", user.name());
        params.put("keep", keep);
        for (boolean live : jdbc.queryForList(SqlFiles.load("access/end-sessions.sql"), params, Boolean.class)) {
            if (live) {
                signIn.sessionEnded(user.name(), user.role(), "", why);
            }
        }
    }

    /**
     * A disabled user may sign in again (`user enable`, on the server). The tokens it had are ended, not brought back:
     * a user is disabled when they leave or their credentials are in doubt, and a token of before then would work
     * again with nobody having approved it; the user makes new ones at /account. Its password stays (`user password`
     * sets a new one when it is in doubt too).
     *
     * @return the ids of the tokens ended, or empty when the user was not disabled (nothing changed, nothing recorded)
     * @throws AccessProblem when there is no such user
     */
    @Transactional
    public Optional<List<Long>> enable(String name, Actor actor) {
        require(name);
        if (jdbc.queryForList(SqlFiles.load("access/enable-user.sql"), Map.of("name", name), String.class).isEmpty()) {
            return Optional.empty();
        }
        List<Long> ended = jdbc.queryForList(SqlFiles.load("access/revoke-user-tokens.sql"),
                Map.of("name", name, "now", now()), Long.class);
        record(actor, "user-enable", ended.isEmpty() ? name
                : name + " (tokens ended: " + ended.stream().map(id -> "token " + id).collect(java.util.stream.Collectors.joining(", ")) + ")");
        return Optional.of(ended);
    }

    /**
     * A new password set by someone else (`user password`, the administrators' page): its user must change it at
     * the next sign-in. Clears the failed attempts and any lock.
     */
    @Transactional
    public void changePassword(String name, String password, Actor actor) {
        // a reset to the current password ends the sessions, asks for a change at the next sign-in and changes nothing
        // else: refused as the own-password page refuses it (r40a: `user password --password-stdin` took it)
        if (jdbc.queryForList(SqlFiles.load("access/password-hash.sql"), Map.of("name", name), String.class).stream()
                .anyMatch(hash -> PasswordHashes.matches(password, hash))) {
            throw sameAsCurrent();
        }
        setPassword(name, password, actor, true, null);
    }

    private static PasswordPolicy.WeakPassword sameAsCurrent() {
        return new PasswordPolicy.WeakPassword("the new password is the current one: choose another", "新密码与当前密码相同：请另设一个");
    }

    /**
     * @param keep the session that set it, left open (the user's own change); every other session of the user ends:
     *             a password is set because the old one was seen or forgotten, and a session signed in with it kept
     *             every right, and after a reset could still revoke the user's tokens (review 31)
     */
    private void setPassword(String name, String password, Actor actor, boolean changeRequired, String keep) {
        UserAccount user = require(name);
        PasswordPolicy.check(name, password);
        jdbc.update(SqlFiles.load("access/set-password.sql"),
                Map.of("name", name, "hash", PasswordHashes.hash(password), "now", now(), "required", changeRequired));
        record(actor, "user-password", name);
        endSessions(user, PASSWORD_CHANGED, keep);
    }

    /** Why a session ended when its user's password was set (audit, AuditWords). */
    public static final String PASSWORD_CHANGED = "password changed";

    /**
     * A user changing their own password (web.md: everyone may): the current one must be given, and a wrong one
     * counts towards the sign-in lock ({@link SignIn#currentPassword}).
     *
     * @param session the session it is changed in, which stays signed in (the user's others end)
     * @throws LockedOut when this wrong current password locked the user; AccessProblem when it is wrong or a lock
     *         holds; PasswordPolicy.WeakPassword
     */
    @Transactional(noRollbackFor = AccessProblem.class)
    public void changeOwnPassword(String name, String current, String password, Actor actor, String session) {
        checked(signIn.currentPassword(name, current, password, "user-password", actor));
        if (password.equals(current)) {
            throw sameAsCurrent();
        }
        setPassword(name, password, actor, false, session);
    }

    /**
     * The current password asked again before a user makes a new credential of their own (a password, an API token
     * at /account): a session left open at someone's desk is not enough to take the account, nor to carry its access
     * away for 90 days. A wrong one counts towards the sign-in lock ({@link SignIn#currentPassword}), audited as a
     * failure of {@code action}.
     *
     * @throws LockedOut when this wrong current password locked the user; AccessProblem when it is wrong or a lock holds
     */
    @Transactional(noRollbackFor = AccessProblem.class)
    public void checkOwnPassword(String name, String current, String action, Actor actor) {
        checked(signIn.currentPassword(name, current, action, actor));
    }

    /** Nothing when the current password was right; else why not, as the caller's exception. */
    private static void checked(SignIn.Check check) {
        switch (check) {
            case LOCKED -> throw new LockedOut();
            case WRONG -> throw new AccessProblem("the current password is wrong", "当前密码不正确");
            case ALREADY_CHANGED -> throw new AlreadyChanged();
            case RIGHT -> { }
        }
    }

    /** The change asked for was made already: its form sent again from the browser's history (r44c). */
    public static final class AlreadyChanged extends AccessProblem {
        AlreadyChanged() {
            super("the password was changed to this one already", "密码已经改为这个新密码，无需再改");
        }
    }

    /**
     * A new TOTP key for the user, replacing any earlier one, pending until a first code is accepted.
     *
     * @return the otpauth:// URI to show once (or to scan as a QR code at the first sign-in)
     */
    @Transactional
    public String enrolTotp(String name, Actor actor) {
        UserAccount user = require(name);
        String secret = Totp.newSecret();
        // a first key lifts the lock of the sign-ins tried before there was one (enrol-totp.sql): the auditor reads so
        boolean liftsLock = !user.totpEnrolled() && user.needsTotp() && user.lockedUntil() != null && user.lockedUntil().isAfter(now());
        jdbc.update(SqlFiles.load("access/enrol-totp.sql"), Map.of("name", name, "secret", totpKeys.seal(name, secret), "now", now()));
        audit.record(new AuditEvent(actor.user(), actor.role(), actor.client(), "user-totp", name,
                liftsLock ? "success: lock of the sign-ins tried before the first key lifted" : "success"));
        // a key is replaced because a phone was lost: a session open on it must not outlive its key
        endSessions(user, TOTP_RESET);
        return Totp.uri(name, secret);
    }

    /** Why a session ended when its user's TOTP key was replaced (audit, AuditWords). */
    public static final String TOTP_RESET = "TOTP key reset";

    /**
     * Seals every TOTP key still in clear (enrolled before keys were sealed, its user not signed in since), as
     * `serve` starts: a dormant administrator's key must not stay readable in the table.
     *
     * @return how many were sealed
     */
    @Transactional
    public int sealClearTotpKeys() {
        int sealed = 0;
        for (Map<String, Object> row : jdbc.queryForList(SqlFiles.load("access/clear-totp-keys.sql"), Map.of())) {
            String name = (String) row.get("name");
            String clear = (String) row.get("totp_secret");
            sealed += jdbc.update(SqlFiles.load("access/seal-totp-key.sql"),
                    Map.of("name", name, "clear", clear, "sealed", totpKeys.seal(name, clear)));
        }
        return sealed;
    }

    /** The otpauth:// URI of a pending enrolment (none once a first code was accepted). */
    public Optional<String> pendingTotpUri(String name) {
        return jdbc.queryForList(SqlFiles.load("access/totp-secret.sql"), Map.of("name", name), String.class).stream()
                .findFirst().map(secret -> Totp.uri(name, totpKeys.open(name, secret)));
    }

    UserAccount require(String name) {
        return find(name).orElseThrow(() -> new AccessProblem.NoSuch("no user " + typed(name) + " (see ./fraudstats user list)", "没有用户 " + typed(name)));
    }

    /** Whether {@code name} has the shape of a user name at all (letters, digits, '.', '_', '-'; 1 to 64). */
    static boolean shapedLikeAName(String name) {
        return name != null && name.matches(NAME_RULE);
    }

    /**
     * Whether {@code name} may be shown back as a user name typed: its shape, no run of digits like an account number,
     * and nothing that would pass as a password (typed into the wrong field), as the audit log keeps it (SignIn).
     */
    public static boolean possibleName(String name) {
        return shapedLikeAName(name) && DigitRuns.mask(name).equals(name) && !PasswordPolicy.wouldPass(name);
    }

    /**
     * A name as typed, as a refusal may say and record it: with its digit runs masked, and kept as its length only when
     * it would pass as a password, which a name field is given by mistake ("no user Typed!Secret2026" was in the
     * audit log, which nothing may change for 180 days, and the password set correctly a minute later: review r35d).
     * The sign-in page's rule (SignIn) for a name that is no user's.
     */
    public static String typed(String name) {
        if (name == null) {
            return "";
        }
        return PasswordPolicy.wouldPass(name) ? "(not a user name, " + name.length() + " characters)" : DigitRuns.mask(name);
    }

    /**
     * A name as typed, as {@link #typed} says it, but whole when it is a user's: a name such as report-bot-01 would pass as
     * a password, and refusals about that very user were recorded without whose account it was (review r35e).
     */
    public String shown(String name) {
        return name != null && find(name).isPresent() ? DigitRuns.mask(name) : typed(name);
    }

    /** @throws AccessProblem when the name is not one a user may have (a usage error on the command line) */
    public static void checkName(String name) {
        if (name != null && name.matches(NAME_RULE) && !DigitRuns.mask(name).equals(name)) {
            // listed on the users page, in every audit row and beside every signed-in page: never an account number
            throw new AccessProblem("user name '" + typed(name) + "' holds a run of digits like an account number: "
                    + "choose a name of letters", "用户名“" + typed(name) + "”含一长串数字，像账号：请用字母起名");
        }
        if (name == null || !name.matches(NAME_RULE)) {
            throw new AccessProblem("user name '" + (name == null ? null : typed(name)) + "' is not valid: 1 to 64 letters (a-z, A-Z), digits, '.', '_' or '-', "
                    + "beginning with a letter or digit", "用户名“" + typed(name)
                    + "”不可用：应为 1 至 64 个字母（a-z、A-Z）、数字、“.”、“_”或“-”，以字母或数字开头");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private void record(Actor actor, String action, String object) {
        audit.record(new AuditEvent(actor.user(), actor.role(), actor.client(), action, object, "success"));
    }
}

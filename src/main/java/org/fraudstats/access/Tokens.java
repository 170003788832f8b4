package org.fraudstats.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fraudstats.audit.AuditEvent;
import org.fraudstats.audit.AuditTrail;
import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens (web.md): 256 random bits, shown once, kept only as their SHA-256, valid for 90 days unless
 * told otherwise, carrying their user's role. A token of a disabled user, or an expired one, is refused.
 */
@Service
public class Tokens {

    public static final int DEFAULT_DAYS = 90;
    /** The longest any token lasts: ten years. */
    public static final int MAX_DAYS = 3660;
    /**
     * The longest an administrator's or auditor's token lasts, and its default: a token signs in without the second
     * factor those roles must give (MLPS tester: an administrator's token could last ten years).
     */
    public static final int PRIVILEGED_MAX_DAYS = 30;
    /** Lets a leaked token be recognised in a log or a paste (as GitHub's ghp_ does). */
    private static final String PREFIX = "fst_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final NamedParameterJdbcTemplate jdbc;
    private final Users users;
    private final AuditTrail audit;
    private final Clock clock;

    Tokens(NamedParameterJdbcTemplate jdbc, Users users, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** A token for the default time of its user's role ({@link #defaultDays}). */
    @Transactional(noRollbackFor = AccessProblem.class)
    public String create(String name, Actor actor) {
        return create(name, defaultDays(users.require(name).role()), actor);
    }

    /**
     * @return the token, which is nowhere else: show it once
     * @throws AccessProblem refused, the refusal of a too long token recorded (hence no rollback for it)
     */
    @Transactional(noRollbackFor = AccessProblem.class)
    public String create(String name, int days, Actor actor) {
        // every refusal recorded, as the too long one below (tester B: a lifetime out of range asked at /account left no row)
        if (days < 1 || days > MAX_DAYS) {
            audit.record(new AuditEvent(actor.user(), actor.role(), actor.client(), "token-create",
                    name + " (" + days + " days)", "refused: out of range"));
            // "1 to 3660" told an auditor who asked 0 days to ask up to 3660, where 30 is the most (MLPS tester)
            throw days < 1 ? new Recorded("--expires-days " + days + " is out of range: at least 1", "有效天数 " + days + " 无效：至少 1 天")
                    : new Recorded("--expires-days " + days + " is out of range: 1 to " + MAX_DAYS, "有效天数 " + days + " 超出范围：应为 1 至 " + MAX_DAYS + " 天");
        }
        UserAccount user = users.require(name);
        if (!user.enabled()) {
            audit.record(new AuditEvent(actor.user(), actor.role(), actor.client(), "token-create",
                    name + " (" + days + " days)", "refused: disabled"));
            throw new Recorded("user " + name + " is disabled", "用户 " + name + " 已停用");
        }
        if (days > maxDays(user.role())) {
            audit.record(new AuditEvent(actor.user(), actor.role(), actor.client(), "token-create",
                    name + " (" + days + " days)", "refused: at most " + PRIVILEGED_MAX_DAYS + " days for " + user.role().code()));
            throw new TooLong("--expires-days " + days + " is too long for " + name + ": a token of an administrator or auditor "
                    + "lasts at most " + PRIVILEGED_MAX_DAYS + " days (it signs in without the TOTP code)",
                    "管理员和安全审计员的令牌最长 " + PRIVILEGED_MAX_DAYS + " 天（令牌登录不经动态口令）");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expires = now.plus(Duration.ofDays(days));
        Long id = jdbc.queryForObject(SqlFiles.load("access/add-token.sql"),
                Map.of("name", name, "hash", hash(token), "now", now, "expires", expires), Long.class);
        audit.record(new AuditEvent(actor.user(), actor.role(), actor.client(), "token-create",
                name + " (token " + id + ", expires " + expires.toLocalDate() + ")", "success"));
        return token;
    }

    /** A refusal this class has recorded in the audit log already: a caller records it again at its peril (review). */
    public static class Recorded extends AccessProblem {
        Recorded(String message, String chinese) {
            super(message, chinese);
        }
    }

    /** A token asked for longer than its user's role allows. */
    public static final class TooLong extends Recorded {
        TooLong(String message, String chinese) {
            super(message, chinese);
        }
    }

    public static int defaultDays(Role role) {
        return Math.min(DEFAULT_DAYS, maxDays(role));
    }

    public static int maxDays(Role role) {
        return role == Role.ADMIN || role == Role.AUDITOR ? PRIVILEGED_MAX_DAYS : MAX_DAYS;
    }

    /** The enabled user whose unexpired token this is. */
    public Optional<UserAccount> holder(String token) {
        return bearer(token).map(Bearer::account);
    }

    /** A valid token's user and the token's id (which the audit log names beside the client's address). */
    public record Bearer(UserAccount account, long tokenId) {
    }

    /** {@link #holder} with the token's id. */
    public Optional<Bearer> bearer(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Map<String, Object> params = Map.of("hash", hash(token.strip()), "now", OffsetDateTime.now(clock),
                "maxDays", UserAccount.PASSWORD_MAX_DAYS, "privilegedMaxDays", PRIVILEGED_MAX_DAYS);
        Optional<Bearer> bearer = jdbc.query(SqlFiles.load("access/find-token-user.sql"), params,
                (rs, i) -> new Bearer(UserRows.ACCOUNT.mapRow(rs, i), rs.getLong("token_id"))).stream().findFirst();
        bearer.ifPresent(h -> jdbc.update(SqlFiles.load("access/mark-token-used.sql"), params));
        return bearer;
    }

    /** A token known but refused: its id, whose it is, and why (disabled, token expired or revoked, …). */
    public record Refused(long tokenId, String user, String role, String why) {
    }

    /** Whose a token that {@link #bearer} refused is, and why; empty for a token the server never issued. */
    public Optional<Refused> refused(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Map<String, Object> params = Map.of("hash", hash(token.strip()), "now", OffsetDateTime.now(clock),
                "privilegedMaxDays", PRIVILEGED_MAX_DAYS);
        return jdbc.query(SqlFiles.load("access/find-refused-token.sql"), params,
                (rs, i) -> new Refused(rs.getLong("token_id"), rs.getString("name"), rs.getString("role"),
                        rs.getString("why"))).stream().findFirst();
    }

    /** Every token, newest first. */
    public java.util.List<TokenInfo> list() {
        return jdbc.query(SqlFiles.load("access/list-tokens.sql"), (rs, n) -> new TokenInfo(rs.getLong("id"), rs.getString("user_name"),
                UserRows.beijing(rs.getObject("created_at", OffsetDateTime.class)),
                UserRows.beijing(rs.getObject("expires_at", OffsetDateTime.class)),
                UserRows.beijing(rs.getObject("last_used_at", OffsetDateTime.class))));
    }

    /** Ends a token at once (it expires now; the row stays). */
    @Transactional
    public void revoke(long id, Actor actor) {
        List<String> owner = jdbc.queryForList(SqlFiles.load("access/revoke-token.sql"), Map.of("id", id, "now", OffsetDateTime.now(clock)),
                String.class);
        if (owner.isEmpty()) {
            throw new AccessProblem.NoSuch("no valid token " + id, "没有编号为 " + id + " 的有效令牌");
        }
        // whose: the auditor reads "token 7" long after the token list has changed
        audit.record(new AuditEvent(actor.user(), actor.role(), actor.client(), "token-revoke",
                "token " + id + " (" + owner.get(0) + ")", "success"));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}

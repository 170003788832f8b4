package org.fraudstats.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

class AuditFilterTest {

    private static final List<String> USERS = List.of("li.na", "chen.li.na", "li.nan", "wang.li", "Li.Na ", "a*b", "aab");

    @Test
    void theWholeNameOrAPatternWithStars() {
        assertThat(matching("li.na")).containsExactly("li.na", "Li.Na ");
        assertThat(matching("li.na*")).containsExactly("li.na", "li.nan", "Li.Na ");
        assertThat(matching("*li.na")).containsExactly("li.na", "chen.li.na", "Li.Na ");
        assertThat(matching("*li*")).containsExactly("li.na", "chen.li.na", "li.nan", "wang.li", "Li.Na ");
        assertThat(matching("l*.*a")).containsExactly("li.na", "Li.Na ");
        // a part that must not overlap the one before it: "a*a" is not "a"
        assertThat(user("a*a").test("a")).isFalse();
        assertThat(matching("*")).containsExactlyElementsOf(USERS);
        assertThat(matching("li")).isEmpty();
        assertThat(matching("")).containsExactlyElementsOf(USERS);
        assertThat(user("li.na").test(null)).isFalse();
    }

    @Test
    void manyStarsOverALongPlantedNameAnswerAtOnce() {
        String planted = "a".repeat(100_000);
        Predicate<String> stars = user("*a".repeat(50) + "*b");
        long started = System.nanoTime();
        assertThat(stars.test(planted)).isFalse();
        // linear: a backtracking regular expression takes minutes here
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
    }

    /**
     * The object filter finds what was done to a user, under whoever did it, and what was done with a token, by its
     * client (tester: the user filter matches only who acted).
     */
    @Test
    void theObjectFilterMatchesTheObjectOrTheClient() {
        AuditRecord added = record("admin1", "127.0.0.1", "user-add", "zhang.xuan (press)");
        AuditRecord read = record("chen.stat", "127.0.0.1 token 7", "read-figures", "2022-10-01..2022-10-24");
        AuditFilter zhang = new AuditFilter(null, null, null, null, "zhang.xuan");
        assertThat(zhang.test(added)).isTrue();
        assertThat(zhang.test(read)).isFalse();
        AuditFilter token7 = new AuditFilter(null, null, null, null, "token 7");
        assertThat(token7.test(read)).isTrue();
        assertThat(token7.test(added)).isFalse();
        assertThat(new AuditFilter("chen.stat", null, "READ", null, " token 7 ").test(read)).isTrue();
        // a whole word or name: not another token's or another user's whose id or name begins the same (review)
        assertThat(token7.test(record("chen.stat", "127.0.0.1 token 71", "read-figures", ""))).isFalse();
        assertThat(token7.test(record("chen.stat", "127.0.0.1 token 7", "read-figures", ""))).isTrue();
        assertThat(zhang.test(record("admin1", "127.0.0.1", "user-add", "zhang.xuan2 (press)"))).isFalse();
        assertThat(new AuditFilter(null, null, null, null, "2022-10-23").test(record("li.na", "", "download", "fraudstats-daily-2022-10-23.pdf"))).isTrue();
        assertThat(new AuditFilter(null, null, null, null, "2022-10-2").test(record("li.na", "", "download", "fraudstats-daily-2022-10-23.pdf"))).isFalse();
        assertThat(new AuditFilter("li.*", "", null, "", "6222" + "0212" + "3456" + "7890123").described()).isEqualTo("user=li.* object=***************0123");
        assertThat(AuditFilter.ALL.described()).isEmpty();
        // the auditor's own searches are not what was done to zhang.xuan (re-tester)
        assertThat(zhang.test(record("audit1", "127.0.0.1", "read-audit", "2026-11-30..2026-12-06 object=zhang.xuan"))).isFalse();
    }

    @Test
    void theActionAndResultFiltersTakeTheWordsThePageShowsAsWellAsTheCodes() {
        AuditRecord failed = new AuditRecord(java.time.OffsetDateTime.now(), "li.na", "", "127.0.0.1", "sign-in", "li.na", "failure: wrong password");
        AuditRecord read = new AuditRecord(java.time.OffsetDateTime.now(), "li.na", "leader", "127.0.0.1", "download", "x.pdf", "success");
        // the words every row shows (登录, 失败：密码错误): typed into the filter they found nothing (r35b)
        assertThat(new AuditFilter(null, null, "登录", null, null).test(failed)).isTrue();
        assertThat(new AuditFilter(null, null, "登录", null, null).test(read)).isFalse();
        assertThat(new AuditFilter(null, null, null, "失败", null).test(failed)).isTrue();
        assertThat(new AuditFilter(null, null, null, "密码错误", null).test(failed)).isTrue();
        assertThat(new AuditFilter(null, null, null, "失败", null).test(read)).isFalse();
        assertThat(new AuditFilter(null, null, "sign", "FAILURE", null).test(failed)).isTrue();
    }

    private static AuditRecord record(String user, String client, String action, String object) {
        return new AuditRecord(java.time.OffsetDateTime.now(), user, "admin", client, action, object, "success");
    }

    private static Predicate<String> user(String filter) {
        AuditFilter users = new AuditFilter(filter, null, null, null, null);
        return name -> users.test(record(name, "", "sign-in", ""));
    }

    private static List<String> matching(String filter) {
        Predicate<String> matches = user(filter);
        return USERS.stream().filter(matches).toList();
    }
}

package org.fraudstats.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

class AuditUserFilterTest {

    private static final List<String> USERS = List.of("li.na", "chen.li.na", "li.nan", "wang.li", "Li.Na ", "a*b", "aab");

    @Test
    void theWholeNameOrAPatternWithStars() {
        assertThat(matching("li.na")).containsExactly("li.na", "Li.Na ");
        assertThat(matching("li.na*")).containsExactly("li.na", "li.nan", "Li.Na ");
        assertThat(matching("*li.na")).containsExactly("li.na", "chen.li.na", "Li.Na ");
        assertThat(matching("*li*")).containsExactly("li.na", "chen.li.na", "li.nan", "wang.li", "Li.Na ");
        assertThat(matching("l*.*a")).containsExactly("li.na", "Li.Na ");
        // a part that must not overlap the one before it: "a*a" is not "a"
        assertThat(AuditPage.userFilter("a*a").test("a")).isFalse();
        assertThat(matching("*")).containsExactlyElementsOf(USERS);
        assertThat(matching("li")).isEmpty();
        assertThat(matching("")).containsExactlyElementsOf(USERS);
        assertThat(AuditPage.userFilter("li.na").test(null)).isFalse();
    }

    @Test
    void manyStarsOverALongPlantedNameAnswerAtOnce() {
        String planted = "a".repeat(100_000);
        Predicate<String> stars = AuditPage.userFilter("*a".repeat(50) + "*b");
        long started = System.nanoTime();
        assertThat(stars.test(planted)).isFalse();
        // linear: a backtracking regular expression takes minutes here
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
    }

    private static List<String> matching(String filter) {
        Predicate<String> matches = AuditPage.userFilter(filter);
        return USERS.stream().filter(matches).toList();
    }
}

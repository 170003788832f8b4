package org.fraudstats.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.fraudstats.storage.DigitRuns;

/**
 * Which events an auditor asks for, on the page and the API alike: the user who acted (the whole name, or a pattern
 * with *), a part of the role, action or result code, and a word or name of the object or the client. The object filter
 * answers what the user filter cannot: "every change made to zhang.xuan's account" (made by an administrator, so
 * under the administrator's name) and "everything done with token 7" (its client) (tester).
 */
public record AuditFilter(String user, String role, String action, String result, String object) implements Predicate<AuditRecord> {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null);

    @Override
    public boolean test(AuditRecord r) {
        return userMatches(r.user()) && contains(r.role(), role) && saidOrCoded(r.action(), action, AuditWords::action)
                && saidOrCoded(r.result(), result, AuditWords::result)
                && (blank(object) || holds(searched(r), object) || holds(r.client(), object));
    }

    /**
     * The object the object filter reads: an auditor's read of the log without the filters it recorded, or each search
     * for zhang.xuan listed the searches before it among what was done to zhang.xuan (re-tester).
     */
    private static String searched(AuditRecord r) {
        return "read-audit".equals(r.action()) && r.object() != null ? r.object().split(" ", 2)[0] : r.object();
    }

    /**
     * Whether the text holds the filter as a whole word or name: not followed or preceded by another ASCII letter or
     * digit, so that "token 7" is not token 71's and "zhang.xuan" not zhang.xuan2's (review: as a part of the text,
     * an auditor following one token read another's among them, the fault mended for user names before); "2022-10-23"
     * still finds fraudstats-daily-2022-10-23.pdf.
     */
    private static boolean holds(String value, String filter) {
        if (value == null) {
            return false;
        }
        String text = value.toLowerCase(Locale.ROOT);
        String wanted = filter.strip().toLowerCase(Locale.ROOT);
        for (int at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
            int end = at + wanted.length();
            boolean startsClear = at == 0 || !word(text.charAt(at - 1)) || !word(wanted.charAt(0));
            boolean endsClear = end == text.length() || !word(text.charAt(end)) || !word(wanted.charAt(wanted.length() - 1));
            if (startsClear && endsClear) {
                return true;
            }
        }
        return false;
    }

    private static boolean word(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** The filters given, as the audit log records a read of it: "user=li.* action=rerun" (masked), or "". */
    public String described() {
        List<String> given = new ArrayList<>();
        for (String[] f : new String[][] {{"user", user}, {"role", role}, {"action", action}, {"result", result}, {"object", object}}) {
            if (!blank(f[1])) {
                given.add(f[0] + "=" + DigitRuns.mask(f[1].strip()));
            }
        }
        return String.join(" ", given);
    }

    private static boolean blank(String filter) {
        return filter == null || filter.isBlank();
    }

    /**
     * A part of the code as recorded, or of the words the page says it in above the code (登录 for sign-in, 失败：密码错误
     * for failure: wrong password): an auditor typing the word every row shows found nothing, and nothing said why
     * (accessibility tester r35b).
     */
    private static boolean saidOrCoded(String value, String filter, java.util.function.UnaryOperator<String> said) {
        return contains(value, filter) || (value != null && contains(said.apply(value), filter));
    }

    private static boolean contains(String value, String filter) {
        return blank(filter) || (value != null && value.toLowerCase(Locale.ROOT).contains(filter.strip().toLowerCase(Locale.ROOT)));
    }

    /**
     * The user named, whole (case aside): as a part of the name, "li.na" also listed chen.li.na's events, and an
     * auditor following one person read another's among them without a sign (tester B). "wang*" for a part. Matched
     * without a regular expression: a sign-in failure records the name as typed, so a pattern of many stars over long
     * planted names must not backtrack.
     */
    private boolean userMatches(String value) {
        if (blank(user)) {
            return true;
        }
        String wanted = user.strip().toLowerCase(Locale.ROOT);
        if (value == null) {
            return false;
        }
        String name = value.strip().toLowerCase(Locale.ROOT);
        return wanted.contains("*") ? glob(name, wanted.split("\\*", -1)) : name.equals(wanted);
    }

    /** Whether {@code name} is parts[0] * parts[1] * … * parts[n-1]: each part found after the one before, once. */
    private static boolean glob(String name, String[] parts) {
        String first = parts[0];
        String last = parts[parts.length - 1];
        if (!name.startsWith(first) || name.length() < first.length() + last.length() || !name.endsWith(last)) {
            return false;
        }
        int at = first.length();
        int end = name.length() - last.length();
        for (int i = 1; i < parts.length - 1; i++) {
            int found = name.indexOf(parts[i], at);
            if (found < 0 || found + parts[i].length() > end) {
                return false;
            }
            at = found + parts[i].length();
        }
        return true;
    }
}

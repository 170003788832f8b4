package org.fraudstats.web.pages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.fraudstats.access.Role;
import org.fraudstats.audit.AuditLog;
import org.fraudstats.audit.AuditRecord;
import org.fraudstats.settings.BusinessTime;
import org.fraudstats.storage.DigitRuns;
import org.fraudstats.web.portal.Inputs;
import org.fraudstats.web.portal.PortalAudit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log for auditors (web.md), with filters: days, user (the whole name, or a pattern with *), role, action
 * and result (a part of the text is enough). Newest first; a page shows the latest {@value #SHOWN} matching events,
 * the API and `audit` all of them.
 */
@Controller
@PreAuthorize("hasRole('AUDITOR')")
class AuditPage {

    static final int SHOWN = 500;

    private static final Map<String, String> ROLE_NAMES = Arrays.stream(Role.values())
            .collect(Collectors.toUnmodifiableMap(Role::code, Role::chineseName));

    private final AuditLog log;
    private final PortalAudit audit;
    private final java.time.Clock clock;

    AuditPage(AuditLog log, PortalAudit audit, java.time.Clock clock) {
        this.log = log;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/audit")
    String events(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String user, @RequestParam(required = false) String role,
                  @RequestParam(required = false) String action, @RequestParam(required = false) String result, Model model) {
        LocalDate today = BusinessTime.today(clock);
        LocalDate[] period = (from == null || from.isEmpty()) && (to == null || to.isEmpty())
                ? new LocalDate[] {today.minusDays(6), today} : Inputs.period(from, to);
        // newest first: the latest SHOWN matches are kept while the log streams by, oldest first
        java.util.ArrayDeque<AuditRecord> latest = new java.util.ArrayDeque<>();
        int[] matching = {0};
        java.util.function.Predicate<String> userMatches = userFilter(user);
        log.read(period[0], period[1], r -> {
            if (userMatches.test(r.user()) && matches(r.role(), role) && matches(r.action(), action) && matches(r.result(), result)) {
                matching[0]++;
                latest.addFirst(r);
                if (latest.size() > SHOWN) {
                    latest.removeLast();
                }
            }
        });
        audit.record("read-audit", period[0] + ".." + period[1], "success");
        List<AuditRecord> shown = new ArrayList<>(latest);
        model.addAttribute("events", shown);
        model.addAttribute("matching", matching[0]);
        model.addAttribute("shownLimit", SHOWN);
        // the log keeps role codes, as `audit` exports them; the page names them as the filter does
        model.addAttribute("roleNames", ROLE_NAMES);
        model.addAttribute("from", period[0].toString());
        model.addAttribute("to", period[1].toString());
        // the filters are shown back as typed, masked: the log itself holds no account number to find with one
        model.addAttribute("user", user == null ? "" : DigitRuns.mask(user));
        model.addAttribute("role", role == null ? "" : role);
        model.addAttribute("action", action == null ? "" : DigitRuns.mask(action));
        model.addAttribute("result", result == null ? "" : DigitRuns.mask(result));
        return "audit";
    }

    /**
     * The user named, whole (case aside): as a part of the name, "li.na" also listed chen.li.na's events, and an
     * auditor following one person read another's among them without a sign (tester B). "wang*" for a part. Made
     * once per request, and matched without a regular expression: a sign-in failure records the name as typed, so a
     * pattern of many stars over long planted names must not backtrack.
     */
    static java.util.function.Predicate<String> userFilter(String filter) {
        if (filter == null || filter.isBlank()) {
            return value -> true;
        }
        String wanted = filter.strip().toLowerCase(Locale.ROOT);
        if (!wanted.contains("*")) {
            return value -> value != null && value.strip().toLowerCase(Locale.ROOT).equals(wanted);
        }
        String[] parts = wanted.split("\\*", -1);
        return value -> value != null && glob(value.strip().toLowerCase(Locale.ROOT), parts);
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

    private static boolean matches(String value, String filter) {
        return filter == null || filter.isBlank()
                || (value != null && value.toLowerCase(Locale.ROOT).contains(filter.strip().toLowerCase(Locale.ROOT)));
    }
}

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
 * and result (a part of the text is enough). Newest first; a page shows the latest {@value #SHOWN} matching events, the API and `audit` all of them.
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
        log.read(period[0], period[1], r -> {
            if (userMatches(r.user(), user) && matches(r.role(), role) && matches(r.action(), action) && matches(r.result(), result)) {
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
     * auditor following one person read another's among them without a sign (tester B). "wang*" for a part.
     */
    static boolean userMatches(String value, String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        if (value == null) {
            return false;
        }
        String wanted = filter.strip().toLowerCase(Locale.ROOT);
        String name = value.toLowerCase(Locale.ROOT);
        if (!wanted.contains("*")) {
            return name.equals(wanted);
        }
        String pattern = java.util.Arrays.stream(wanted.split("\\*", -1)).map(java.util.regex.Pattern::quote)
                .collect(Collectors.joining(".*"));
        return java.util.regex.Pattern.compile(pattern, java.util.regex.Pattern.DOTALL).matcher(name).matches();
    }

    private static boolean matches(String value, String filter) {
        return filter == null || filter.isBlank()
                || (value != null && value.toLowerCase(Locale.ROOT).contains(filter.strip().toLowerCase(Locale.ROOT)));
    }
}

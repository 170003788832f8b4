package org.fraudstats.web.pages;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fraudstats.access.Role;
import org.fraudstats.audit.AfterAReset;
import org.fraudstats.audit.AuditFilter;
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
 * The audit log for auditors (web.md), with filters (audit/AuditFilter): days, user (the whole name, or a pattern with
 * *), role, action, result and object or client (a part of the text is enough). Newest first; a page shows the
 * latest {@value #SHOWN} matching events, and links to all of them as the CSV of `audit` (the API's).
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
                  @RequestParam(required = false) String action, @RequestParam(required = false) String result,
                  @RequestParam(required = false) String object, @RequestParam(required = false) String page,
                  @RequestParam(required = false) String upto, Model model, jakarta.servlet.http.HttpServletResponse response) {
        try {
            return read(from, to, user, role, action, result, object, page, upto, model);
        } catch (org.fraudstats.web.portal.BadInput refused) {
            model.addAttribute("from", Inputs.dateOrEmpty(from));
            model.addAttribute("to", Inputs.dateOrEmpty(to));
            // the filters as typed, masked as when they are shown above a result
            filtersShown(model, user, role, action, result, object);
            return RefusedForm.show("audit", refused, model, response);
        }
    }

    private String read(String from, String to, String user, String role, String action, String result, String object,
                        String page, String upto, Model model) {
        LocalDate today = BusinessTime.today(clock);
        Inputs.Checks checks = new Inputs.Checks();
        boolean noFrom = from == null || from.isEmpty();
        boolean noTo = to == null || to.isEmpty();
        // one end alone: 起 alone runs to today, 止 alone covers the seven days to it, as the page opens (起 alone was a
        // 400, where the archive takes it: review 31); the form then shows the period read
        LocalDate[] period = checks.of(() -> noFrom && noTo ? new LocalDate[] {today.minusDays(6), today}
                : noTo ? Inputs.period(from, today.toString())
                : noFrom ? new LocalDate[] {Inputs.date("to", to).minusDays(6), Inputs.date("to", to)} : Inputs.period(from, to));
        // the page's role is one of its list: role=chief matched nothing and showed 0 events under 全部 (tester); the API
        // and the CLI keep their documented "part of the role code"
        if (role != null && !role.isEmpty() && !ROLE_NAMES.containsKey(role)) {
            checks.refuse(new org.fraudstats.web.portal.BadInput("role " + Inputs.printable(role) + " is not a role",
                    "角色“" + Inputs.printable(role) + "”不在列表中：请从列表中选择").on("role"));
        }
        // the newest row the first page found, which its pager links carry: the next page asked later counted the rows
        // recorded since (the auditor's own read of page 1 among them), and repeated as many of page 1's at its top (r34a)
        java.time.OffsetDateTime asked = upto == null || upto.isEmpty() ? null : checks.of(() -> {
            try {
                return java.time.OffsetDateTime.parse(upto);
            } catch (java.time.format.DateTimeParseException e) {
                throw new org.fraudstats.web.portal.BadInput("upto: " + Inputs.printable(upto) + " is not a time of the log",
                        "翻页参数 upto 无效：请从第一页重新翻页").on("upto");
            }
        });
        checks.done();
        // one after now would freeze nothing and say it did (r34e): the log as it is
        java.time.OffsetDateTime snapshot = asked == null || asked.toInstant().isAfter(clock.instant()) ? null : asked;
        AuditFilter which = new AuditFilter(user, role, action, result, object);
        // newest first, SHOWN matches a page: the log streams by oldest first, once to count the matches and once to keep
        // the page's, each with whether it is a user's act after an administrator's reset (audit/AfterAReset), which
        // reads from a day earlier. Older pages: an auditor saw the latest 500 of 48,402 and nothing before (tester)
        record Shown(AuditRecord event, boolean flagged) { }
        java.time.OffsetDateTime start = period[0].atStartOfDay(BusinessTime.ZONE).toOffsetDateTime();
        int[] matching = {0};
        // the rows of the first read only: one recorded between the two reads (a script polling the API) shifted the
        // page's places, dropping the newest from page 1 (review 31)
        java.time.OffsetDateTime[] newest = {snapshot};
        log.read(period[0].minusDays(1), period[1], r -> {
            if (snapshot != null && r.time().isAfter(snapshot)) {
                return;
            }
            if (newest[0] == null || r.time().isAfter(newest[0])) {
                newest[0] = r.time();
            }
            if (!r.time().isBefore(start) && which.test(r)) {
                matching[0]++;
            }
        });
        int pages = Math.max(1, (matching[0] + SHOWN - 1) / SHOWN);
        int shownPage = Inputs.page(page, pages);
        // the page's matches by their place, oldest first: [first, last)
        int last = matching[0] - (shownPage - 1) * SHOWN;
        int first = Math.max(0, last - SHOWN);
        java.util.ArrayDeque<Shown> latest = new java.util.ArrayDeque<>();
        int[] place = {0};
        AfterAReset watch = new AfterAReset();
        log.read(period[0].minusDays(1), period[1], r -> {
            if (newest[0] == null || r.time().isAfter(newest[0])) {
                return;
            }
            boolean afterAReset = watch.flags(r);
            if (!r.time().isBefore(start) && which.test(r)) {
                if (place[0] >= first && place[0] < last) {
                    latest.addFirst(new Shown(r, afterAReset));
                }
                place[0]++;
            }
        });
        // with the filters: the auditor's own reads are audited too, and "read the log" said not what was looked for
        // a page read as of an earlier moment says so in the record, as on the page: a link with upto= hides the rows
        // after it, and an auditor handed one must see that it does (r34d)
        audit.record("read-audit", period[0] + ".." + period[1] + (which.described().isEmpty() ? "" : " " + which.described())
                + (snapshot == null ? "" : " upto=" + exact(snapshot)), "success");
        List<AuditRecord> shown = latest.stream().map(Shown::event).toList();
        model.addAttribute("events", shown);
        model.addAttribute("flagged", latest.stream().filter(Shown::flagged).map(Shown::event).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("matching", matching[0]);
        model.addAttribute("shownLimit", SHOWN);
        model.addAttribute("page", shownPage);
        model.addAttribute("pages", pages);
        model.addAttribute("upto", newest[0] == null ? "" : newest[0].toString());
        model.addAttribute("asOf", snapshot == null ? null : exact(snapshot));
        // the log keeps role codes, as `audit` exports them; the page names them as the filter does
        model.addAttribute("roleNames", ROLE_NAMES);
        model.addAttribute("from", period[0].toString());
        model.addAttribute("to", period[1].toString());
        // the filters are shown back as typed, masked: the log itself holds no account number to find with one
        filtersShown(model, user, role, action, result, object);
        // every matching event as the CSV of `audit`, the filters with it (the page shows the latest SHOWN), each
        // encoded whole (a + in a filter read as a space: review); none when a filter held an account-like number,
        // which the link would carry masked, and a masked user filter is a pattern of * matching other names (review)
        Map<String, String> filters = new java.util.LinkedHashMap<>();
        filters.put("user", user);
        filters.put("role", role);
        filters.put("action", action);
        filters.put("result", result);
        filters.put("object", object);
        filters.values().removeIf(v -> v == null || v.isBlank());
        boolean masked = filters.values().stream().anyMatch(v -> !DigitRuns.mask(v).equals(v));
        var link = org.springframework.web.util.UriComponentsBuilder.fromPath("/api/v1/audit")
                .queryParam("format", "csv").queryParam("from", period[0]).queryParam("to", period[1]);
        Map<String, String> values = new java.util.HashMap<>();
        filters.forEach((name, value) -> {
            link.queryParam(name, "{" + name + "}");
            values.put(name, value.strip());
        });
        model.addAttribute("csv", masked ? null : link.encode().buildAndExpand(values).toUriString());
        return "audit";
    }

    /** The filters shown back as typed, masked (the log holds no account number to find with one); a role only from the list. */
    private static void filtersShown(Model model, String user, String role, String action, String result, String object) {
        model.addAttribute("user", user == null ? "" : DigitRuns.mask(user));
        model.addAttribute("role", role != null && ROLE_NAMES.containsKey(role) ? role : "");
        model.addAttribute("action", action == null ? "" : DigitRuns.mask(action));
        model.addAttribute("result", result == null ? "" : DigitRuns.mask(result));
        model.addAttribute("object", object == null ? "" : DigitRuns.mask(object));
    }

    /**
     * The snapshot to its microsecond, Beijing time: said to the second, the page's 截至 05:15:03 left out the rows of
     * 05:15:03.000 to .960 it counted, and its record could not be read again as it was (r34e).
     */
    private static String exact(java.time.OffsetDateTime snapshot) {
        return snapshot.atZoneSameInstant(BusinessTime.ZONE).toOffsetDateTime().toString();
    }
}

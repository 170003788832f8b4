package org.fraudstats.web.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fraudstats.schedule.ScheduledRuns;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the schedules ran, as /runs's 定时任务 table shows it, for scripts (statisticians only): a night waiting for its
 * drop, ended without it, or failed before any job ran makes no Spring Batch execution, so /api/v1/runs never shows
 * it, and a script watching last night could not tell it from one not run (review 29). Beyond web.md; README says so.
 * Administrators read it too: web.md gives them the schedules (r38f).
 */
@RestController
@PreAuthorize("hasAnyRole('STATISTICIAN', 'ADMIN')")
class ScheduleApi {

    private final ScheduledRuns scheduledRuns;

    ScheduleApi(ScheduledRuns scheduledRuns) {
        this.scheduledRuns = scheduledRuns;
    }

    @GetMapping("/api/v1/schedule")
    ResponseEntity<byte[]> schedule(@RequestParam(required = false) String limit, Authentication caller) {
        KnownParameters.only();
        int n = Limit.of(limit, 14);
        // the administrator reads no figure (web.md): a rollup refusal's row of a district's figures is cut (review r39e)
        boolean figures = caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_STATISTICIAN"));
        List<Map<String, Object>> periods = scheduledRuns.latest(n).stream().map(p -> json(p, figures)).toList();
        return JsonAnswer.of(HttpStatus.OK, periods);
    }

    private static Map<String, Object> json(ScheduledRuns.Period p, boolean figures) {
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("schedule", p.schedule());
        period.put("from", p.day().toString());
        period.put("to", p.to().toString());
        period.put("status", p.status());
        period.put("started_at", p.started());
        period.put("finished_at", p.finishedAt() == null ? null : p.finished());
        // the record's own line, in English (the page says it in Chinese), account numbers masked when recorded
        period.put("detail", figures ? p.detail() : p.detailForAdministrator());
        period.put("retried", p.retried());
        period.put("done_by_hand", p.doneByHand());
        period.put("completed_since", p.completedSince());
        return period;
    }
}

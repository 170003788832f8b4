package org.fraudstats.web.pages;

import org.fraudstats.schedule.ScheduleOverview;
import org.fraudstats.schedule.ScheduledRuns;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The schedules for administrators (web.md gives them "schedules"; r38f: they could see none): each schedule of
 * jobs/, when it fires next, and what the last fourteen periods came to, as /runs shows them to statisticians. Read
 * only: the schedules are files on the server, changed by its operator (README, Portal).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class SchedulesPage {

    private final ScheduleOverview overview;
    private final ScheduledRuns scheduledRuns;

    SchedulesPage(ScheduleOverview overview, ScheduledRuns scheduledRuns) {
        this.overview = overview;
        this.scheduledRuns = scheduledRuns;
    }

    @GetMapping("/schedules")
    String schedules(Model model) {
        model.addAttribute("schedules", overview.schedules());
        model.addAttribute("nights", scheduledRuns.latest(14));
        return "schedules";
    }
}

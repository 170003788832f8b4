package org.fraudstats.web.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.fraudstats.bulletin.BulletinPublisher;
import org.fraudstats.delivery.Deliveries;
import org.fraudstats.ingest.Pending;
import org.fraudstats.ingest.RejectedRow;
import org.fraudstats.ingest.Rejects;
import org.fraudstats.metrics.RollupCheck;
import org.fraudstats.storage.RunLock;
import org.fraudstats.schedule.ScheduledRuns;
import org.fraudstats.settings.BusinessTime;
import org.fraudstats.web.portal.BadInput;
import org.fraudstats.web.portal.BulletinArchive;
import org.fraudstats.web.portal.Inputs;
import org.fraudstats.web.portal.NotFound;
import org.fraudstats.web.portal.PortalAudit;
import org.fraudstats.web.portal.PublishedBulletin;
import org.fraudstats.web.portal.RerunPlans;
import org.fraudstats.storage.DigitRuns;
import org.fraudstats.web.portal.Reruns;
import org.fraudstats.web.portal.RunHistory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs for statisticians (web.md): the history, a rerun form (the dry run first, then confirm), a rerun's live
 * progress with stop and restart, the rejects of a drop and the mails that could not be delivered.
 */
@Controller
@PreAuthorize("hasRole('STATISTICIAN')")
class RunsPages {

    static final int SHOWN_REJECTS = 1000;

    private final RunHistory history;
    private final Reruns reruns;
    private final RerunPlans plans;
    private final Clock clock;
    private final Rejects rejects;
    private final Pending pending;
    private final Deliveries deliveries;
    private final BulletinArchive archive;
    private final PortalAudit audit;
    private final ScheduledRuns scheduledRuns;

    RunsPages(RunHistory history, Reruns reruns, RerunPlans plans, Rejects rejects, Pending pending, Deliveries deliveries, BulletinArchive archive,
              PortalAudit audit, Clock clock, ScheduledRuns scheduledRuns) {
        this.pending = pending;
        this.scheduledRuns = scheduledRuns;
        this.clock = clock;
        this.history = history;
        this.reruns = reruns;
        this.plans = plans;
        this.rejects = rejects;
        this.deliveries = deliveries;
        this.archive = archive;
        this.audit = audit;
    }

    /**
     * The jobs of the runs table in the statistician's words, the code in the cell's title as the status's is (r35b: a
     * Chinese page listed rerunBulletins and ingestDrop); a job not named here shows its code.
     */
    private static final java.util.Map<String, String> JOB_NAMES = java.util.Map.of("rerunBulletins", "重新生成通报", "ingestDrop", "加载数据");

    @GetMapping("/runs")
    String runs(@RequestParam(required = false) String before, Model model) {
        // older runs, a page at a time, as /api/v1/runs?before= gives them: after three years a failed load of last
        // month was out of the page's reach (r40b)
        return runs(model, Inputs.before(before));
    }

    /** The runs listed on a page of /runs. */
    private static final int RUNS_SHOWN = 15;

    /** The page again with the latest runs (a form's refusal shown on it). */
    String runs(Model model) {
        return runs(model, null);
    }

    private String runs(Model model, Long before) {
        LocalDate latest = archive.latestDaily().map(PublishedBulletin::to).orElse(BusinessTime.yesterday(clock));
        if (!model.containsAttribute("from")) {
            model.addAttribute("from", latest.minusDays(2).toString());
            model.addAttribute("to", latest.toString());
        }
        // a drop's checksum by its first 8 characters, as history and /api/v1/runs give it (sql/batch/history.sql)
        // one more than shown, read to know whether an older page exists: the last full page offered an empty one (r40f)
        List<Map<String, Object>> runs = before == null ? history.latest(RUNS_SHOWN + 1) : history.before(before, RUNS_SHOWN + 1);
        model.addAttribute("runs", runs.subList(0, Math.min(RUNS_SHOWN, runs.size())));
        model.addAttribute("older", runs.size() > RUNS_SHOWN);
        model.addAttribute("before", before);
        model.addAttribute("statusNames", Reruns.STATUS_NAMES);
        model.addAttribute("jobNames", JOB_NAMES);
        model.addAttribute("nights", scheduledRuns.latest(14));
        model.addAttribute("failedMails", deliveries.undelivered(latest.minusDays(60), latest.plusDays(1)));
        // 近 60 天没有未送达的邮件 read as all well while no mail was recorded at all (review r40e)
        model.addAttribute("missingDistribution", deliveries.missingDistributionFile().orElse(null));
        return "runs";
    }

    /**
     * The address a form's answer left in the address bar, opened again (a new tab, history, a bookmark): back to the
     * form. It fell to /runs/{id} and said 重算编号应为数字, a number the statistician never typed (r34a).
     */
    @GetMapping({"/runs/plan", "/runs/start"})
    String backToTheForm() {
        return "redirect:/runs";
    }

    /** The dry run: what a rerun of the range would render, with the button that starts it. */
    @PostMapping("/runs/plan")
    String plan(@RequestParam String from, @RequestParam String to, @RequestParam(defaultValue = "false") boolean range, Model model,
                HttpServletResponse response) {
        LocalDate[] period;
        try {
            period = rerunPeriod(from, to);
        } catch (BadInput e) {
            // as the other refused forms: the page itself, 400, the form as typed, the fields marked
            model.addAttribute("from", Inputs.dateOrEmpty(from));
            model.addAttribute("to", Inputs.dateOrEmpty(to));
            model.addAttribute("range", range);
            RefusedForm.show("runs", e, model, response);
            return runs(model);
        }
        RerunPlans.Plan plan;
        try {
            plan = plans.plan(period[0], period[1], EnumSet.allOf(BulletinPublisher.Format.class), range);
        } catch (BadInput e) {
            audit.record("rerun-dry-run", object(period, range), "refused");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return withError(model, e.chinese(), period, range);
        } catch (RollupCheck.OutsizedAmounts e) {
            // as the rerun itself would be: the plan listed bulletins that then failed on their first day (review 31d)
            audit.record("rerun-dry-run", object(period, range), RollupCheck.OutsizedAmounts.REFUSED);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return withError(model, "重新生成会被拒绝：" + e.chinese(), period, range);
        }
        audit.record("rerun-dry-run", object(period, range), "success");
        // a backfill over days no drop has reached publishes bulletins that say 数据未到: said before it is confirmed,
        // as the CLI's rerun warns (r44c: the plan listed them all as 首次发布 and nothing else)
        reruns.notArrived(period[0], period[1]).map(BusinessTime::daysNamedInChinese).ifPresent(days -> model.addAttribute("notArrived", days));
        model.addAttribute("plan", plan);
        model.addAttribute("range", range);
        model.addAttribute("from", period[0].toString());
        model.addAttribute("to", period[1].toString());
        return runs(model);
    }

    private String withError(Model model, String error, LocalDate[] period, boolean range) {
        model.addAttribute("error", error);
        model.addAttribute("from", period[0].toString());
        model.addAttribute("to", period[1].toString());
        model.addAttribute("range", range);
        return runs(model);
    }

    @PostMapping("/runs/start")
    String start(@RequestParam String from, @RequestParam String to, @RequestParam(defaultValue = "false") boolean range,
                 Model model, RedirectAttributes redirect, HttpServletResponse response) {
        LocalDate[] period = rerunPeriod(from, to);
        long id;
        try {
            id = reruns.start(period[0], period[1], EnumSet.allOf(BulletinPublisher.Format.class), range);
        } catch (Reruns.Busy e) {
            audit.record("rerun", object(period, range), Reruns.Busy.AUDIT_RESULT);
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "60");
            return withError(model, e.chinese(), period, range);
        } catch (BadInput e) {
            audit.record("rerun", object(period, range), "refused");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return withError(model, e.chinese(), period, range);
        } catch (RollupCheck.OutsizedAmounts e) {
            audit.record("rerun", object(period, range), RollupCheck.OutsizedAmounts.REFUSED);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return withError(model, "重新生成被拒绝：" + e.chinese(), period, range);
        } catch (RunLock.Refused | Reruns.NotStarted | Reruns.RollupsDiffer e) {
            audit.record("rerun", object(period, range), e instanceof Reruns.NotStarted ? "failure"
                    : e instanceof Reruns.RollupsDiffer ? Reruns.RollupsDiffer.AUDIT_RESULT : "refused");
            // as the API answers them: a refusal shown on the page was a 200, which a check reading the status took
            // for a started rerun (review 31)
            response.setStatus(e instanceof Reruns.NotStarted notStarted
                    ? (notStarted.mayStillStart() ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR
                            : HttpServletResponse.SC_SERVICE_UNAVAILABLE)
                    : HttpServletResponse.SC_CONFLICT);
            // in the page's language: the lock's refusal was said in English on the Chinese page (retest 31)
            return withError(model, e instanceof Reruns.RollupsDiffer differ ? differ.chinese()
                    : e instanceof RunLock.Refused ? "重新生成 " + period[0] + " 至 " + period[1] + " 被拒绝：" + LOCK_HELD
                            : ((Reruns.NotStarted) e).chinese(), period, range);
        }
        return "redirect:/runs/" + id;
    }

    /** Why a rerun or a restart waits for another run, on the page. */
    private static final String LOCK_HELD = "另一项运行（重新生成或每日任务）正在处理其中的部分日期，请等它结束后再试。";

    /** A rerun's period, as the API checks it (Inputs.rerunPeriod), said in the page's language when the day is not over. */
    private LocalDate[] rerunPeriod(String from, String to) {
        LocalDate[] period = Inputs.period(from, to);
        if (BusinessTime.notYet(period[1], clock).isPresent()) {
            throw new BadInput("止 " + period[1] + " 这一天还没有结束（今天是北京时间 " + BusinessTime.today(clock)
                    + "）：一天结束后才能生成它的日报").on("to");
        }
        return period;
    }

    /** The audit record's object: the range, and whether its own bulletin was asked for (as the API writes it). */
    private static String object(LocalDate[] period, boolean range) {
        return Reruns.auditObject(period[0], period[1], range);
    }

    /** Bulletins a finished rerun's page lists by name; a year rerun anew lists the rest in the archive. */
    static final int PUBLISHED_SHOWN = 60;

    @GetMapping("/runs/{id}")
    String rerun(@PathVariable String id, Model model) {
        // an id of digits (id() checked it) shown as the API and the CLI show it, masked from twelve digits: cut from
        // seven as any echoed value, it said 没有编号为 … 的重算 of the id typed (r34a)
        Reruns.State state = reruns.state(id(id)).orElseThrow(() -> new NotFound("没有编号为 " + DigitRuns.mask(id) + " 的重算"));
        model.addAttribute("rerun", state);
        // once it has ended: what it published, corrections first (what goes to leadership); the page said only
        // "completed", and which days moved was a search through the archive (tester)
        if (!state.running()) {
            List<PublishedBulletin> published = archive.publishedBy(state.id());
            model.addAttribute("published", published.size() > PUBLISHED_SHOWN ? published.subList(0, PUBLISHED_SHOWN) : published);
            model.addAttribute("publishedCount", published.size());
            model.addAttribute("correctedCount", published.stream().filter(b -> b.revision() > 1).count());
            if (state.status() == org.springframework.batch.core.BatchStatus.COMPLETED) {
                reruns.notArrived(state.from(), state.to()).map(BusinessTime::daysNamedInChinese)
                        .ifPresent(days -> model.addAttribute("notArrived", days));
            }
        }
        return "rerun";
    }

    /** The state as JSON for the page's script, which moves the progress bar without reloading. */
    @GetMapping("/runs/{id}/state.json")
    @ResponseBody
    ResponseEntity<Map<String, Object>> state(@PathVariable String id) {
        Reruns.State s = reruns.state(id(id)).orElseThrow(() -> new NotFound("no rerun " + Inputs.printable(id)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.id());
        json.put("status", s.status().name());
        json.put("status_name", s.statusName());
        json.put("done", s.done());
        json.put("total", s.total());
        json.put("running", s.running());
        json.put("message", s.message());
        return ResponseEntity.ok(json);
    }

    @PostMapping("/runs/{id}/stop")
    String stop(@PathVariable String id, RedirectAttributes redirect) {
        long execution = id(id);
        try {
            reruns.stop(execution);
            audit.record("rerun-stop", "job execution " + execution, "stopping");
        } catch (Reruns.Refused e) {
            audit.record("rerun-stop", "job execution " + execution, "refused");
            redirect.addFlashAttribute("error", e.chinese());
        } catch (NotFound e) {
            // the 404 page answers it, but the refusal is recorded first, as a restart's is
            audit.record("rerun-stop", "job execution " + execution, "refused");
            throw e;
        } catch (RuntimeException e) {
            audit.record("rerun-stop", "job execution " + execution, "failure");
            throw e;
        }
        return "redirect:/runs/" + execution;
    }

    @PostMapping("/runs/{id}/restart")
    String restart(@PathVariable String id, RedirectAttributes redirect) {
        long execution = id(id);
        try {
            long again = reruns.restart(execution);
            return "redirect:/runs/" + again;
        } catch (Reruns.Busy e) {
            audit.record("rerun-restart", "job execution " + execution, Reruns.Busy.AUDIT_RESULT);
            redirect.addFlashAttribute("error", e.chinese());
            return "redirect:/runs/" + execution;
        } catch (RollupCheck.OutsizedAmounts e) {
            audit.record("rerun-restart", "job execution " + execution, RollupCheck.OutsizedAmounts.REFUSED);
            redirect.addFlashAttribute("error", "重新开始被拒绝：" + e.chinese());
            return "redirect:/runs/" + execution;
        } catch (Reruns.Refused | RunLock.Refused | NotFound | Reruns.NotStarted e) {
            audit.record("rerun-restart", "job execution " + execution, e instanceof Reruns.NotStarted ? "failure"
                    : e instanceof Reruns.RollupsDiffer ? Reruns.RollupsDiffer.AUDIT_RESULT : "refused");
            // in the page's language, every one of them: the lock's and the state's were English (retest 31)
            redirect.addFlashAttribute("error", e instanceof Reruns.Refused refused ? refused.chinese()
                    : e instanceof NotFound notFound ? notFound.chinese()
                    : e instanceof Reruns.NotStarted notStarted ? notStarted.chinese()
                    : "重新开始重算 " + execution + " 被拒绝：" + LOCK_HELD);
            return "redirect:/runs/" + execution;
        }
    }

    @GetMapping("/rejects")
    String rejects(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        boolean noFrom = from == null || from.isEmpty();
        boolean noTo = to == null || to.isEmpty();
        boolean all = noFrom && noTo;
        // one end alone is open at the other, as in the archive: 起 alone was a bare 400 (review 31)
        LocalDate[] period = all ? new LocalDate[] {null, null} : noFrom ? new LocalDate[] {null, Inputs.date("to", to)}
                : noTo ? new LocalDate[] {Inputs.date("from", from), null} : Inputs.period(from, to);
        List<RejectedRow> rows = new ArrayList<>();
        // a page shows a thousand, from the latest drop back, and says how many there are: oldest first and
        // unannounced, ten years of history showed the first weeks and never last night's (tester B); the API and
        // the CLI list every one
        rejects.latest(period[0], period[1], SHOWN_REJECTS, rows::add);
        audit.record("read-rejects", all ? "all" : (noFrom ? "" : period[0]) + ".." + (noTo ? "" : period[1]), "success");
        model.addAttribute("rejects", rows);
        model.addAttribute("rejectCount", rows.size() < SHOWN_REJECTS ? rows.size() : rejects.count(period[0], period[1]));
        model.addAttribute("shownRejects", SHOWN_REJECTS);
        // and the rows rule 4 keeps waiting for their case, which count nowhere: which, for which case, from where
        // (tester: only a count was given, in ingest's summary and a bulletin's footnote)
        List<Pending.Row> waiting = pending.latest(SHOWN_REJECTS);
        model.addAttribute("pendingRows", waiting);
        model.addAttribute("pendingCount", waiting.size() < SHOWN_REJECTS ? waiting.size() : pending.count());
        model.addAttribute("from", noFrom ? "" : period[0].toString());
        model.addAttribute("to", noTo ? "" : period[1].toString());
        return "rejects";
    }

    private static long id(String id) {
        if (!id.matches("[0-9]{1,18}")) {
            throw new BadInput("重算编号应为数字：" + Inputs.printable(id));
        }
        return Long.parseLong(id);
    }
}

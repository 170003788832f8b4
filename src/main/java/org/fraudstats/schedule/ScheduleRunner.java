package org.fraudstats.schedule;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fraudstats.schedule.ScheduleRuns.Node;
import org.fraudstats.schedule.ScheduleRuns.Status;
import org.fraudstats.settings.BusinessTime;
import org.fraudstats.storage.DigitRuns;
import org.fraudstats.storage.RunLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What one fire of a schedule does, whichever trigger fired it (the cron, a retry, a catch-up after downtime):
 * run every period from the one after the last finished up to the last complete one, oldest first, each only
 * after taking its lock and claiming it. So missed nights are caught up whatever Quartz's misfire handling did,
 * a night claimed by a live node is never run by another, and one left RUNNING by a node that died (its lock
 * went with its connection) is taken over by the next fire. A range bulletin (周报, 月报) waits for the nightly
 * run of its period's days ({@link NightsToCome}), so it is rendered with their figures rather than with 数据未到 and then
 * revised.
 */
@Component
class ScheduleRunner {

    private static final Logger log = LoggerFactory.getLogger(ScheduleRunner.class);

    /** Asks for the schedule to fire again after {@code wait} (the drop of a day is not there yet). */
    interface Retry {
        void after(Duration wait);
    }

    /** What became of one period in this fire. */
    record Outcome(LocalDate day, Status status, String detail) {
        @Override
        public String toString() {
            return day + " " + status + detail;
        }
    }

    /** How soon a period whose days another run holds is looked at again: a rerun of a month takes minutes. */
    static final Duration BUSY_LOOK_INTERVAL = Duration.ofMinutes(5);

    /**
     * A night that FAILED (a drop that could not be read, the database gone) is tried again at every fire for this
     * long, so that a drop replaced in the inbox is loaded without anyone running `nightly` by hand; older failures
     * are left to `./fraudstats nightly --date D`, and a range bulletin no longer waits for them.
     */
    static final Period FAILED_RETRIED_FOR = Period.ofDays(7);

    private final ScheduleRuns runs;
    private final ObjectProvider<ScheduledWork> work;
    private final RunLock runLock;
    private final Clock clock;
    private final NightsToCome nightsToCome;
    private final ObjectProvider<org.fraudstats.audit.AuditTrail> audit;

    ScheduleRunner(ScheduleRuns runs, ObjectProvider<ScheduledWork> work, RunLock runLock, Clock clock,
            NightsToCome nightsToCome, ObjectProvider<org.fraudstats.audit.AuditTrail> audit) {
        this.audit = audit;
        this.runs = runs;
        this.work = work;
        this.runLock = runLock;
        this.clock = clock;
        this.nightsToCome = nightsToCome;
    }

    List<Outcome> run(ScheduleDefinition schedule, Node node, Retry retry) {
        return run(schedule, node, retry, () -> false);
    }

    /**
     * @param stopping whether serve is stopping: then no further period is started. A SIGTERM (systemctl restart)
     *                 during a catch-up let the fire go on to the next night after "serve: stopping", whose render then
     *                 failed as the process was torn down (a false "the bulletin font cannot draw 年") and was recorded
     *                 FAILED, held until the next night's fire (tester A). The periods left are fired again at the
     *                 next start ({@link #leftUnfinished}).
     */
    List<Outcome> run(ScheduleDefinition schedule, Node node, Retry retry, java.util.function.BooleanSupplier stopping) {
        List<Outcome> outcomes = new ArrayList<>();
        Cadence cadence = schedule.cadence();
        // the business day is Asia/Shanghai's whatever zone the cron fires in (zone: Pacific/Kiritimati made a
        // bulletin of a day with an hour still to run in Beijing)
        LocalDate latest = cadence.latestComplete(BusinessTime.today(clock));
        LocalDate failedSince = failedRetriedSince(schedule, latest);
        for (LocalDate day = first(schedule, latest, runs.open(schedule.name(), failedSince)); !day.isAfter(latest); day = cadence.next(day)) {
            if (stopping.getAsBoolean()) {
                log.info("{} {}: serve is stopping: this period and those after it are left to the next start", schedule.name(), day);
                break;
            }
            // the period's lock first, then the claim: a row only ever says RUNNING while its node holds the lock
            Optional<RunLock.Held> lock = runLock.period(schedule.name(), day);
            if (lock.isEmpty()) {
                ScheduleRuns.Row row = runs.find(schedule.name(), day);
                if (row != null && row.status() == Status.RUNNING) {
                    outcomes.add(new Outcome(day, Status.RUNNING, " elsewhere (" + row.instance() + " since "
                            + row.startedAt().atZoneSameInstant(schedule.zone()).toOffsetDateTime() + "), skipped"));
                }
                continue; // a live node is working on it
            }
            try (RunLock.Held held = lock.get()) {
                String takenOver = "";
                if (!runs.claim(schedule.name(), day, node, clock.instant(), failedSince)) {
                    ScheduleRuns.Row row = runs.find(schedule.name(), day);
                    // RUNNING, yet its lock was free: the node that claimed it died mid-run
                    if (row == null || row.status() != Status.RUNNING
                            || !runs.takeOverAbandoned(schedule.name(), day, row.instance(), node, clock.instant())) {
                        continue; // finished
                    }
                    log.warn("{} {}: taken over from {}, which claimed it at {} and is gone", schedule.name(), day,
                            row.instance(), row.startedAt());
                    takenOver = ", taken over from " + row.instance();
                }
                Outcome outcome = runClaimed(schedule, day, node, retry, latest);
                outcomes.add(new Outcome(outcome.day(), outcome.status(), outcome.detail() + takenOver));
                if (outcome.status() == Status.WAITING) {
                    break; // later days wait: they run oldest first, after this one
                }
            }
        }
        return outcomes;
    }

    /**
     * Whether the schedule's fire that covered its latest complete period has happened ({@code lastCronFire}, Quartz's
     * previous fire time) and left that period unfinished: never run (a stop in the middle of a catch-up), still
     * RUNNING (the process died), or FAILED. Such a schedule is fired again when serve starts, instead of at the next
     * cron time, up to a day later: a restart is what an operator does to have it run. A period WAITING has its
     * retry trigger already, and one before the fire's time (a restart at 00:30 before the 01:30 night) is not due.
     */
    boolean leftUnfinished(ScheduleDefinition schedule, Instant lastCronFire) {
        if (lastCronFire == null) {
            return false;
        }
        LocalDate latest = schedule.cadence().latestComplete(BusinessTime.today(clock));
        Instant periodOver = schedule.cadence().end(latest).plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant();
        if (lastCronFire.isBefore(periodOver)) {
            return false;
        }
        ScheduleRuns.Row row = runs.find(schedule.name(), latest);
        // a failed range bulletin is not tried again by a fire (a rerun renders it): firing it would run nothing (review)
        return row == null || row.status() == Status.RUNNING
                || row.status() == Status.FAILED && schedule.work() == ScheduleDefinition.Work.NIGHTLY;
    }

    /**
     * The day after the last finished period, or an older one left unfinished or failed within the last
     * {@link #FAILED_RETRIED_FOR}; the latest when none ran yet.
     */
    static LocalDate first(ScheduleDefinition schedule, LocalDate latest, ScheduleRuns.Open open) {
        LocalDate first = open.lastFinished() == null ? latest : schedule.cadence().next(open.lastFinished());
        if (open.firstUnfinished() != null && open.firstUnfinished().isBefore(first)) {
            first = open.firstUnfinished();
        }
        return first;
    }

    private Outcome runClaimed(ScheduleDefinition schedule, LocalDate day, Node node, Retry retry, LocalDate latest) {
        ScheduledWork scheduledWork = work.getObject();
        boolean arrived = true;
        Integer exitCode = null;
        String failure = null;
        Status status;
        try {
            if (schedule.work() == ScheduleDefinition.Work.NIGHTLY) {
                arrived = scheduledWork.dropArrived(day, schedule.inbox());
                ZonedDateTime deadline = schedule.deadlineFor(day);
                Instant now = clock.instant();
                if (!arrived && now.isBefore(deadline.toInstant())) {
                    Duration wait = min(schedule.retryInterval(), Duration.between(now, deadline.toInstant()));
                    // an inbox that is not there (a share not mounted, FRAUDSTATS_INBOX mistyped) is said as such: the
                    // night's own warning goes to no log under serve, and "drop not in" read as a late feed
                    WaitingWords words = Files.isDirectory(schedule.inbox()) ? WaitingWords.DROP_NOT_IN : WaitingWords.NO_INBOX;
                    String why = words.line(schedule.inbox(), wait.truncatedTo(ChronoUnit.MILLIS), deadline.toOffsetDateTime());
                    retry.after(wait);
                    runs.waiting(schedule.name(), day, node, DigitRuns.mask(why));
                    return new Outcome(day, Status.WAITING, " (" + why + ")");
                }
                exitCode = scheduledWork.nightly(day, schedule.inbox(), schedule.out());
            } else {
                NightsToCome.Night night = nightsToCome.oldest(schedule.cadence().end(day));
                if (night != null) {
                    // said on /runs too, whose 原因 was empty while the log said what the week waited for (tester A)
                    String why = (night.failed() ? WaitingWords.NIGHT_FAILED : WaitingWords.NIGHT_NOT_FINISHED)
                            .line(night.day(), night.lookAgainIn());
                    retry.after(night.lookAgainIn());
                    runs.waiting(schedule.name(), day, node, why);
                    return new Outcome(day, Status.WAITING, " (" + why + ")");
                }
                exitCode = scheduledWork.rangeBulletin(day, schedule.cadence().end(day), schedule.out());
                // published with 数据未到 (a week of a new home, whose nightly never ran): said as a night that published
                // one is, not DONE, which told a script watching /api/v1/schedule that the week was whole (r33a)
                arrived = exitCode == 0;
            }
            status = exitCode == 0 ? Status.DONE : arrived ? Status.FAILED : Status.MISSING_DATA;
            if (status == Status.FAILED) {
                failure = WaitingWords.EXIT.line(exitCode);
            } else if (status == Status.MISSING_DATA) {
                failure = notArrived(scheduledWork, day, schedule.work() == ScheduleDefinition.Work.NIGHTLY ? day : schedule.cadence().end(day));
            }
        } catch (RunLock.Refused busy) {
            // another run holds some of the days (a statistician's rerun of the quarter at 02:30 on a Monday): the work
            // did not fail, it has to wait, as a night waits for its drop. Recorded FAILED, a 周报 was never tried
            // again and never reached leadership (review)
            log.info("{} {}: {}", schedule.name(), day, busy.getMessage());
            String why = WaitingWords.BUSY.line(BUSY_LOOK_INTERVAL);
            retry.after(BUSY_LOOK_INTERVAL);
            runs.waiting(schedule.name(), day, node, why);
            return new Outcome(day, Status.WAITING, " (" + why + ")");
        } catch (RuntimeException e) {
            // one line, as on /runs: a drop that cannot be read is the data's problem, not a bug, and its 65-line trace
            // was written again at every retry, every 15 minutes until 07:30 (tester B); the trace at DEBUG
            log.warn("{} {}: the work failed: {}", schedule.name(), day, firstLine(e));
            log.debug("{} {}: the work failed", schedule.name(), day, e);
            status = Status.FAILED;
            failure = DigitRuns.mask(firstLine(e));
        }
        String detail = exitCode == null || exitCode == 0 ? "" : " (exit " + exitCode + ")";
        if (status == Status.FAILED && schedule.work() == ScheduleDefinition.Work.NIGHTLY) {
            // a bad drop replaced in the inbox (or a database back) is loaded at the next look, until this
            // morning's deadline; after it, at the schedule's next fire. Asked before the failure is recorded: a
            // database gone longer than the pool waits fails that record too, and no retry was left (review 29)
            Instant deadline = schedule.deadlineFor(latest).toInstant();
            if (clock.instant().isBefore(deadline)) {
                Duration wait = min(schedule.retryInterval(), Duration.between(clock.instant(), deadline));
                retry.after(wait);
                detail += "; tried again in " + wait.truncatedTo(ChronoUnit.MILLIS);
            } else {
                detail += "; tried again at the next fire";
            }
        }
        runs.finish(schedule.name(), day, schedule.work() == ScheduleDefinition.Work.NIGHTLY ? day : schedule.cadence().end(day),
                node, status, exitCode, failure, clock.instant());
        audited(schedule, day, node, status, exitCode != null && exitCode != 0 ? "exit " + exitCode : failure);
        return new Outcome(day, status, detail);
    }

    /** Which days a period published with 数据未到 lacks; null (no detail, as before) when the database cannot say. */
    private static String notArrived(ScheduledWork work, LocalDate from, LocalDate to) {
        try {
            List<LocalDate> days = work.daysNotArrived(from, to);
            return days.isEmpty() ? null : WaitingWords.PUBLISHED_NOT_ARRIVED.line(org.fraudstats.settings.BusinessTime.daysNamed(days));
        } catch (RuntimeException e) {
            log.warn("{}..{}: the days not arrived not known: {}", from, to, firstLine(e));
            return null;
        }
    }

    /**
     * A night or a week the schedule has done, published and mailed to leadership unattended, is in the audit log as the
     * same work typed on the command line is (cli-nightly): it was on /runs alone (tester mail32). Its end only, not
     * each look for a drop while it waits. A record the log refuses is said in serve's log; the work is done.
     *
     * @param failure "exit N" of a work that returned N (the audit's words: 退出码 N), else why it threw
     */
    private void audited(ScheduleDefinition schedule, LocalDate day, Node node, Status status, String failure) {
        org.fraudstats.audit.AuditTrail trail = audit.getIfAvailable();
        if (trail == null) {
            return;
        }
        String result = switch (status) {
            case DONE -> "success";
            case MISSING_DATA -> "success: data not arrived";
            default -> "failure" + (failure == null ? "" : ": " + failure);
        };
        String period = schedule.work() == ScheduleDefinition.Work.NIGHTLY ? day.toString() : day + ".." + schedule.cadence().end(day);
        try {
            trail.record(new org.fraudstats.audit.AuditEvent("scheduler", "", "serve " + node.instance(),
                    "schedule-" + schedule.name(), period, result));
        } catch (RuntimeException e) {
            log.warn("{} {}: not recorded in the audit log: {}", schedule.name(), day, firstLine(e));
        }
    }

    /**
     * When a fire that failed outside its work (its outcome not recorded: the database gone) is tried again: as a
     * night that failed is, at the schedule's retry interval until the morning's deadline, and not after it, when the
     * next fire comes soon enough; a range bulletin (which has no retry interval: asked with none, the retry failed 30
     * times over 15 minutes, review 29b) every 15 minutes on the two days after its period, its next fire being a week or
     * a month away (review 29c).
     */
    Optional<Duration> retryAfterFailedFire(ScheduleDefinition schedule) {
        if (schedule.work() != ScheduleDefinition.Work.NIGHTLY) {
            LocalDate periodEnd = schedule.cadence().end(schedule.cadence().latestComplete(BusinessTime.today(clock)));
            return BusinessTime.today(clock).isAfter(periodEnd.plusDays(2)) ? Optional.empty() : Optional.of(Duration.ofMinutes(15));
        }
        if (schedule.retryInterval() == null) {
            return Optional.empty();
        }
        Instant deadline = schedule.deadlineFor(schedule.cadence().latestComplete(BusinessTime.today(clock))).toInstant();
        Instant now = clock.instant();
        return now.isBefore(deadline) ? Optional.of(min(schedule.retryInterval(), Duration.between(now, deadline))) : Optional.empty();
    }

    /**
     * The first night a FAILED one is tried again from: the last {@link #FAILED_RETRIED_FOR} nights up to
     * {@code latest}; null for a range bulletin (周报, 月报), whose failure waits for a rerun or its next fire as before.
     */
    static LocalDate failedRetriedSince(ScheduleDefinition schedule, LocalDate latest) {
        return schedule.work() == ScheduleDefinition.Work.NIGHTLY ? latest.minus(FAILED_RETRIED_FOR).plusDays(1) : null;
    }

    /** The failure's first line (a drop's failure names its file and problem there), or its kind when it has none. */
    private static String firstLine(RuntimeException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        return message.isEmpty() ? e.getClass().getSimpleName() : message.lines().findFirst().orElseThrow();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

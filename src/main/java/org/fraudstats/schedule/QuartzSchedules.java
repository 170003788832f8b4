package org.fraudstats.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.stereotype.Component;

/**
 * The schedules as Quartz jobs: one durable job and one cron trigger per definition, keyed by its name in
 * group "fraudstats", and a one-shot retry trigger while a drop is awaited.
 *
 * <p>Misfires: FireAndProceed (fire once as soon as the scheduler can, then keep the cron). One late fire is
 * enough because every fire catches up all missed periods itself (ScheduleRunner), and it cannot run a night
 * twice because periods are claimed in schedule_run. DoNothing would leave a node that was down at 01:30
 * idle until the next night; IgnoreMisfires would replay every missed fire, each finding nothing to do.
 */
@Component
class QuartzSchedules {

    static final String GROUP = "fraudstats";

    private final Scheduler scheduler;

    QuartzSchedules(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    static JobKey jobKey(String schedule) {
        return JobKey.jobKey(schedule, GROUP);
    }

    static TriggerKey cronKey(String schedule) {
        return TriggerKey.triggerKey(schedule, GROUP);
    }

    static TriggerKey retryKey(String schedule) {
        return TriggerKey.triggerKey(schedule + "-retry", GROUP);
    }

    ScheduleRuns.Node node() {
        try {
            return new ScheduleRuns.Node(scheduler.getSchedulerName(), scheduler.getSchedulerInstanceId());
        } catch (SchedulerException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Makes the stored jobs those of {@code definitions}: adds new ones, replaces a trigger whose cron or zone
     * changed, leaves an unchanged one alone (so a fire missed while every node was down is still a misfire
     * Quartz fires at once), and deletes the jobs of schedules no longer defined or switched off. Nodes that
     * start together agree, as they read the same files.
     *
     * @return one line per schedule, for the start-up log
     */
    List<String> install(List<ScheduleDefinition> definitions) throws SchedulerException {
        List<String> lines = new ArrayList<>();
        Set<JobKey> wanted = new HashSet<>();
        for (ScheduleDefinition schedule : definitions) {
            JobKey job = jobKey(schedule.name());
            wanted.add(job);
            scheduler.addJob(JobBuilder.newJob(ScheduledRunJob.class).withIdentity(job)
                    .withDescription(schedule.description()).storeDurably().build(), true);
            Trigger existing = scheduler.getTrigger(cronKey(schedule.name()));
            String what;
            if (existing instanceof CronTrigger cron && unchanged(cron, schedule)) {
                what = "unchanged";
            } else {
                // a replaced trigger keeps a fire it missed: started at that moment, it misfires and fires now
                Date now = new Date();
                Date missed = existing == null ? null : existing.getNextFireTime();
                Trigger trigger = cronTrigger(schedule, missed != null && missed.before(now) ? missed : now);
                // a second node starting at the same moment (after a power cut) may add it between the look and the
                // add: this one's definition then replaces it, where serve used to refuse to start (review)
                what = put(trigger) ? "updated" : "added";
            }
            Trigger stored = scheduler.getTrigger(cronKey(schedule.name()));
            lines.add(String.format("%s: %s %s from %s (%s), next fire %s", schedule.name(), schedule.cron(),
                    schedule.zone(), schedule.source(), what,
                    stored == null || stored.getNextFireTime() == null ? "none"
                            : stored.getNextFireTime().toInstant().atZone(schedule.zone()).toOffsetDateTime()));
        }
        for (JobKey job : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!wanted.contains(job)) {
                scheduler.deleteJob(job);
                lines.add(job.getName() + ": removed (no longer in jobs/*.yml, or enabled: false)");
            }
        }
        return lines;
    }

    /** When the schedule's cron trigger last fired (Quartz's previous fire time, kept in its tables), or null. */
    Instant lastCronFire(ScheduleDefinition schedule) throws SchedulerException {
        Trigger cron = scheduler.getTrigger(cronKey(schedule.name()));
        return cron == null || cron.getPreviousFireTime() == null ? null : cron.getPreviousFireTime().toInstant();
    }

    /** Whether a retry of the schedule is waiting to fire. */
    boolean retryPending(ScheduleDefinition schedule) throws SchedulerException {
        TriggerKey key = retryKey(schedule.name());
        if (!scheduler.checkExists(key)) {
            return false;
        }
        // a one-shot retry whose fire a killed process was running is left COMPLETE, and Quartz removes it only once
        // the scheduler starts: taken for a retry to come, the start fired nothing, and the night stayed RUNNING with
        // no bulletin until the next cron time (r38f)
        Trigger.TriggerState state = scheduler.getTriggerState(key);
        return state != Trigger.TriggerState.COMPLETE && state != Trigger.TriggerState.ERROR && state != Trigger.TriggerState.NONE;
    }

    /** Fires the schedule once more after {@code wait}: at most one pending retry per schedule. */
    void retry(ScheduleDefinition schedule, Duration wait) {
        // Quartz fires on the system clock: the retry is due `wait` from now on that clock
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(retryKey(schedule.name()))
                .forJob(jobKey(schedule.name())).withDescription("looking again before the next cron fire: a drop not arrived, a failed night, a night a week or month waits for")
                .startAt(Date.from(Instant.now().plus(wait)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            put(trigger);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule the retry of " + schedule.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stores the trigger, replacing one of its key; true when it replaced one. Between the look and the add another
     * node (or this one's other fire) may add it (Quartz says so, or PostgreSQL's key does), or a pending one may fire
     * and go, or be half written (its row there, its schedule's not yet): looked at again, a few times, instead of the
     * error that recorded a night only waiting for its drop as FAILED, or stopped serve at its start (review).
     */
    private boolean put(Trigger trigger) throws SchedulerException {
        for (int turn = 0; ; turn++) {
            try {
                if (scheduler.rescheduleJob(trigger.getKey(), trigger) != null) {
                    return true;
                }
                scheduler.scheduleJob(trigger);
                return false;
            } catch (SchedulerException raced) {
                if (turn == 4) {
                    throw raced;
                }
                try {
                    Thread.sleep(20L * (turn + 1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw raced;
                }
            }
        }
    }

    private static Trigger cronTrigger(ScheduleDefinition schedule, Date start) {
        return TriggerBuilder.newTrigger().withIdentity(cronKey(schedule.name())).forJob(jobKey(schedule.name()))
                .withDescription(schedule.source())
                .withSchedule(CronScheduleBuilder.cronSchedule(schedule.cron())
                        .inTimeZone(TimeZone.getTimeZone(schedule.zone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .startAt(start)
                .build();
    }

    private static boolean unchanged(CronTrigger stored, ScheduleDefinition schedule) {
        return stored.getCronExpression().equals(schedule.cron())
                && stored.getTimeZone().toZoneId().equals(schedule.zone())
                && stored.getMisfireInstruction() == CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW
                && stored.getJobKey().equals(jobKey(schedule.name()));
    }
}

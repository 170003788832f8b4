package org.fraudstats.schedule;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.fraudstats.settings.BusinessTime;
import org.quartz.CronExpression;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.springframework.stereotype.Component;

/**
 * The schedules as the administrator reads them (web.md gives them "schedules"): what each of jobs/*.yml runs, when,
 * from which file, and when Quartz fires it next. Read only: the files on the server are the schedules (README).
 */
@Component
public class ScheduleOverview {

    /**
     * One schedule.
     *
     * @param installed whether serve has installed it in Quartz (false before the first start, or when switched off)
     * @param nextFire  the next cron fire in Beijing time to the minute, or the cron's next time when not installed;
     *                  empty when switched off
     * @param lastFire  the cron trigger's last fire, Beijing time to the second; empty when it never fired
     * @param retryAt   a pending retry's time (a drop looked for again, a failed night), empty when none
     */
    public record Schedule(String name, String description, boolean enabled, String work, String cron, String zone, String source,
                           String inbox, String out, boolean installed, String nextFire, String lastFire, String retryAt,
                           String fileCron) {
    }

    private final ScheduleDefinitions definitions;
    private final Scheduler scheduler;

    ScheduleOverview(ScheduleDefinitions definitions, Scheduler scheduler) {
        this.definitions = definitions;
        this.scheduler = scheduler;
    }

    /** The nightly schedules first, then the weeks, then the months, as a night, a week and a month follow. */
    public List<Schedule> schedules() {
        return definitions.all().stream()
                .sorted(java.util.Comparator.comparing((ScheduleDefinition d) -> d.work() != ScheduleDefinition.Work.NIGHTLY)
                        .thenComparing(ScheduleDefinition::cadence).thenComparing(ScheduleDefinition::name))
                .map(this::schedule).toList();
    }

    private Schedule schedule(ScheduleDefinition d) {
        Trigger cron = null;
        Trigger retry = null;
        if (d.enabled()) {
            try {
                cron = scheduler.getTrigger(QuartzSchedules.cronKey(d.name()));
                retry = scheduler.getTrigger(QuartzSchedules.retryKey(d.name()));
            } catch (SchedulerException e) {
                throw new IllegalStateException("cannot read the schedule " + d.name() + " from Quartz's tables: " + e.getMessage(), e);
            }
        }
        String next = "";
        if (cron != null && cron.getNextFireTime() != null) {
            next = minutes(cron.getNextFireTime().toInstant());
        } else if (d.enabled()) {
            next = cronNext(d);
        }
        String work = d.work() == ScheduleDefinition.Work.NIGHTLY ? "日报任务（载入前一天的数据，生成日报，修订受影响的通报）"
                : switch (d.cadence()) {
                    case WEEK -> "周报（上周一至周日）";
                    case MONTH -> "月报（上一个自然月）";
                    case DAY -> "区间通报（前一天）";
                };
        // what fires is the trigger Quartz holds for every node, installed by the node that started last: its cron is
        // shown, and this node's file beside it when they differ (review r39e: the page named the file's next to the
        // trigger's next fire)
        String cronFired = cron instanceof CronTrigger c ? c.getCronExpression() : d.cron();
        String zoneFired = cron instanceof CronTrigger c ? c.getTimeZone().getID() : d.zone().getId();
        String fileCron = cronFired.equals(d.cron()) && zoneFired.equals(d.zone().getId()) ? "" : d.cron() + " " + d.zone().getId();
        return new Schedule(d.name(), d.description(), d.enabled(), work, cronFired, zoneFired, d.source(),
                d.inbox() == null ? "" : d.inbox().toString(), d.out() == null ? "" : d.out().toString(), cron != null, next,
                cron == null || cron.getPreviousFireTime() == null ? "" : seconds(cron.getPreviousFireTime().toInstant()),
                retry == null || retry.getNextFireTime() == null ? "" : minutes(retry.getNextFireTime().toInstant()), fileCron);
    }

    /** What the cron says next, in its own zone, when serve has not installed it yet: on the system clock, as Quartz fires. */
    private static String cronNext(ScheduleDefinition d) {
        try {
            CronExpression expression = new CronExpression(d.cron());
            expression.setTimeZone(java.util.TimeZone.getTimeZone(d.zone()));
            Date next = expression.getNextValidTimeAfter(new Date());
            return next == null ? "" : minutes(next.toInstant());
        } catch (java.text.ParseException e) {
            // ScheduleDefinitions refused it already when it was read: serve would not have started
            return "";
        }
    }

    private static String seconds(Instant at) {
        var local = at.atZone(BusinessTime.ZONE).toLocalDateTime().withNano(0);
        return local.toLocalDate() + " " + java.time.format.DateTimeFormatter.ISO_LOCAL_TIME.format(local.toLocalTime());
    }

    private static String minutes(Instant at) {
        var local = at.atZone(BusinessTime.ZONE).toLocalDateTime();
        return local.toLocalDate() + " " + local.toLocalTime().toString().substring(0, 5);
    }
}

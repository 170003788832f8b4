package org.fraudstats.schedule;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fire of a schedule (its cron, a retry or a misfire caught up), made by Quartz through Spring's job
 * factory so its collaborators are injected. Never two at once for one schedule, on any node of the cluster:
 * the JDBC job store blocks the schedule's other triggers while it runs.
 */
@DisallowConcurrentExecution
class ScheduledRunJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(ScheduledRunJob.class);

    private final ScheduleDefinitions definitions;
    private final ScheduleRunner runner;
    private final QuartzSchedules quartz;

    ScheduledRunJob(ScheduleDefinitions definitions, ScheduleRunner runner, QuartzSchedules quartz) {
        this.definitions = definitions;
        this.runner = runner;
        this.quartz = quartz;
    }

    /** Whether the scheduler is shutting down (SIGTERM: it waits for this fire) or put on standby. */
    private static boolean stopping(JobExecutionContext context) {
        try {
            return context.getScheduler().isShutdown() || context.getScheduler().isInStandbyMode();
        } catch (org.quartz.SchedulerException e) {
            return false;
        }
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String name = context.getJobDetail().getKey().getName();
        String trigger = context.getTrigger().getKey().getName();
        ScheduleRuns.Node node = quartz.node();
        ScheduleDefinition schedule = null;
        try {
            schedule = definitions.get(name);
            ScheduleDefinition fired = schedule;
            List<ScheduleRunner.Outcome> outcomes = runner.run(schedule, node, wait -> quartz.retry(fired, wait),
                    () -> stopping(context));
            log.info("{} fired by trigger {} on {}: {}", name, trigger, node.instance(), outcomes.isEmpty()
                    ? "nothing due" : outcomes.stream().map(Object::toString).collect(Collectors.joining(", ")));
        } catch (RuntimeException e) {
            log.error("{} fired by trigger {} on {} and failed: {}", name, trigger, node.instance(), e.getMessage(), e);
            // the fire failed outside the work (a period's outcome not recorded: the database gone longer than the pool
            // waits, 30 s): no retry was asked, and the night stayed RUNNING until the next cron, a day later, while a
            // week waiting for it gave up after 3 hours and said 数据未到 (review 29). A retry is asked until it is taken
            ScheduleDefinition failed = schedule;
            Optional<Duration> wait = failed == null ? Optional.empty() : runner.retryAfterFailedFire(failed);
            if (wait.isPresent() && !retryAsked(() -> quartz.retry(failed, wait.get()), RETRY_ASKED_EVERY,
                    RETRY_ASKED_TIMES, () -> stopping(context))) {
                log.error("{}: no retry could be asked either; the next fire of its cron, or a restart of serve, runs it", name);
            }
            throw new JobExecutionException(e, false);
        }
    }

    static final Duration RETRY_ASKED_EVERY = Duration.ofSeconds(30);
    static final int RETRY_ASKED_TIMES = 30;

    /** Asks {@code retry} until it is taken, {@code times} at most, {@code every} apart; false when it never was. */
    static boolean retryAsked(Runnable retry, Duration every, int times, BooleanSupplier stopping) {
        for (int i = 0; i < times && !stopping.getAsBoolean(); i++) {
            try {
                retry.run();
                return true;
            } catch (RuntimeException e) {
                log.warn("retry not asked yet ({}); asking again in {}", e.getMessage(), every);
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}

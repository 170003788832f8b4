package org.fraudstats.schedule;

import java.util.List;
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
        try {
            ScheduleDefinition schedule = definitions.get(name);
            List<ScheduleRunner.Outcome> outcomes = runner.run(schedule, node, wait -> quartz.retry(schedule, wait),
                    () -> stopping(context));
            log.info("{} fired by trigger {} on {}: {}", name, trigger, node.instance(), outcomes.isEmpty()
                    ? "nothing due" : outcomes.stream().map(Object::toString).collect(Collectors.joining(", ")));
        } catch (RuntimeException e) {
            log.error("{} fired by trigger {} on {} and failed: {}", name, trigger, node.instance(), e.getMessage(), e);
            throw new JobExecutionException(e, false);
        }
    }
}

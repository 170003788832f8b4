package org.fraudstats.schedule;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CountDownLatch;

import jakarta.annotation.PreDestroy;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * `./fraudstats serve`: installs the schedules of jobs/*.yml in Quartz and starts the scheduler (Boot's, kept
 * from starting on its own so other commands never fire anything), then serves until the process is stopped.
 * Each fire logs one line to standard error.
 */
@Component
public class Serve {

    private static final Logger log = LoggerFactory.getLogger(Serve.class);

    private final Scheduler scheduler;
    private final ScheduleDefinitions definitions;
    private final QuartzSchedules quartz;
    private final ObjectProvider<ScheduledWork> work;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final ScheduledExecutorService mailRetries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mail-retries");
        thread.setDaemon(true);
        return thread;
    });
    private boolean started;
    private final ScheduleRunner runner;
    private final ObjectProvider<org.fraudstats.audit.AuditLogGuard> auditLogGuard;

    Serve(Scheduler scheduler, ScheduleDefinitions definitions, QuartzSchedules quartz,
            ObjectProvider<ScheduledWork> work, ScheduleRunner runner, ObjectProvider<org.fraudstats.audit.AuditLogGuard> auditLogGuard) {
        this.runner = runner;
        this.auditLogGuard = auditLogGuard;
        this.scheduler = scheduler;
        this.definitions = definitions;
        this.quartz = quartz;
        this.work = work;
    }

    /**
     * Serves until SIGTERM or Ctrl-C (the application context closes) or the calling thread is interrupted.
     *
     * @return 0
     */
    public int run() {
        start();
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            try {
                scheduler.standby();
            } catch (SchedulerException ignored) {
                // the context is closing the scheduler anyway
            }
        }
        log.info("serve: stopping");
        return 0;
    }

    /** Installs the schedules and starts firing them; returns at once. */
    public synchronized void start() {
        if (started) {
            return;
        }
        ScheduledWork scheduled = work.getIfAvailable();
        if (scheduled == null) {
            throw new IllegalStateException("serve: nothing implements ScheduledWork, so the schedules have nothing to run");
        }
        scheduled.checkConfiguration();
        // said once, where the operator reads serve's start: an external server set up with one role for all, or the
        // application connected as the owner or a superuser, leaves the audit log rewritable by it (r43b)
        org.fraudstats.audit.AuditLogGuard guard = auditLogGuard.getIfAvailable();
        if (guard != null) {
            guard.warning().ifPresent(line -> log.warn("serve: {}", line));
        }
        try {
            for (String line : quartz.install(definitions.enabled())) {
                log.info("serve: {}", line);
            }
            // a fire whose work a stop or a crash left unfinished runs now, not at the next cron time, up to a day on
            for (ScheduleDefinition schedule : definitions.enabled()) {
                if (!quartz.retryPending(schedule) && runner.leftUnfinished(schedule, quartz.lastCronFire(schedule))) {
                    quartz.retry(schedule, java.time.Duration.ZERO);
                    log.info("serve: {}: its last fire left the latest period unfinished: fired again now", schedule.name());
                }
            }
            scheduler.start();
            log.info("serve: scheduler {} instance {} started", scheduler.getSchedulerName(),
                    scheduler.getSchedulerInstanceId());
        } catch (SchedulerException e) {
            throw new IllegalStateException("serve: cannot start the scheduler: " + e.getMessage(), e);
        }
        // mails waiting for the relay are retried between the fires, on every node: claiming a mail locks its row
        mailRetries.scheduleWithFixedDelay(scheduled::retryMail, 1, 5, TimeUnit.MINUTES);
        started = true;
    }

    @PreDestroy
    void contextClosing() {
        mailRetries.shutdownNow();
        closing.countDown();
    }
}

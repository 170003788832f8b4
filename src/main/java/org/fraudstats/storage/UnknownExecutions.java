package org.fraudstats.storage;

import java.time.LocalDateTime;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * A job execution Spring Batch left UNKNOWN: a step failed, and writing that down failed too (the database's disk
 * full), "a failure that could not be rolled back". Batch neither restarts it nor recovers it, nor starts another
 * execution of its job instance, so a load or a rerun so left stopped every later run of it for good (tester E).
 * The caller, which holds the lock of the execution's work and so knows no live process is running it, decides what
 * the execution came to and writes it down here.
 */
public final class UnknownExecutions {

    private UnknownExecutions() {
    }

    /** Whether the execution, or one of its steps, is UNKNOWN. */
    public static boolean unknown(JobExecution execution) {
        return execution.getStatus() == BatchStatus.UNKNOWN
                || execution.getStepExecutions().stream().anyMatch(s -> s.getStatus() == BatchStatus.UNKNOWN);
    }

    /** Marks the execution and its unknown or running steps {@code status}, saying why in their exit descriptions. */
    public static void settle(JobRepository jobRepository, JobExecution execution, BatchStatus status, String why) {
        ExitStatus exit = new ExitStatus(status.name(), "was UNKNOWN: " + why);
        LocalDateTime now = LocalDateTime.now();
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.UNKNOWN || step.getStatus().isRunning()) {
                step.setStatus(status);
                step.setExitStatus(exit);
                if (step.getEndTime() == null) {
                    step.setEndTime(now);
                }
                jobRepository.update(step);
            }
        }
        execution.setStatus(status);
        execution.setExitStatus(exit);
        if (execution.getEndTime() == null) {
            execution.setEndTime(now);
        }
        jobRepository.update(execution);
    }
}

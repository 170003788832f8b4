package org.fraudstats.web.portal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.fraudstats.storage.TraceLine;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** A failed rerun's failure in one line, for its page, the API and the audit log, from what Batch recorded of it. */
final class RerunFailures {

    /** The name of a day's step, before the day (RerunJobConfiguration's partitions: renderDay:day-2022-10-03). */
    private static final String DAY_STEP = "renderDay:day-";

    private RerunFailures() {
    }

    /**
     * Why a failed rerun failed, in one line, from what Batch recorded: an execution read back from the repository
     * has lost its exceptions, and keeps only their traces (exit messages). A day's step says what went wrong with
     * that day, so the days come first; then the step over the days and the job; an execution marked failed with no
     * trace at all is one whose process ended before it did (recovered by the next run over its days).
     */
    static String failure(JobExecution execution) {
        List<StepExecution> steps = new ArrayList<>(execution.getStepExecutions());
        steps.sort(Comparator.comparing((StepExecution s) -> !s.getStepName().startsWith(DAY_STEP)).thenComparing(StepExecution::getId));
        for (StepExecution step : steps) {
            String line = step.getStatus() == BatchStatus.FAILED ? TraceLine.of(step.getExitStatus().getExitDescription()) : null;
            if (line != null) {
                return step.getStepName().startsWith(DAY_STEP) ? step.getStepName().substring(DAY_STEP.length()) + ": " + line : line;
            }
        }
        String line = TraceLine.of(execution.getExitStatus().getExitDescription());
        return line != null ? line : TraceLine.NO_TRACE + "; restart it to render the days still missing";
    }
}

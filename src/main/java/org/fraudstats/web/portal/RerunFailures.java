package org.fraudstats.web.portal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** A failed rerun's failure in one line, for its page, the API and the audit log, from what Batch recorded of it. */
final class RerunFailures {

    /** The name of a day's step, before the day (RerunJobConfiguration's partitions: renderDay:day-2022-10-03). */
    private static final String DAY_STEP = "renderDay:day-";
    /** The first line of a trace: an exception's qualified name (group 1 its simple name), then its message (2). */
    private static final Pattern THROWN = Pattern.compile("(?:[a-z_][\\w$]*\\.)+([A-Z][\\w$]*)(?:: (.*))?");

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
            String line = step.getStatus() == BatchStatus.FAILED ? traceLine(step.getExitStatus().getExitDescription()) : null;
            if (line != null) {
                return step.getStepName().startsWith(DAY_STEP) ? step.getStepName().substring(DAY_STEP.length()) + ": " + line : line;
            }
        }
        String line = traceLine(execution.getExitStatus().getExitDescription());
        return line != null ? line : "ended without finishing (its process stopped before it did); restart it to render the days still missing";
    }

    /**
     * The line of a recorded trace that says what happened: the database server's message when there is one (the
     * first line of a failed statement's exception is the statement), else the first line's message, or the name of
     * its exception when it has none; null for no trace.
     */
    static String traceLine(String trace) {
        if (trace == null || trace.isBlank()) {
            return null;
        }
        for (String line : trace.lines().toList()) {
            int server = line.indexOf("ERROR: ");
            if (server >= 0 && line.length() > server + 7) {
                return line.substring(server + 7).strip();
            }
        }
        String first = trace.strip().lines().findFirst().orElseThrow();
        Matcher thrown = THROWN.matcher(first);
        if (!thrown.matches()) {
            return first;
        }
        return thrown.group(2) == null || thrown.group(2).isBlank() ? thrown.group(1) : thrown.group(2).strip();
    }
}

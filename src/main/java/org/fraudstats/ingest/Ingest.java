package org.fraudstats.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;

/**
 * `ingest`: loads the drops of an inbox in date order by the rules of feeds.md, one ingest job instance per
 * drop, and stops at the first drop that fails (the drops before it stay loaded).
 */
@Service
public class Ingest {

    private final JobOperator jobOperator;
    private final Job ingestDropJob;

    Ingest(JobOperator jobOperator, Job ingestDropJob) {
        this.jobOperator = jobOperator;
        this.ingestDropJob = ingestDropJob;
    }

    public List<DropLoadResult> load(Path inbox, LocalDate from, LocalDate to, Consumer<DropLoadResult> progress) {
        List<DropLoadResult> results = new ArrayList<>();
        for (Drop drop : Inbox.drops(inbox, from, to)) {
            DropLoadResult result = load(drop);
            results.add(result);
            progress.accept(result);
        }
        return results;
    }

    public DropLoadResult load(Drop drop) {
        // Dates and paths travel as strings: date-typed job parameters have lost precision in the past.
        JobParameters parameters = new JobParametersBuilder()
                .addString("drop.date", drop.date().toString())
                .addString("drop.checksum", drop.checksum())
                .addString("drop.folder", drop.folder().toAbsolutePath().toString(), false)
                .toJobParameters();
        JobExecution execution;
        try {
            execution = jobOperator.start(ingestDropJob, parameters);
        } catch (JobInstanceAlreadyCompleteException e) {
            return new DropLoadResult(drop.date(), null, true, 0, 0, 0);
        } catch (Exception e) {
            throw new IngestFailedException(drop, e.getMessage(), e);
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            Throwable cause = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
            throw new IngestFailedException(drop, cause == null ? execution.getExitStatus().getExitDescription() : rootMessage(cause), cause);
        }
        StepExecution step = execution.getStepExecutions().iterator().next();
        return new DropLoadResult(drop.date(), execution.getId(), false, step.getReadCount(), step.getReadSkipCount(), step.getWriteCount());
    }

    private static String rootMessage(Throwable t) {
        Throwable cause = t;
        while (!(cause instanceof UnreadableFileException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause instanceof UnreadableFileException ? cause.getMessage() : t.getMessage();
    }
}

package org.fraudstats.bulletin;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.fraudstats.storage.SqlFiles;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Runs the rerun job: a rerun that failed is restarted (only its unfinished days are rendered), otherwise a
 * new run starts.
 */
@Service
public class Rerun {

    /** How a rerun ended. */
    public record Result(long jobExecutionId, boolean restarted, BatchStatus status, String failure) {
    }

    private final JobOperator jobOperator;
    private final Job rerunBulletinsJob;
    private final NamedParameterJdbcTemplate jdbc;
    private final JobRepository jobRepository;

    Rerun(JobOperator jobOperator, JobRepository jobRepository, Job rerunBulletinsJob, NamedParameterJdbcTemplate jdbc) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.rerunBulletinsJob = rerunBulletinsJob;
        this.jdbc = jdbc;
    }

    public Result run(LocalDate from, LocalDate to, Path out, Set<BulletinPublisher.Format> formats, boolean range) throws Exception {
        String formatList = formats.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        String outPath = out.toAbsolutePath().normalize().toString();
        Long failed = jdbc.query(SqlFiles.load("bulletin/failed-rerun.sql"), Map.of("from", from.toString(), "to", to.toString(),
                "out", outPath, "formats", formatList, "range", Boolean.toString(range)), rs -> rs.next() ? rs.getLong(1) : null);
        JobExecution execution;
        boolean restarted = failed != null;
        if (restarted) {
            execution = jobOperator.restart(jobRepository.getJobExecution(failed));
        } else {
            execution = jobOperator.start(rerunBulletinsJob, new JobParametersBuilder()
                    .addString("from", from.toString())
                    .addString("to", to.toString())
                    .addString("out", outPath)
                    .addString("formats", formatList)
                    .addString("range", Boolean.toString(range))
                    .addLong("run.id", System.currentTimeMillis())
                    .toJobParameters());
        }
        String failure = execution.getAllFailureExceptions().stream().findFirst()
                .map(t -> t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()).orElse(null);
        return new Result(execution.getId(), restarted, execution.getStatus(), failure);
    }
}

package org.fraudstats.ingest;

import java.util.Map;

import org.fraudstats.storage.SqlFiles;
import org.fraudstats.storage.UnknownExecutions;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A drop's load Spring Batch left UNKNOWN ({@link UnknownExecutions}): every later ingest and night failed on that
 * drop for good, and the README said nothing of a way out (tester E). The drop's transaction tells what happened:
 * committed, the load is COMPLETED; rolled back, it is FAILED, and the drop loads again. The caller holds the
 * loader's lock, so no live process is still writing it.
 */
@Component
class UnknownLoads {

    private final JobRepository jobRepository;
    private final NamedParameterJdbcTemplate jdbc;

    UnknownLoads(JobRepository jobRepository, NamedParameterJdbcTemplate jdbc) {
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
    }

    /** Marks an UNKNOWN load COMPLETED or FAILED, as its drop's transaction ended; any other is left as it is. */
    void settle(JobExecution execution) {
        if (execution == null || !UnknownExecutions.unknown(execution)) {
            return;
        }
        boolean committed = Boolean.TRUE.equals(jdbc.queryForObject(SqlFiles.load("ingest/load-committed.sql"),
                Map.of("jobExecutionId", execution.getId()), Boolean.class));
        UnknownExecutions.settle(jobRepository, execution, committed ? BatchStatus.COMPLETED : BatchStatus.FAILED,
                "its drop's transaction " + (committed ? "committed" : "rolled back"));
    }
}

package org.fraudstats.ingest;

import java.time.LocalDate;

import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Where the loaded figures come from, for footnotes and manifests (sql/ingest/provenance.sql). */
@Component
public class LoadProvenance {

    /** latestDrop is null before anything was loaded. */
    public record Snapshot(LocalDate latestDrop, long rowsLoaded, long rowsRejected, long rowsPending, Long latestJobExecutionId) {
    }

    private final JdbcTemplate jdbc;

    LoadProvenance(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Snapshot now() {
        return jdbc.queryForObject(SqlFiles.load("ingest/provenance.sql"), (rs, i) -> new Snapshot(
                rs.getObject("latest_drop", LocalDate.class), rs.getLong("rows_loaded"), rs.getLong("rows_rejected"),
                rs.getLong("rows_pending"), rs.getObject("latest_job_execution_id", Long.class)));
    }
}

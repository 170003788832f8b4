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
    private long cachedFor = -1;
    private Snapshot cached;

    LoadProvenance(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The provenance as of the newest load. Counting pending rows scans the facts, so a rerun of a year of
     * bulletins reuses the snapshot until another load lands.
     */
    public synchronized Snapshot now() {
        long latest = jdbc.queryForObject(SqlFiles.load("ingest/latest-load.sql"), Long.class);
        if (cached == null || latest != cachedFor) {
            cached = read();
            cachedFor = latest;
        }
        return cached;
    }

    private Snapshot read() {
        return jdbc.queryForObject(SqlFiles.load("ingest/provenance.sql"), (rs, i) -> new Snapshot(
                rs.getObject("latest_drop", LocalDate.class), rs.getLong("rows_loaded"), rs.getLong("rows_rejected"),
                rs.getLong("rows_pending"), rs.getObject("latest_job_execution_id", Long.class)));
    }
}

package org.fraudstats.ingest;

import java.time.LocalDate;

import org.fraudstats.storage.FactVersion;
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
    private final FactVersion factVersion;
    private String cachedFor;
    private Snapshot cached;

    LoadProvenance(JdbcTemplate jdbc, FactVersion factVersion) {
        this.jdbc = jdbc;
        this.factVersion = factVersion;
    }

    /**
     * The provenance as of the newest load. Counting pending rows scans the facts, so a rerun of a year of
     * bulletins reuses the snapshot until another load lands or the facts change.
     */
    public synchronized Snapshot now() {
        // a hand correction in psql changes the pending count without a load: the facts' counters see it
        String latest = jdbc.queryForObject(SqlFiles.load("ingest/latest-load.sql"), Long.class) + "/" + factVersion.current();
        if (cached == null || !latest.equals(cachedFor)) {
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

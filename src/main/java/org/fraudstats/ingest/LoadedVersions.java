package org.fraudstats.ingest;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Which version of each drop date the facts hold: the files of its latest load, and where they were loaded from. */
@Component
class LoadedVersions {

    private final NamedParameterJdbcTemplate named;

    LoadedVersions(NamedParameterJdbcTemplate named) {
        this.named = named;
    }

    /** The latest load of a drop date, if it was ever loaded. */
    Optional<Loaded> latest(LocalDate dropDate) {
        return named.query(SqlFiles.load("ingest/latest-load-of-drop-date.sql"), Map.of("dropDate", dropDate),
                (row, n) -> new Loaded(row.getLong("job_execution_id"), row.getString("checksum"), row.getLong("load_number"), row.getString("folder"),
                        row.getString("after_load"))).stream().findFirst();
    }

    /**
     * @param jobExecutionId the execution whose step loaded it
     * @param folder the drop folder it was loaded from (absolute), null when unknown
     * @param afterLoad the drop.after-load of its job instance: a version put back (Ingest), null for a first load
     */
    record Loaded(long jobExecutionId, String checksum, long loadNumber, String folder, String afterLoad) {
    }
}

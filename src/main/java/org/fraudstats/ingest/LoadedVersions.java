package org.fraudstats.ingest;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Which version of each drop date the facts hold: the files of its latest load. */
@Component
class LoadedVersions {

    private final NamedParameterJdbcTemplate named;

    LoadedVersions(NamedParameterJdbcTemplate named) {
        this.named = named;
    }

    /** The latest load of a drop date, if it was ever loaded. */
    Optional<Loaded> latest(LocalDate dropDate) {
        return named.query(SqlFiles.load("ingest/latest-load-of-drop-date.sql"), Map.of("dropDate", dropDate),
                (row, n) -> new Loaded(row.getString("checksum"), row.getLong("load_number"))).stream().findFirst();
    }

    record Loaded(String checksum, long loadNumber) {
    }
}

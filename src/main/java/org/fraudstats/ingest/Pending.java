package org.fraudstats.ingest;

import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Rule 4 of feeds.md: freezes and refunds waiting for their case; they count nowhere until it arrives. */
@Component
public class Pending {

    private final JdbcTemplate jdbc;

    Pending(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.queryForObject(SqlFiles.load("ingest/count-pending.sql"), Long.class);
    }
}

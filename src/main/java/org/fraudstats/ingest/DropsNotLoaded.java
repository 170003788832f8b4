package org.fraudstats.ingest;

import java.time.LocalDate;
import java.util.List;

import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The days whose own drop was tried and never loaded (sql/ingest/tried-not-loaded.sql): each is 数据未到 to every bulletin
 * reading it, whatever drops loaded after it, so `ingest` names them at its end with what ends it (review r39e: a
 * failed drop left behind, its records re-sent in the next, kept its day 数据未到 with nothing saying which day).
 */
@Component
public class DropsNotLoaded {

    /** A day, and the job execution of its latest try (`history` says why it failed). */
    public record Day(LocalDate day, long jobExecutionId) {
    }

    private final JdbcTemplate jdbc;

    DropsNotLoaded(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Oldest first. */
    public List<Day> days() {
        return jdbc.query(SqlFiles.load("ingest/tried-not-loaded.sql"),
                (rs, n) -> new Day(rs.getObject("day", LocalDate.class), rs.getLong("job_execution_id")));
    }
}

package org.fraudstats.nightly;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Published bulletins whose figures a load may have changed since they were last rendered, whoever made the
 * load (a nightly run, one that died after loading, `ingest` by hand): the days and periods the night re-renders.
 */
@Repository
class StaleBulletins {

    /** A range bulletin's period, both days inclusive. */
    record Period(LocalDate from, LocalDate to) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    StaleBulletins(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Published daily bulletins up to {@code date}, oldest first. */
    List<LocalDate> days(LocalDate date) {
        return jdbc.queryForList(SqlFiles.load("nightly/stale-days.sql"), Map.of("date", date), LocalDate.class);
    }

    /** Published range bulletins starting by {@code date}, oldest first. */
    List<Period> ranges(LocalDate date) {
        return jdbc.query(SqlFiles.load("nightly/stale-ranges.sql"), Map.of("date", date),
                (rs, i) -> new Period(rs.getObject("date_from", LocalDate.class), rs.getObject("date_to", LocalDate.class)));
    }
}

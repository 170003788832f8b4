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
        return stale(date, "daily").stream().map(Period::from).toList();
    }

    /** Published range bulletins starting by {@code date}, oldest first. */
    List<Period> ranges(LocalDate date) {
        return stale(date, "range");
    }

    /** sql/nightly/stale-bulletins.sql, the rule the portal's 数据有更新 reads too: every bulletin starting by {@code date}. */
    private List<Period> stale(LocalDate date, String kind) {
        List<Period> periods = new java.util.ArrayList<>();
        jdbc.query(SqlFiles.load("nightly/stale-bulletins.sql"), Map.of("from", LocalDate.of(1, 1, 1), "to", date, "exact", false),
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    if (kind.equals(rs.getString("kind"))) {
                        periods.add(new Period(rs.getObject("date_from", LocalDate.class), rs.getObject("date_to", LocalDate.class)));
                    }
                });
        return periods;
    }
}

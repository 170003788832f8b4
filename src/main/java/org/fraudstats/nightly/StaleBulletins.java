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

    /** The night's work: the daily bulletins up to its date and the range bulletins starting by it, oldest first. */
    record Stale(List<LocalDate> days, List<Period> ranges) {
    }

    /** Published daily bulletins up to {@code date}, oldest first. */
    List<LocalDate> days(LocalDate date) {
        return of(date).days();
    }

    /** Published range bulletins starting by {@code date}, oldest first. */
    List<Period> ranges(LocalDate date) {
        return of(date).ranges();
    }

    /**
     * Both at once, from one reading of sql/nightly/stale-bulletins.sql (the rule the portal's 数据有更新 reads too):
     * the night read it twice in a row, once per kind.
     */
    Stale of(LocalDate date) {
        List<LocalDate> days = new java.util.ArrayList<>();
        List<Period> ranges = new java.util.ArrayList<>();
        jdbc.query(SqlFiles.load("nightly/stale-bulletins.sql"), Map.of("from", LocalDate.of(1, 1, 1), "to", date, "exact", false),
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    LocalDate from = rs.getObject("date_from", LocalDate.class);
                    switch (rs.getString("kind")) {
                        case "daily" -> days.add(from);
                        case "range" -> ranges.add(new Period(from, rs.getObject("date_to", LocalDate.class)));
                        default -> { }
                    }
                });
        return new Stale(List.copyOf(days), List.copyOf(ranges));
    }
}

package org.fraudstats.bulletin;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The first day the centre's records are whole from: before it the centre has no records, so neither a press headline
 * nor a rerun from the portal gives figures for it, 异常提示 does not count its zeros, and no change is computed
 * against a base reaching back before it (BaseGaps.BeforeRecords). The deployment says it
 * ({@code fraudstats.records-start}); else it is the first day anything was loaded for
 * (sql/bulletin/first-day-of-data.sql), which one stray record dated weeks before the first drop moves back (review:
 * a weekly's 环比 against a base holding three days of records was then computed again).
 */
@Component
public class FirstDayLoaded {

    private final NamedParameterJdbcTemplate jdbc;
    private final Optional<LocalDate> recordsStart;

    FirstDayLoaded(NamedParameterJdbcTemplate jdbc, org.fraudstats.settings.FraudstatsSettings settings) {
        this.jdbc = jdbc;
        this.recordsStart = settings.recordsStartDay();
    }

    /** Empty while nothing has been loaded and the deployment says no start. */
    public Optional<LocalDate> get() {
        if (recordsStart.isPresent()) {
            return recordsStart;
        }
        return Optional.ofNullable(jdbc.queryForObject(SqlFiles.load("bulletin/first-day-of-data.sql"), Map.of(), LocalDate.class));
    }
}

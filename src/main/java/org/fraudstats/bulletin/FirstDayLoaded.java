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

    /**
     * How a refusal names where the day comes from: "the records start on 2021-10-01, fraudstats.records-start" or
     * "the first day loaded is 2021-10-01". A statistician told "the first day loaded" looked for it in the data, not
     * in HOME/fraudstats.yml (tester).
     */
    public String said(LocalDate firstDay) {
        return recordsStart.isPresent() ? "the records start on " + firstDay + ", fraudstats.records-start"
                : "the first day loaded is " + firstDay;
    }

    /** "数据记录自 2021-10-01 起（部署设置 fraudstats.records-start）" or "最早载入的数据为 2021-10-01". */
    public String saidInChinese(LocalDate firstDay) {
        return recordsStart.isPresent() ? "数据记录自 " + firstDay + " 起（部署设置 fraudstats.records-start）"
                : "最早载入的数据为 " + firstDay;
    }

    /** The start the deployment says (fraudstats.records-start), if it says one. */
    public Optional<LocalDate> recordsStart() {
        return recordsStart;
    }

    /** Empty while nothing has been loaded and the deployment says no start. */
    public Optional<LocalDate> get() {
        if (recordsStart.isPresent()) {
            return recordsStart;
        }
        return Optional.ofNullable(jdbc.queryForObject(SqlFiles.load("bulletin/first-day-of-data.sql"), Map.of(), LocalDate.class));
    }
}

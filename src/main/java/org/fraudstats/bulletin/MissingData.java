package org.fraudstats.bulletin;

import java.time.LocalDate;
import java.util.Map;

import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The 数据未到 notice of a daily bulletin whose day's data has not arrived. The nightly job says it when D's drop
 * folder is not in the inbox; every other render (a rerun of the range, the nightly's revision of an earlier day)
 * says it while no drop dated D or later has been loaded, so that re-rendering such a day does not print its
 * partial figures without the notice the first render carried.
 */
@Component
public class MissingData {

    private final NamedParameterJdbcTemplate jdbc;

    MissingData(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The notice printed above a daily bulletin of {@code day} whose data has not arrived. */
    public static String notice(LocalDate day) {
        return "数据未到：" + day + " 的数据尚未到达，本期数字不含当日数据，数据到达后将以修订版重发。";
    }

    /** Whether no drop dated {@code day} or later has been loaded (sql/bulletin/drop-loaded-since.sql). */
    boolean notArrived(LocalDate day) {
        return !jdbc.queryForObject(SqlFiles.load("bulletin/drop-loaded-since.sql"), Map.of("day", day), Boolean.class);
    }
}

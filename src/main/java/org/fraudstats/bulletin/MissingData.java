package org.fraudstats.bulletin;

import java.time.LocalDate;
import java.util.Map;

import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The 数据未到 notice of a daily bulletin whose day's data has not arrived, whoever renders it: while no drop dated
 * that day has been loaded, a bulletin that already said it keeps saying it (a later drop's late record of the day
 * re-renders it, but the day's own drop is still missing), and a first render says it unless a later drop has been
 * loaded (a history loaded from month-end drops). The nightly job says it too when the day's folder is not in the
 * inbox and no drop of the day was loaded otherwise. sql/bulletin/day-data-arrived.sql.
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

    /** Whether a drop dated {@code day} has been loaded, from whatever folder. */
    public boolean dropLoaded(LocalDate day) {
        return arrival(day).ownDrop();
    }

    /** Whether a daily bulletin of {@code day} rendered now says 数据未到. */
    boolean notArrived(LocalDate day) {
        Arrival a = arrival(day);
        return !a.ownDrop() && (a.saidMissing() || !a.laterDrop());
    }

    private record Arrival(boolean ownDrop, boolean laterDrop, boolean saidMissing) {
    }

    private Arrival arrival(LocalDate day) {
        return jdbc.queryForObject(SqlFiles.load("bulletin/day-data-arrived.sql"), Map.of("day", day),
                (rs, i) -> new Arrival(rs.getBoolean("own_drop"), rs.getBoolean("later_drop"), rs.getBoolean("said_missing")));
    }
}

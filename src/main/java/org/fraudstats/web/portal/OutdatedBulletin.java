package org.fraudstats.web.portal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fraudstats.bulletin.BulletinKind;
import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the published bulletin of a period is out of date: a load or a repair changed a day of its period after
 * its latest render, and its revision (the next night's, or a rerun's) is not published yet. Until then it shows
 * other figures than 统计数据 and the press would quote (sql/web/period-bulletin-outdated.sql).
 */
@Component
public class OutdatedBulletin {

    private final NamedParameterJdbcTemplate jdbc;

    OutdatedBulletin(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The latest revision of a bulletin of exactly [from, to], of any kind, when it is out of date; empty when none
     * is, or none was published.
     */
    public Optional<Integer> revision(LocalDate from, LocalDate to) {
        return outdated(null, from, to);
    }

    /** Whether this bulletin's latest revision is out of date: the daily of a day, not a one-day range of it. */
    public boolean isOutdated(BulletinKind kind, LocalDate from, LocalDate to) {
        return outdated(kind.key(), from, to).isPresent();
    }

    private Optional<Integer> outdated(String kindKey, LocalDate from, LocalDate to) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("from", from).addValue("to", to).addValue("kind", kindKey);
        List<Map<String, Object>> outdated = jdbc.queryForList(SqlFiles.load("web/period-bulletin-outdated.sql"), params);
        return outdated.stream().findFirst().map(row -> ((Number) row.get("revision")).intValue());
    }
}

package org.fraudstats.web.portal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fraudstats.storage.SqlFiles;
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

    /** The latest revision of the period's bulletin when it is out of date; empty when it is not, or none was published. */
    public Optional<Integer> revision(LocalDate from, LocalDate to) {
        List<Map<String, Object>> outdated = jdbc.queryForList(SqlFiles.load("web/period-bulletin-outdated.sql"), Map.of("from", from, "to", to));
        return outdated.stream().findFirst().map(row -> ((Number) row.get("revision")).intValue());
    }
}

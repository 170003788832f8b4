package org.fraudstats.metrics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Runs sql/metrics/area-figures.sql: every figure of metrics.md in one pass over the daily rollups, aggregated by PostgreSQL. */
@Repository
class AreaFiguresQuery {

    private final NamedParameterJdbcTemplate jdbc;
    private final Catalog catalog;

    AreaFiguresQuery(NamedParameterJdbcTemplate jdbc, Catalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** One row per district (ascending) then the city, per bucket (the whole period, or each day). */
    List<AreaFigures> run(LocalDate from, LocalDate to, boolean byDay) {
        Map<String, Object> params = Map.of("from", from, "to", to, "byDay", byDay,
                "districts", String.join(",", catalog.districtCodes()), "cityCode", catalog.cityCode());
        return jdbc.query(SqlFiles.load("metrics/area-figures.sql"), params, (rs, i) -> {
            LocalDate bucket = rs.getObject("bucket", LocalDate.class);
            return figures(rs, bucket, byDay ? bucket : to);
        });
    }

    private static AreaFigures figures(ResultSet rs, LocalDate from, LocalDate to) throws SQLException {
        return new AreaFigures(from, to, rs.getString("district_code"),
                rs.getLong("cases"),
                Money.of(rs.getBigDecimal("loss_amount")),
                rs.getLong("stop_accounts"),
                Money.of(rs.getBigDecimal("stop_amount")),
                rs.getLong("freeze_accounts"),
                Money.of(rs.getBigDecimal("freeze_amount")),
                rs.getLong("refund_cases"),
                Money.of(rs.getBigDecimal("refund_amount")),
                rs.getBigDecimal("median_minutes_to_stop"),
                rs.getLong("warnings"),
                rs.getLong("dissuaded_visits"));
    }
}

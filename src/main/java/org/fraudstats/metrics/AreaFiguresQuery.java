package org.fraudstats.metrics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Runs sql/metrics/area-figures.sql: all of metrics.md in one pass, aggregated by PostgreSQL. */
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
            return figures(rs, bucket, byDay ? bucket : to, rs.getString("district_code"), rs.getBigDecimal("median_minutes_to_stop"));
        });
    }

    /** One row of a query with area-figures.sql's metric columns (year-to-date.sql has them too, but the median). */
    static AreaFigures figures(ResultSet rs, LocalDate from, LocalDate to, String area, BigDecimal median) throws SQLException {
        return new AreaFigures(from, to, area,
                rs.getLong("cases"),
                Money.of(rs.getBigDecimal("loss_amount")),
                rs.getLong("stop_accounts"),
                Money.of(rs.getBigDecimal("stop_amount")),
                rs.getLong("freeze_accounts"),
                Money.of(rs.getBigDecimal("freeze_amount")),
                rs.getLong("refund_cases"),
                Money.of(rs.getBigDecimal("refund_amount")),
                median,
                rs.getLong("warnings"),
                rs.getLong("dissuaded_visits"));
    }
}

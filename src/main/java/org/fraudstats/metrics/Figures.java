package org.fraudstats.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The one way to obtain figures: `metrics`, `headline`, the PDF, the workbook and the mails all come through here,
 * and every figure here comes from the one query that defines it (sql/metrics/area-figures.sql, and
 * sql/metrics/fraud-types.sql for the ranking), read from the daily rollups. So the same period and area always
 * give the same numbers, whether a bulletin prints them as the day, a comparison base, the year to date or the trend.
 * Which days a bulletin asks for is its own: under a deployment's records-start it counts a span from that day
 * (BulletinAssembler, README "Decisions"), where `metrics` and `headline` count every record loaded.
 */
@Service
public class Figures {

    private final AreaFiguresQuery query;
    private final NamedParameterJdbcTemplate jdbc;
    private final Catalog catalog;

    Figures(AreaFiguresQuery query, NamedParameterJdbcTemplate jdbc, Catalog catalog) {
        this.query = query;
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** The city's cases and loss per fraud type over the period, most cases first. */
    public List<FraudTypeFigures> fraudTypes(LocalDate from, LocalDate to) {
        return jdbc.query(SqlFiles.load("metrics/fraud-types.sql"),
                Map.of("from", from, "to", to, "districts", String.join(",", catalog.districtCodes())),
                (rs, i) -> new FraudTypeFigures(rs.getString("fraud_type"), rs.getLong("cases"), Money.of(rs.getBigDecimal("loss_amount"))));
    }

    /** Each district (ascending code) and then the city, over the whole period. */
    public List<AreaFigures> range(LocalDate from, LocalDate to) {
        return query.run(from, to, false);
    }

    /** The city's cases and stop-payment amount of each day of [from, to], oldest first: the city rows of {@code byDay}. */
    public List<CityDay> cityDays(LocalDate from, LocalDate to) {
        return byDay(from, to).stream()
                .filter(f -> f.districtCode().equals(catalog.cityCode()))
                .map(f -> new CityDay(f.from(), f.cases(), f.stopAmount()))
                .toList();
    }

    /** For each day, oldest first: each district and then the city, every one present even when all zero. */
    public List<AreaFigures> byDay(LocalDate from, LocalDate to) {
        return query.run(from, to, true);
    }

    public List<ComparedFigures> rangeCompared(LocalDate from, LocalDate to, Comparison comparison) {
        List<AreaFigures> current = range(from, to);
        List<AreaFigures> base = range(comparison.baseFrom(from, to), comparison.baseTo(from, to));
        Map<String, AreaFigures> baseByArea = new HashMap<>();
        base.forEach(f -> baseByArea.put(f.districtCode(), f));
        List<ComparedFigures> rows = new ArrayList<>(current.size());
        for (AreaFigures f : current) {
            rows.add(new ComparedFigures(f, baseByArea.get(f.districtCode())));
        }
        return rows;
    }

    public List<ComparedFigures> byDayCompared(LocalDate from, LocalDate to, Comparison comparison) {
        List<AreaFigures> current = byDay(from, to);
        List<AreaFigures> base = byDay(comparison.baseDay(from), comparison.baseDay(to));
        Map<String, AreaFigures> baseByDayAndArea = new HashMap<>();
        base.forEach(f -> baseByDayAndArea.put(f.from() + "/" + f.districtCode(), f));
        List<ComparedFigures> rows = new ArrayList<>(current.size());
        for (AreaFigures f : current) {
            rows.add(new ComparedFigures(f, baseByDayAndArea.get(comparison.baseDay(f.from()) + "/" + f.districtCode())));
        }
        return rows;
    }

}

package org.fraudstats.metrics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.storage.FactVersion;
import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city's year-to-date figures, as {@link Figures#range} gives them over [1 January, day], computed for all
 * days of a year at once (sql/metrics/year-to-date.sql and a running median) and remembered. Every daily bulletin
 * prints this year's and last year's year to date: without this, a year of bulletins reads the year 730 times.
 * <p>
 * A remembered year is used only in a snapshot whose fact tables have the same change counters as the snapshot it
 * was computed in (V11__fact_version.sql): any change to the facts, by any writer, makes it be computed again.
 */
@Component
class YearToDateFigures {

    /**
     * One calendar year (index: day of year - 1): the year to date of each day, each day's own cases and
     * stop-payment amount, and the facts' version they are of.
     */
    private record Year(String factVersion, List<AreaFigures> toDate, List<CityDay> days) {
    }

    private static final int STREAM_FETCH_SIZE = 10_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final Catalog catalog;
    private final FactVersion factVersion;
    private final Map<Integer, Year> years = new ConcurrentHashMap<>();
    private final Map<Integer, Object> yearLocks = new ConcurrentHashMap<>();

    YearToDateFigures(NamedParameterJdbcTemplate jdbc, Catalog catalog, FactVersion factVersion) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.factVersion = factVersion;
        // the stop times of a national year are millions of rows: read them with a cursor, not all at once
        JdbcTemplate cursor = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        cursor.setFetchSize(STREAM_FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(cursor);
    }

    /**
     * The city over [1 January of day's year, day]. REPEATABLE READ (or the caller's transaction, which a bulletin
     * publishes in) so that the version read and the figures computed come from one snapshot.
     */
    @Transactional(isolation = Isolation.REPEATABLE_READ, readOnly = true)
    public AreaFigures city(LocalDate day) {
        return year(day.getYear(), factVersion.current()).toDate().get(day.getDayOfYear() - 1);
    }

    /** The city's cases and stop-payment amount of each day of [from, to], oldest first. */
    @Transactional(isolation = Isolation.REPEATABLE_READ, readOnly = true)
    public List<CityDay> cityDays(LocalDate from, LocalDate to) {
        String version = factVersion.current();
        List<CityDay> days = new ArrayList<>();
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            for (CityDay d : year(y, version).days()) {
                if (!d.day().isBefore(from) && !d.day().isAfter(to)) {
                    days.add(d);
                }
            }
        }
        return days;
    }

    private Year year(int year, String version) {
        // one thread computes a year while the others needing it wait: two render threads start on the same year
        synchronized (yearLocks.computeIfAbsent(year, y -> new Object())) {
            Year known = years.get(year);
            if (known != null && Objects.equals(known.factVersion(), version)) {
                return known;
            }
            known = compute(year, version);
            // kept only if no change to the facts committed meanwhile: under REPEATABLE READ that is always so,
            // and a caller in a weaker transaction must not leave a mixed year behind for the others
            if (Objects.equals(factVersion.current(), version)) {
                years.put(year, known);
            }
            return known;
        }
    }

    private Year compute(int year, String version) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Map<String, Object> params = Map.of("from", first, "to", last, "districts", String.join(",", catalog.districtCodes()));
        BigDecimal[] medians = medians(params, first.lengthOfYear());
        List<AreaFigures> toDate = new ArrayList<>(first.lengthOfYear());
        List<CityDay> days = new ArrayList<>(first.lengthOfYear());
        jdbc.query(SqlFiles.load("metrics/year-to-date.sql"), params, (ResultSet rs) -> {
            LocalDate day = rs.getObject("day", LocalDate.class);
            days.add(new CityDay(day, rs.getLong("day_cases"), Money.of(rs.getBigDecimal("day_stop_amount"))));
            toDate.add(AreaFiguresQuery.figures(rs, first, day, catalog.cityCode(), medians[day.getDayOfYear() - 1]));
        });
        if (toDate.size() != first.lengthOfYear()) {
            throw new IllegalStateException("year-to-date.sql gave " + toDate.size() + " days for " + year);
        }
        return new Year(version, List.copyOf(toDate), List.copyOf(days));
    }

    /** The year-to-date median of each day: the running median of the stop times of the cases up to that day. */
    private BigDecimal[] medians(Map<String, Object> params, int daysInYear) {
        BigDecimal[] medians = new BigDecimal[daysInYear];
        RunningMedian running = new RunningMedian();
        int[] nextDay = {0};
        streaming.query(SqlFiles.load("metrics/year-to-date-stop-times.sql"), params, (ResultSet rs) -> {
            int dayIndex = dayIndex(rs);
            // the cases of earlier days are all in: those days' medians are final
            while (nextDay[0] < dayIndex) {
                medians[nextDay[0]++] = running.minutes();
            }
            running.add(rs.getLong("micros"));
        });
        while (nextDay[0] < daysInYear) {
            medians[nextDay[0]++] = running.minutes();
        }
        return medians;
    }

    private static int dayIndex(ResultSet rs) throws SQLException {
        return rs.getObject("day", LocalDate.class).getDayOfYear() - 1;
    }
}

package org.fraudstats.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * 异常提示, the daily bulletin's first lines: the districts whose day's cases are improbably high against their
 * own recent past. A district's baseline is λ = its mean daily cases over the 28 business days before the day
 * (days without cases count as 0); the day is flagged when, were the day's cases Poisson with mean λ, a count at
 * least as high would have probability below 0.001, and the count is at least 5 (so that a quiet district's
 * two cases after a month of none do not alarm anyone). The counts come from sql/metrics/unusual-districts.sql;
 * the rule and its wording are in the README's 统计口径.
 */
@Service
public class UnusualDistricts {

    public static final int BASELINE_DAYS = 28;
    static final double TAIL_PROBABILITY_BELOW = 0.001;
    static final long CASES_AT_LEAST = 5;

    private final NamedParameterJdbcTemplate jdbc;
    private final Catalog catalog;

    UnusualDistricts(NamedParameterJdbcTemplate jdbc, Catalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** The flagged districts of {@code day}, in catalogue order; empty when nothing is unusual. */
    public List<UnusualDistrict> on(LocalDate day) {
        Map<String, Object> params = Map.of("day", day, "baselineDays", BASELINE_DAYS,
                "districts", String.join(",", catalog.districtCodes()));
        List<UnusualDistrict> flagged = new ArrayList<>();
        jdbc.query(SqlFiles.load("metrics/unusual-districts.sql"), params, rs -> {
            long cases = rs.getLong("cases");
            long baseline = rs.getLong("baseline_cases");
            double tail = PoissonTail.atLeast(cases, (double) baseline / BASELINE_DAYS);
            if (unusual(cases, tail)) {
                flagged.add(new UnusualDistrict(rs.getString("district_code"), day, cases, baseline, BASELINE_DAYS, tail));
            }
        });
        return flagged;
    }

    static boolean unusual(long cases, double tailProbability) {
        return cases >= CASES_AT_LEAST && tailProbability < TAIL_PROBABILITY_BELOW;
    }
}

package org.fraudstats.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fraudstats.catalog.Catalog;
import org.springframework.stereotype.Service;

/**
 * 异常提示, the daily bulletin's first lines: the districts whose day's cases are improbably high against their
 * own recent past. A district's baseline is λ = its mean daily cases over the 28 business days before the day
 * (days without cases count as 0, days whose data has not arrived are left out); the day is flagged when, were the
 * day's cases Poisson with mean λ, a count at least as high would have probability below 0.001, and the count is at
 * least 5 (so that a quiet district's two cases after a month of none do not alarm anyone). The counts are the cases figure of
 * sql/metrics/area-figures.sql (through {@link Figures}); the rule and its wording are in the README's 统计口径.
 */
@Service
public class UnusualDistricts {

    public static final int BASELINE_DAYS = 28;
    /** Fewer days than a week behind a mean, and one busy day of them would set it: not judged (review). */
    public static final int MIN_ARRIVED_DAYS = 7;
    static final double TAIL_PROBABILITY_BELOW = 0.001;
    static final long CASES_AT_LEAST = 5;

    private final Figures figures;
    private final Catalog catalog;

    UnusualDistricts(Figures figures, Catalog catalog) {
        this.figures = figures;
        this.catalog = catalog;
    }

    /**
     * The flagged districts of {@code day}, in catalogue order; empty when nothing is unusual. Both counts are the
     * {@code cases} figure of sql/metrics/area-figures.sql, the one definition every bulletin prints: the day's, and
     * the baseline's as the sum of its days'. A day without cases adds 0. A day whose data has not arrived is not a
     * day of the baseline at all, neither its cases (a later drop's late records of it, review) nor in the divisor:
     * the baseline is the cases of the days that arrived over their number, 28 unless some are in
     * {@code baselineDaysNotArrived}.
     *
     * @param baselineDaysNotArrived the days of D−28 … D−1 whose data has not arrived (bulletin/MissingData); at
     *                               least {@link #MIN_ARRIVED_DAYS} must have arrived, or there is no baseline to judge by
     */
    public List<UnusualDistrict> on(LocalDate day, Collection<LocalDate> baselineDaysNotArrived) {
        LocalDate first = day.minusDays(BASELINE_DAYS);
        int arrivedDays = arrivedDays(day, baselineDaysNotArrived);
        if (arrivedDays < MIN_ARRIVED_DAYS) {
            throw new IllegalArgumentException("only " + arrivedDays + " days of the baseline of " + day + " have arrived: too few to judge by");
        }
        Map<String, Long> baselineCases = new HashMap<>();
        for (AreaFigures f : figures.byDay(first, day.minusDays(1))) {
            if (!baselineDaysNotArrived.contains(f.from())) {
                baselineCases.merge(f.districtCode(), f.cases(), Long::sum);
            }
        }
        List<UnusualDistrict> flagged = new ArrayList<>();
        for (AreaFigures f : figures.range(day, day)) {
            if (!catalog.districtCodes().contains(f.districtCode())) {
                continue; // the city row: 异常提示 is about districts
            }
            long cases = f.cases();
            long baseline = baselineCases.getOrDefault(f.districtCode(), 0L);
            double tail = PoissonTail.atLeast(cases, (double) baseline / arrivedDays);
            if (unusual(cases, tail)) {
                flagged.add(new UnusualDistrict(f.districtCode(), day, cases, baseline, arrivedDays, tail));
            }
        }
        return flagged;
    }

    /** How many of the 28 days before {@code day} have arrived. */
    public static int arrivedDays(LocalDate day, Collection<LocalDate> baselineDaysNotArrived) {
        LocalDate first = day.minusDays(BASELINE_DAYS);
        return BASELINE_DAYS - (int) baselineDaysNotArrived.stream().filter(d -> !d.isBefore(first) && d.isBefore(day)).distinct().count();
    }

    static boolean unusual(long cases, double tailProbability) {
        return cases >= CASES_AT_LEAST && tailProbability < TAIL_PROBABILITY_BELOW;
    }
}

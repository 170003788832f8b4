package org.fraudstats.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A district whose cases on {@code day} are improbably high against its own recent past ({@link UnusualDistricts}).
 *
 * @param cases           the district's cases on the day
 * @param baselineCases   its cases over those of the 28 days before whose data has arrived, days without cases
 *                        counting as 0
 * @param baselineDays    how many of those 28 days the mean is over: 28, less the days whose data has not arrived
 * @param tailProbability P(X ≥ cases) for X Poisson with mean baselineCases / baselineDays
 */
public record UnusualDistrict(String districtCode, LocalDate day, long cases, long baselineCases, int baselineDays,
                              double tailProbability) {

    public UnusualDistrict {
        Objects.requireNonNull(districtCode, "districtCode");
        Objects.requireNonNull(day, "day");
        if (baselineDays < 1) {
            throw new IllegalArgumentException("a baseline covers at least one day: " + baselineDays);
        }
    }

    /** λ as printed: the mean daily cases of the baseline, rounded half up to 1 decimal (347 / 28 → 12.4). */
    public BigDecimal dailyBaseline() {
        return BigDecimal.valueOf(baselineCases).divide(BigDecimal.valueOf(baselineDays), 1, RoundingMode.HALF_UP);
    }

    /**
     * The day's cases as a multiple of the exact λ (not of the rounded one), rounded half up to 1 decimal:
     * 31 against 347 / 28 is 31 × 28 / 347 = 2.50… → 2.5. Empty when the baseline had no case.
     */
    public Optional<BigDecimal> ratio() {
        if (baselineCases == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(cases * baselineDays).divide(BigDecimal.valueOf(baselineCases), 1, RoundingMode.HALF_UP));
    }
}

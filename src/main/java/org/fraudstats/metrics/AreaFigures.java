package org.fraudstats.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Every figure of metrics.md for one area (a district, or the city 440600) over one period [from, to].
 * This one object is what `metrics`, `headline`, the PDF and the workbook all print, so no two of them can
 * disagree over the same days (a bulletin under a deployment's records-start counts its spans from it: Figures). Money is exact (scale 2); the median is null when no case of the period has an action.
 */
public record AreaFigures(
        LocalDate from,
        LocalDate to,
        String districtCode,
        long cases,
        BigDecimal lossAmount,
        long stopAccounts,
        BigDecimal stopAmount,
        long freezeAccounts,
        BigDecimal freezeAmount,
        long refundCases,
        BigDecimal refundAmount,
        BigDecimal medianMinutesToStop,
        long warnings,
        long dissuadedVisits) {

    /**
     * The same figures, said to be of [from, to]: a first year's year to date counted from 1 January is named from the
     * first day of the records, and a base counted from a deployment's records-start keeps the period it compares.
     */
    public AreaFigures over(LocalDate from, LocalDate to) {
        return new AreaFigures(from, to, districtCode, cases, lossAmount, stopAccounts, stopAmount, freezeAccounts, freezeAmount,
                refundCases, refundAmount, medianMinutesToStop, warnings, dissuadedVisits);
    }

    /** The same area and period with no record: every count and amount 0, the median undefined. */
    public AreaFigures noRecords() {
        BigDecimal none = BigDecimal.ZERO.setScale(2);
        return new AreaFigures(from, to, districtCode, 0, none, 0, none, 0, none, 0, none, null, 0, 0);
    }

    /** Any metric's figure as an exact number; null where it is undefined (the median of an area nothing stopped). */
    public BigDecimal value(Metric metric) {
        return switch (metric) {
            case CASES -> BigDecimal.valueOf(cases);
            case LOSS_AMOUNT -> lossAmount;
            case STOP_ACCOUNTS -> BigDecimal.valueOf(stopAccounts);
            case STOP_AMOUNT -> stopAmount;
            case FREEZE_ACCOUNTS -> BigDecimal.valueOf(freezeAccounts);
            case FREEZE_AMOUNT -> freezeAmount;
            case REFUND_CASES -> BigDecimal.valueOf(refundCases);
            case REFUND_AMOUNT -> refundAmount;
            case MEDIAN_MINUTES_TO_STOP -> medianMinutesToStop;
            case WARNINGS -> BigDecimal.valueOf(warnings);
            case DISSUADED_VISITS -> BigDecimal.valueOf(dissuadedVisits);
        };
    }
}

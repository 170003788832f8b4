package org.fraudstats.metrics;

import java.time.LocalDate;

/**
 * The base period of a comparison (metrics.md): 同比 moves the period back one calendar year, 29 February
 * mapping to 28 February (LocalDate.minusYears does exactly that); 环比 is the period of equal length that
 * ends the day before.
 */
public enum Comparison {
    YOY, POP;

    public LocalDate baseFrom(LocalDate from, LocalDate to) {
        return this == YOY ? from.minusYears(1) : from.minusDays(length(from, to));
    }

    public LocalDate baseTo(LocalDate from, LocalDate to) {
        return this == YOY ? to.minusYears(1) : from.minusDays(1);
    }

    /** With --by day each day has its own base: the same day a year earlier, or the day before. */
    public LocalDate baseDay(LocalDate day) {
        return this == YOY ? day.minusYears(1) : day.minusDays(1);
    }

    private static long length(LocalDate from, LocalDate to) {
        return to.toEpochDay() - from.toEpochDay() + 1;
    }
}

package org.fraudstats.bench;

import org.fraudstats.generate.Scale;

/**
 * How big the benchmark runs. {@code casesPerYear} and {@code freezesPerCase} size the fact tables the metrics
 * are timed on (national: 10 million cases and 12 million freezes over 3 years); {@code ingestScale} and
 * {@code ingestDays} the synthetic drops the loader is timed on (warnings dominate their rows), loaded once
 * and then at 4x the days to show the heap stays flat; {@code bulletinDays} how many daily bulletins are
 * rendered: a whole year wherever it takes minutes, not hours, because a bulletin's year to date reads more of
 * the year the later its day, and a sample of days would not show the year's cost (`bench --bulletin-days N`
 * renders the year's last N instead, for an upper bound where the whole year would take too long).
 */
public enum BenchScale {
    /** For the CI smoke test: every measurement, in seconds. */
    TINY(10_000 / 3, 1.2, 6_000, Scale.CITY, 2, 2),
    /** A quick local run: a large city's three years. */
    CITY(100_000 / 3, 1.2, 60_000, Scale.CITY, 15, 365),
    /** The scale: 10M cases and 12M freeze actions over 3 years; a province's days of drops. */
    NATIONAL(10_000_000 / 3, 1.2, 6_000_000, Scale.PROVINCE, 2, 365);

    private final long casesPerYear;
    private final double freezesPerCase;
    private final long warningsPerDay;
    private final Scale ingestScale;
    private final int ingestDays;
    private final int bulletinDays;

    BenchScale(long casesPerYear, double freezesPerCase, long warningsPerDay, Scale ingestScale, int ingestDays,
               int bulletinDays) {
        this.casesPerYear = casesPerYear;
        this.freezesPerCase = freezesPerCase;
        this.warningsPerDay = warningsPerDay;
        this.ingestScale = ingestScale;
        this.ingestDays = ingestDays;
        this.bulletinDays = bulletinDays;
    }

    long cases(int years) {
        return Math.round(casesPerYear * (double) years / 1000) * 1000;
    }

    long freezes(int years) {
        return Math.round(cases(years) * freezesPerCase);
    }

    long warningsPerDay() {
        return warningsPerDay;
    }

    Scale ingestScale() {
        return ingestScale;
    }

    int ingestDays() {
        return ingestDays;
    }

    /**
     * Issue 13's goal for a year of daily bulletins: < 10 s for a city (the scale they are made for), < 60 s at
     * national scale; the smoke test keeps the national one.
     */
    int bulletinYearGoalSeconds() {
        return this == CITY ? 10 : 60;
    }

    int bulletinDays() {
        return bulletinDays;
    }
}

package org.fraudstats.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The periods a schedule runs for, each named by its first day: days, Monday–Sunday weeks, calendar months. */
enum Cadence {
    DAY, WEEK, MONTH;

    /** The first day of the last period that is over on {@code today} (yesterday, last week, last month). */
    LocalDate latestComplete(LocalDate today) {
        LocalDate yesterday = today.minusDays(1);
        return switch (this) {
            case DAY -> yesterday;
            case WEEK -> yesterday.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(
                    yesterday.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : 1);
            case MONTH -> today.withDayOfMonth(1).minusMonths(1);
        };
    }

    /** The first day of the period after the one starting on {@code start}. */
    LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    /** The last day (inclusive) of the period starting on {@code start}. */
    LocalDate end(LocalDate start) {
        return next(start).minusDays(1);
    }
}

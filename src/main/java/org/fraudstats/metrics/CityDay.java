package org.fraudstats.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The city's cases and stop-payment amount of one business day: what the daily bulletin's trend chart plots.
 * The same figures as the city row of {@link Figures#byDay} for that day.
 */
public record CityDay(LocalDate day, long cases, BigDecimal stopAmount) {
}

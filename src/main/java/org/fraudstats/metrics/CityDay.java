package org.fraudstats.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The city's cases and stop-payment amount of one business day: what the bulletins' trend charts plot.
 * The same figures as the city row of {@link Figures#byDay} for that day.
 */
public record CityDay(LocalDate day, long cases, BigDecimal stopAmount) {

    public CityDay {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(stopAmount, "stopAmount");
    }
}

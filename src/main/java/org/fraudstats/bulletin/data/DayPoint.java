package org.fraudstats.bulletin.data;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** The city's cases and stop-payment amount on one business day: one point of the trend chart. */
public record DayPoint(LocalDate day, long cases, BigDecimal stopAmount) {

    public DayPoint {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(stopAmount, "stopAmount");
    }
}

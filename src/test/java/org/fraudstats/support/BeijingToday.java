package org.fraudstats.support;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.fraudstats.settings.BusinessTime;

/**
 * Today in Beijing, as a test that compares it with the application's own "today" needs it: when midnight is less
 * than a minute away, it waits until it has passed, so that the test and the application, each reading the clock
 * once, cannot fall on two sides of it (CI runs at any hour; 16:00 UTC is midnight in Beijing).
 */
public final class BeijingToday {

    static final Duration MARGIN = Duration.ofMinutes(1);

    private BeijingToday() {
    }

    public static LocalDate clearOfMidnight() {
        ZonedDateTime now = ZonedDateTime.now(BusinessTime.ZONE);
        ZonedDateTime midnight = now.toLocalDate().plusDays(1).atStartOfDay(BusinessTime.ZONE);
        Duration left = Duration.between(now, midnight);
        if (left.compareTo(MARGIN) < 0) {
            try {
                Thread.sleep(left.plusSeconds(1).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for midnight in Beijing to pass", e);
            }
        }
        return LocalDate.now(BusinessTime.ZONE);
    }
}

package org.fraudstats.settings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The centre's time: a business day is a date in Asia/Shanghai (metrics.md), and "now" is the application's one
 * {@link Clock} bean ({@link ClockConfiguration}), which a test replaces to move time everywhere at once.
 */
public final class BusinessTime {

    /** Where business days are counted: a record's day is the date of its timestamp here. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BusinessTime() {
    }

    /** The business day before today by {@code clock}: the night `nightly` runs for when given no date. */
    public static LocalDate yesterday(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE)).minusDays(1);
    }
}

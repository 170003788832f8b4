package org.fraudstats.schedule;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.fraudstats.settings.BusinessTime;

/**
 * One schedule of jobs/*.yml, named after its file (jobs/nightly.yml is "nightly").
 *
 * @param source        the file (or files, when a deployment overrides keys) it was read from, for messages
 * @param inbox         where drops arrive (nightly only, else null)
 * @param retryInterval how long to wait before looking for a missing drop again (nightly only, else null)
 * @param deadline      when a missing drop is given up on: this time on the morning after the business day
 *                      (nightly only, else null)
 */
record ScheduleDefinition(String name, String source, String description, boolean enabled, Work work,
        Cadence cadence, String cron, ZoneId zone, Path inbox, Path out, Duration retryInterval, LocalTime deadline) {

    /** What a fire runs: the nightly run of one business day, or a range bulletin of a week or month. */
    enum Work {
        NIGHTLY("nightly"), RANGE_BULLETIN("range-bulletin");

        final String key;

        Work(String key) {
            this.key = key;
        }
    }

    /** The moment the drop of {@code day} is given up on: the deadline is Beijing time, as the business day is. */
    ZonedDateTime deadlineFor(LocalDate day) {
        return day.plusDays(1).atTime(deadline).atZone(BusinessTime.ZONE);
    }
}

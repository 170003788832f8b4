package org.fraudstats.bulletin.data;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

import org.fraudstats.settings.BusinessTime;

/**
 * Where the figures come from, printed in the footnote and the 数据质量 sheet so a reader can tell how fresh
 * and how complete they are. {@code jobExecutionId} is null when no batch job produced them (a manual rerun).
 * {@code generatedAt} is always held in Beijing time, the time the centre works in.
 */
public record Provenance(
        LocalDate latestDrop,
        long rowsLoaded,
        long rowsRejected,
        long rowsPending,
        Long jobExecutionId,
        ZonedDateTime generatedAt) {

    /** Business time (the settings' one zone): every time a bulletin prints is given there. */
    public static final ZoneId BEIJING = BusinessTime.ZONE;

    public Provenance {
        Objects.requireNonNull(latestDrop, "latestDrop");
        Objects.requireNonNull(generatedAt, "generatedAt");
        // to the microsecond, as PostgreSQL keeps it: the manifest gives the files' time and every revision's, read
        // back, and the same revision's two times differed in their last digits (review 33b)
        generatedAt = generatedAt.withZoneSameInstant(BEIJING).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}

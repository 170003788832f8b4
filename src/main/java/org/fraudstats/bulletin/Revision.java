package org.fraudstats.bulletin;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One published revision of a bulletin; {@code changesJson} lists what moved against the revision before;
 * {@code missingNote} is the 数据未到 notice it printed, or null.
 */
public record Revision(BulletinKind kind, LocalDate from, LocalDate to, int revision, String changesJson,
                       Long jobExecutionId, OffsetDateTime generatedAt, String missingNote) {
}

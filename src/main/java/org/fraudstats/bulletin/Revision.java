package org.fraudstats.bulletin;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One published revision of a bulletin; {@code changesJson} lists what moved against the revision before;
 * {@code missingNote} is the 数据未到 notice it printed, or null; {@code outFolder} the output folder it was published
 * into (null for a revision of an early version).
 */
public record Revision(BulletinKind kind, LocalDate from, LocalDate to, int revision, String changesJson,
                       Long jobExecutionId, OffsetDateTime generatedAt, String missingNote, String outFolder) {

    /** When it was rendered, in Asia/Shanghai with its offset, as every other time fraudstats prints (JDBC reads UTC). */
    public OffsetDateTime generatedAtInBeijing() {
        return generatedAt.atZoneSameInstant(org.fraudstats.settings.BusinessTime.ZONE).toOffsetDateTime();
    }
}

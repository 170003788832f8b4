package org.fraudstats.ingest;

import java.time.LocalDate;

/** A row that broke a rule of feeds.md, where it was and why; valuesJson holds its values, accounts masked. */
public record RejectedRow(LocalDate dropDate, String file, int line, String recordId, String reason, String valuesJson) {

    /** The reason as /rejects says it ({@link RejectReason}). */
    public String reasonChinese() {
        return RejectReason.chinese(reason);
    }
}

package org.fraudstats.ingest;

import java.time.LocalDate;

/** What loading one drop did; `unchanged` when the same drop had been loaded before. */
public record DropLoadResult(LocalDate date, Long jobExecutionId, boolean alreadyLoaded,
                             long rowsRead, long rowsRejected, long rowsChanged) {
}

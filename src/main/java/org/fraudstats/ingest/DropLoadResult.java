package org.fraudstats.ingest;

import java.time.LocalDate;

/**
 * What loading one drop did.
 *
 * @param date                 the drop's date (its folder's name)
 * @param jobExecutionId       the ingest job execution that loaded it; null when nothing was loaded
 * @param unchangedSinceLoaded this very drop (same date, same files by checksum) had been loaded before, so nothing
 *                             was loaded now; a drop whose files changed since is loaded again and says false
 * @param rowsRead             rows read from its files, bad ones included
 * @param rowsRejected         bad rows, listed by `rejects`
 * @param rowsChanged          records new or different from the stored version (an identical one sent again
 *                             does not count)
 * @param datedAfterDrop       the first of its rows dated more than 7 days after the drop, and how many, said as a
 *                             warning; null when none (or nothing was loaded)
 */
public record DropLoadResult(LocalDate date, Long jobExecutionId, boolean unchangedSinceLoaded,
                             long rowsRead, long rowsRejected, long rowsChanged, String datedAfterDrop) {
}

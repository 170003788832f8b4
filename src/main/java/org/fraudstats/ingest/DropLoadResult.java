package org.fraudstats.ingest;

import java.time.LocalDate;
import java.util.List;

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
 * @param datedAway            warnings about rows dated far from the drop: the first dated more than 7 days after
 *                             it, and the first dated before the year before its year, each with how many so dated;
 *                             empty when none (or nothing was loaded)
 * @param heldFrom             when not null, these files were loaded before but the date's latest load is of other
 *                             files from this other folder (a correction), which the facts keep: nothing was loaded,
 *                             and unchangedSinceLoaded is true too
 */
public record DropLoadResult(LocalDate date, Long jobExecutionId, boolean unchangedSinceLoaded,
                             long rowsRead, long rowsRejected, long rowsChanged, List<String> datedAway, HeldFrom heldFrom) {

    /** The date's latest load, of other files from another folder, that a drop was left alone for. */
    public record HeldFrom(String folder, long jobExecutionId) {
    }

    /** "left alone: …", what a user reads of a drop left alone, or null when it was not. */
    public String leftAlone() {
        return heldFrom == null ? null : "left alone: the facts hold other files of this date, loaded since from " + heldFrom.folder()
                + " (job execution " + heldFrom.jobExecutionId() + "); to load these, send them there";
    }
}

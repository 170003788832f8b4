package org.fraudstats.nightly;

import java.nio.file.Path;

import org.fraudstats.bulletin.Published;
import org.fraudstats.ingest.DropLoadResult;

/** The lines `fraudstats nightly` prints: one per drop loaded, one per bulletin rendered. */
final class NightlyLines {

    private NightlyLines() {
    }

    static String loaded(DropLoadResult r) {
        return r.unchangedSinceLoaded() ? r.date() + "  drop unchanged (already loaded)"
                : r.date() + "  drop loaded: " + r.rowsRead() + " rows read, " + r.rowsRejected() + " rejected, " + r.rowsChanged() + " changed";
    }

    static String published(Published p) {
        String files = p.files().stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse("");
        if (p.revision() > 1 && p.newRevision()) {
            return p.period() + "  revised to r" + p.revision() + " (" + String.join("; ", p.changes()) + "): " + files;
        }
        // rendered again with the figures it was published with: nothing new was published (tester: the same line as
        // a first publication read as one), as `rerun` says it
        if (!p.newRevision()) {
            return p.period() + "  unchanged since published, kept as r" + p.revision() + ": " + files;
        }
        return p.period() + "  bulletin r" + p.revision() + ": " + files;
    }
}

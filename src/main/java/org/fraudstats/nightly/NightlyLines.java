package org.fraudstats.nightly;

import java.nio.file.Path;

import org.fraudstats.bulletin.Published;
import org.fraudstats.ingest.DropLoadResult;

/** The lines `fraudstats nightly` prints: one per drop loaded, one per bulletin rendered, and the operator's warnings. */
public final class NightlyLines {

    /**
     * A warning line of the night, dated by its drop (2022-10-06  warning: …) or its period (a week not revised
     * tonight), or not dated.
     */
    private static final java.util.regex.Pattern WARNING = java.util.regex.Pattern.compile(
            "(\\d{4}-\\d\\d-\\d\\d(_\\d{4}-\\d\\d-\\d\\d)?\\s+)?(warning: |not revised tonight)");

    private NightlyLines() {
    }

    /**
     * Whether a line of the night is the operator's: `nightly` prints it on standard error, serve logs it as a warning.
     * One rule for both: serve kept only "warning: " and dropped a week not revised tonight, so a stale 周报 reached no
     * log, page or mail (review).
     */
    public static boolean warning(String line) {
        return WARNING.matcher(line).lookingAt();
    }

    /**
     * A night's failure line in the page's words where the night has some of its own (a rollup refusal), for /runs;
     * empty for any other line, which the page shows as recorded.
     */
    public static java.util.Optional<String> chineseOfFailure(String line) {
        return org.fraudstats.metrics.RollupMismatch.chineseOf(line);
    }

    /** A night's failure line as the administrator may read it: a rollup refusal without its row of figures. */
    public static String withoutFigures(String line) {
        return line == null ? null : org.fraudstats.metrics.RollupMismatch.withoutFigures(line).orElse(line);
    }

    /** {@link #withoutFigures} in the page's words; empty for a line that is no rollup refusal. */
    public static java.util.Optional<String> chineseOfFailureWithoutFigures(String line) {
        return org.fraudstats.metrics.RollupMismatch.chineseWithoutFigures(line);
    }

    static String loaded(DropLoadResult r) {
        return r.leftAlone() != null ? r.date() + "  drop " + r.leftAlone()
                : r.unchangedSinceLoaded() ? r.date() + "  drop unchanged (already loaded)"
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

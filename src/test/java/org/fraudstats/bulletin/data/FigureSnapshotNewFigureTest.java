package org.fraudstats.bulletin.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.fraudstats.catalog.Catalog;
import org.junit.jupiter.api.Test;

/**
 * A revision published before a figure or a table was added to bulletins does not keep it: rendered again with the
 * same figures, the bulletin is the same revision, not a correction listing the new figure as "— → value" for every
 * area (each bulletin rendered after such a release was published and mailed again; a newcomer adding a figure found
 * it). A figure that moved beside it is still a change.
 */
class FigureSnapshotNewFigureTest {

    private static final Catalog CATALOG = new Catalog(null, "佛山市", Map.of("440604", "禅城区"), null, null);

    /** As published before dissuaded_visits and the trend's days were kept. */
    private static final String PUBLISHED = "{\"areas\":{\"440604\":{\"cases\":\"3\",\"warnings\":\"7\"},"
            + "\"440600\":{\"cases\":\"3\",\"warnings\":\"7\"}}}";

    private static String now(String cases) {
        return "{\"areas\":{\"440604\":{\"cases\":\"" + cases + "\",\"warnings\":\"7\",\"dissuaded_visits\":\"2\"},"
                + "\"440600\":{\"cases\":\"" + cases + "\",\"warnings\":\"7\",\"dissuaded_visits\":\"2\"}},"
                + "\"days\":{\"2022-10-24\":{\"cases\":\"" + cases + "\",\"stop_amount\":\"1.00\"}}}";
    }

    @Test
    void aFigureOrTableTheOlderRevisionDidNotKeepIsNoChange() {
        assertThat(SnapshotComparison.sameFigures(PUBLISHED, now("3"))).isTrue();
        assertThat(SnapshotComparison.changes(PUBLISHED, now("3"), CATALOG)).isEmpty();
    }

    /**
     * Read back, such a revision's row gives a caller the figures it needs if it kept them, and nothing if it did not,
     * rather than a made-up 0 for one it never printed (review: it threw NumberFormatException for a count, which the
     * latest bulletin's page and its mails would have met once the rule above kept the older revision the latest; then
     * it gave no row at all, and every older revision lost its 要点 and its mails for a figure they never said).
     */
    @Test
    void aRowOfARevisionKeptBeforeAFigureExistedGivesTheFiguresItKept() {
        java.util.Set<org.fraudstats.metrics.Metric> casesAndWarnings = java.util.EnumSet.of(org.fraudstats.metrics.Metric.CASES,
                org.fraudstats.metrics.Metric.WARNINGS);
        assertThat(FigureSnapshot.figures(PUBLISHED, "areas", "440600", "440600", null, null, casesAndWarnings)).hasValueSatisfying(f -> {
            assertThat(f.cases()).isEqualTo(3);
            assertThat(f.warnings()).isEqualTo(7);
        });
        assertThat(FigureSnapshot.figures(PUBLISHED, "areas", "440600", "440600", null, null,
                java.util.EnumSet.of(org.fraudstats.metrics.Metric.DISSUADED_VISITS))).isEmpty();
        assertThat(FigureSnapshot.figures(now("3"), "areas", "440600", "440600", null, null,
                java.util.EnumSet.of(org.fraudstats.metrics.Metric.DISSUADED_VISITS))).hasValueSatisfying(f -> assertThat(f.dissuadedVisits()).isEqualTo(2));
        assertThat(FigureSnapshot.figures(PUBLISHED, "ytd", "city", "440600", null, null, casesAndWarnings)).isEmpty();
    }

    @Test
    void aFigureThatMovedBesideItIsStillAChange() {
        assertThat(SnapshotComparison.sameFigures(PUBLISHED, now("4"))).isFalse();
        assertThat(SnapshotComparison.changes(PUBLISHED, now("4"), CATALOG)).containsExactly("佛山市 电诈警情 3 → 4", "禅城区 电诈警情 3 → 4");
        // and between two snapshots that both keep it, as before
        assertThat(SnapshotComparison.changes(now("3"), now("3").replace("\"dissuaded_visits\":\"2\"}}", "\"dissuaded_visits\":\"5\"}}"), CATALOG))
                .containsExactly("佛山市 见面劝阻 2 → 5");
    }
}

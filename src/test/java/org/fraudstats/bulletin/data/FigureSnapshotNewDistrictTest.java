package org.fraudstats.bulletin.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.fraudstats.catalog.Catalog;
import org.junit.jupiter.api.Test;

/**
 * A district added to the catalogue, with no record yet, gives every render a row of zeros the published revisions
 * lack: no figure moved, so no revision (a rerun published and mailed each bulletin again as a correction listing
 * "新区 电诈警情 — → 0", tester). A row that moves from or to a figure other than zero is a change as before.
 */
class FigureSnapshotNewDistrictTest {

    private static final Catalog WITH_NEW = new Catalog(null, "佛山市", Map.of("440604", "禅城区", "440609", "新区"), null, null);

    private static final String PUBLISHED = "{\"areas\":{\"440604\":{\"cases\":\"3\",\"loss_amount\":\"10.00\",\"median_minutes_to_stop\":\"12.0\"},"
            + "\"440600\":{\"cases\":\"3\",\"loss_amount\":\"10.00\",\"median_minutes_to_stop\":\"12.0\"}}}";

    private static String withNewDistrict(String cases, String loss) {
        return "{\"areas\":{\"440604\":{\"cases\":\"3\",\"loss_amount\":\"10.00\",\"median_minutes_to_stop\":\"12.0\"},"
                + "\"440609\":{\"cases\":\"" + cases + "\",\"loss_amount\":\"" + loss + "\",\"median_minutes_to_stop\":\"\"},"
                + "\"440600\":{\"cases\":\"3\",\"loss_amount\":\"10.00\",\"median_minutes_to_stop\":\"12.0\"}}}";
    }

    @Test
    void aNewDistrictsRowOfZerosIsNoChange() {
        assertThat(SnapshotComparison.sameFigures(PUBLISHED, withNewDistrict("0", "0.00"))).isTrue();
        assertThat(SnapshotComparison.changes(PUBLISHED, withNewDistrict("0", "0.00"), WITH_NEW)).isEmpty();
    }

    @Test
    void aNewRowWithAFigureIsAChange_andAFigureOfAnExistingRowStillIs() {
        assertThat(SnapshotComparison.sameFigures(PUBLISHED, withNewDistrict("1", "5.00"))).isFalse();
        assertThat(SnapshotComparison.changes(PUBLISHED, withNewDistrict("1", "5.00"), WITH_NEW))
                .containsExactly("新区 电诈警情 — → 1", "新区 案损金额 — → 5.00");
        String moved = PUBLISHED.replaceFirst("\"cases\":\"3\"", "\"cases\":\"4\"");
        assertThat(SnapshotComparison.sameFigures(PUBLISHED, moved)).isFalse();
        assertThat(SnapshotComparison.changes(PUBLISHED, moved, WITH_NEW)).containsExactly("禅城区 电诈警情 3 → 4");
    }
}

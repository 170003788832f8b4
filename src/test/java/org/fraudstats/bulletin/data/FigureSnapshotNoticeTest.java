package org.fraudstats.bulletin.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The 数据未到 notice kept with a revision is no figure, but its change is one a reader was promised: gone, come, or
 * naming other days (a weekly whose Saturday came and whose Sunday has not), it makes a new revision and says so.
 */
class FigureSnapshotNoticeTest {

    /** The catalog of the changes below: they put its city first, and name no other row (only notices differ). */
    private static final org.fraudstats.catalog.Catalog FOSHAN = new org.fraudstats.catalog.Catalog(null, "佛山市", java.util.Map.of("440604", "禅城区"), null, null);

    private static final String FIGURES = "\"areas\":{\"440600\":{\"cases\":\"3\"}}";

    private static String snapshot(String notice) {
        return "{" + FIGURES + (notice == null ? "" : ",\"notes\":{\"missing\":{\"text\":\"" + notice + "\"}}") + "}";
    }

    private static String weekly(String days) {
        return "数据未到：" + days + " 的数据尚未到达，本期只计入已报送的这些日期的记录，数字不全，数据到达后将以修订版重发。";
    }

    @Test
    void theSameNoticeIsNoChange_aNoticeGoneComeOrNamingOtherDaysIs() {
        String both = weekly("2022-10-22、2022-10-23");
        String sunday = weekly("2022-10-23");
        assertThat(SnapshotComparison.sameFigures(snapshot(both), snapshot(both))).isTrue();
        assertThat(SnapshotComparison.sameFigures(snapshot(null), snapshot(null))).isTrue();
        assertThat(SnapshotComparison.sameFigures(snapshot(both), snapshot(sunday))).isFalse();
        assertThat(SnapshotComparison.sameFigures(snapshot(sunday), snapshot(null))).isFalse();

        assertThat(SnapshotComparison.changes(snapshot(both), snapshot(sunday), FOSHAN))
                .containsExactly("数据未到 2022-10-22、2022-10-23 → 2022-10-23");
        assertThat(SnapshotComparison.changes(snapshot(sunday), snapshot(null), FOSHAN)).containsExactly("数据未到 → 数据已到达");
        assertThat(SnapshotComparison.changes(snapshot(null), snapshot(sunday), FOSHAN)).containsExactly("数据已到达 → 数据未到");
    }

    /**
     * A bulletin that turns 数据未到 computes no 同比 or 环比 any more, nor its year to date's 同比: each that went is said
     * as a base turning uncomputed is, the city's one by one and the districts' counted, and each that comes back when
     * the data arrives (r39a: a month's 48 同比 vanished under the notice's line alone).
     */
    @Test
    void theChangesANoticeMadeComeOrGoAreSaid() {
        String figures = "\"areas\":{\"440604\":{\"cases\":\"2\"},\"440600\":{\"cases\":\"3\"}},"
                + "\"yoy_base\":{\"440604\":{\"cases\":\"1\"},\"440600\":{\"cases\":\"2\"}},"
                + "\"pop_base\":{\"440604\":{\"cases\":\"0\"},\"440600\":{\"cases\":\"4\"}}";
        String whole = "{" + figures + "}";
        String missing = "{" + figures + ",\"notes\":{\"missing\":{\"text\":\"" + weekly("2022-10-23") + "\"}}}";
        assertThat(SnapshotComparison.changes(whole, missing, FOSHAN)).containsExactly("数据已到达 → 数据未到",
                "同比 佛山市 电诈警情 +50.0% → —", "同比 各区县 1 项 已计算 → —", "环比 佛山市 电诈警情 -25.0% → —");
        assertThat(SnapshotComparison.changes(missing, whole, FOSHAN)).containsExactly("数据未到 → 数据已到达",
                "同比 佛山市 电诈警情 — → +50.0%", "同比 各区县 1 项 — → 已计算（见分区表）", "环比 佛山市 电诈警情 — → -25.0%");
    }

    @Test
    void theDaysNotArrivedInABaseAreKept_andTheirGoingIsAChangeSaid() {
        String gap = "{" + FIGURES + ",\"notes\":{\"bases_not_arrived\":{\"yoy\":\"\",\"pop\":\"2022-10-25\",\"year_to_date\":\"2022-10-25\"}}}";
        assertThat(FigureSnapshot.gaps(FigureSnapshot.read(gap))).isEqualTo(new org.fraudstats.bulletin.BaseGaps(java.util.List.of(),
                java.util.List.of(java.time.LocalDate.parse("2022-10-25")), java.util.List.of(java.time.LocalDate.parse("2022-10-25"))));
        // a revision published before they were kept computed its changes
        assertThat(FigureSnapshot.gaps(FigureSnapshot.read(snapshot(null))).none()).isTrue();
        assertThat(SnapshotComparison.sameFigures(gap, gap)).isTrue();
        assertThat(SnapshotComparison.sameFigures(gap, snapshot(null))).isFalse();
        assertThat(SnapshotComparison.changes(gap, snapshot(null), FOSHAN))
                .containsExactly("环比基期数据未到 2022-10-25 → 无", "今年以来或去年同期数据未到 2022-10-25 → 无");
        // a 数据未到 revision computed no change at all: after it, the bases' gaps are said as they are, not "无 → …"
        String missing = "{" + FIGURES + ",\"notes\":{\"missing\":{\"text\":\"" + weekly("2022-10-26") + "\"}}}";
        assertThat(SnapshotComparison.changes(missing, gap, FOSHAN))
                .containsExactly("数据未到 → 数据已到达", "环比基期数据未到 2022-10-25", "今年以来或去年同期数据未到 2022-10-25");
        assertThat(SnapshotComparison.changes(gap, missing, FOSHAN)).containsExactly("数据已到达 → 数据未到");
    }

    /**
     * A 数据未到 daily printed "—" for its zeros and left the trend's bar empty: when the day arrives, its correction
     * says so, not "0 → 10" of a figure it never printed (tester 31c).
     */
    @Test
    void aFigureTheRevisionDidNotPrintIsListedAsItWas() {
        String before = "{\"areas\":{\"440600\":{\"cases\":\"0\",\"loss_amount\":\"50.00\",\"not_arrived\":\"true\"}},"
                + "\"days\":{\"2022-12-03\":{\"cases\":\"8\",\"stop_amount\":\"1.00\"},"
                + "\"2022-12-04\":{\"cases\":\"0\",\"stop_amount\":\"0.00\",\"not_arrived\":\"true\"}},"
                + "\"notes\":{\"missing\":{\"text\":\"" + weekly("2022-12-04") + "\"}}}";
        String after = "{\"areas\":{\"440600\":{\"cases\":\"10\",\"loss_amount\":\"80.00\"}},"
                + "\"days\":{\"2022-12-03\":{\"cases\":\"8\",\"stop_amount\":\"1.00\"},"
                + "\"2022-12-04\":{\"cases\":\"10\",\"stop_amount\":\"770035.83\"}}}";
        assertThat(SnapshotComparison.changes(before, after, FOSHAN)).containsExactly("数据未到 → 数据已到达",
                "佛山市 电诈警情 — → 10", "佛山市 案损金额 50.00 → 80.00",
                "趋势 2022-12-04 电诈警情 数据未到 → 10", "趋势 2022-12-04 止付金额 数据未到 → 770,035.83");
        // a day still not arrived draws no bar however many of its records other drops brought: nothing moved there
        String later = before.replace("\"cases\":\"0\",\"stop_amount\":\"0.00\",\"not_arrived\"", "\"cases\":\"2\",\"stop_amount\":\"5.00\",\"not_arrived\"");
        assertThat(SnapshotComparison.changes(before, later, FOSHAN)).isEmpty();
        assertThat(SnapshotComparison.sameFigures(before, later)).isTrue();
        // the mark alone (a revision kept before it was) is no change
        assertThat(SnapshotComparison.sameFigures(before.replace(",\"not_arrived\":\"true\"}},\"days\"", "}},\"days\""), before)).isTrue();
    }
}

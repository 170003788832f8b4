package org.fraudstats.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.fraudstats.bulletin.data.FigureSnapshot;
import org.fraudstats.bulletin.data.SnapshotComparison;
import org.fraudstats.support.DatabaseTest;
import org.fraudstats.support.Drops;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A deployment whose records start on 1 October 2021: a base that begins before that day and ends after it holds only
 * the days since, so no change is computed against it and the bulletin says why. Its weekly of 4–10 October printed
 * 环比 +200.0% against a week holding one day of records, and a daily of 2022 its 今年以来同比 +66.7% against a 去年同期
 * holding only 1–5 October 2021. And the first year's year to date is named from that day, not as the year's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BasesBeforeTheRecordsTest extends DatabaseTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2021, 10, 1);

    private final Path home = org.fraudstats.support.TestPostgres.tempHome();
    private final Path out = home.resolve("out");

    @Autowired
    MissingData missingData;

    @Autowired
    KeyFigures keyFigures;

    @Autowired
    BulletinPublisher publisher;

    @Autowired
    org.fraudstats.catalog.Catalog catalog;

    @BeforeAll
    void loadFromTheFirstOfOctober() {
        forgetEverything();
        Drops drops = new Drops(home.resolve("inbox"));
        drops.write("2021-10-01", "cases.csv", Drops.CASES + "A1,2021-10-01T09:00:00+08:00,440604,,OTHER,100.00,\n");
        drops.write("2021-10-05", "cases.csv", Drops.CASES + "A2,2021-10-05T09:00:00+08:00,440604,,OTHER,100.00,\n"
                + "A3,2021-10-05T10:00:00+08:00,440605,,OTHER,100.00,\n");
        drops.write("2021-10-06", "cases.csv", Drops.CASES + "A4,2021-10-06T09:00:00+08:00,440604,,OTHER,100.00,\n");
        drops.write("2022-03-01", "cases.csv", Drops.CASES + "B4,2022-03-01T09:00:00+08:00,440604,,OTHER,100.00,\n"
                + "B5,2022-03-01T10:00:00+08:00,440604,,OTHER,100.00,\n");
        drops.write("2022-10-05", "cases.csv", Drops.CASES + "B1,2022-10-05T09:00:00+08:00,440604,,OTHER,100.00,\n"
                + "B2,2022-10-05T10:00:00+08:00,440604,,OTHER,100.00,\n" + "B3,2022-10-05T11:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", drops.inbox().toString()).exitCode()).isZero();
        Run week = cli("rerun", "--from", "2021-10-04", "--to", "2021-10-10", "--range", "--out", out.toString());
        assertThat(week.exitCode()).as(week.err()).isZero();
        Run day = cli("rerun", "--from", "2022-10-05", "--to", "2022-10-05", "--out", out.toString());
        assertThat(day.exitCode()).as(day.err()).isZero();
        // the range bulletin alone: a rerun would render its 283 dailies too
        publisher.range(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 10, 10), out, java.util.Set.of(BulletinPublisher.Format.pdf), null);
    }

    @Test
    void onlyABaseBeginningBeforeTheRecordsAndEndingAfterIsMarked() {
        // the daily's 去年同期 (1 January to 5 October 2021) begins before the records; its 同比 day, 5 October, does not
        assertThat(missingData.inBases(LocalDate.of(2022, 10, 5), LocalDate.of(2022, 10, 5)))
                .isEqualTo(new BaseGaps(List.of(), List.of(), List.of(), new BaseGaps.BeforeRecords(FIRST_DAY, false, false, true)));
        // the week's 环比 base (27 September to 3 October) holds 1 October; its 同比 base, in 2020, no record at all: 0
        assertThat(missingData.inBases(LocalDate.of(2021, 10, 4), LocalDate.of(2021, 10, 10)))
                .isEqualTo(new BaseGaps(List.of(), List.of(), List.of(), new BaseGaps.BeforeRecords(FIRST_DAY, false, true, false)));
        // a week wholly after the records begin compares with whole weeks
        assertThat(missingData.inBases(LocalDate.of(2021, 10, 11), LocalDate.of(2021, 10, 17)).none()).isTrue();
    }

    @Test
    void theWeeklyComputesNo环比AgainstAWeekHoldingOneDayOfRecords() throws IOException {
        String pdf = pdfText(out.resolve("range/2021-10-04_2021-10-10/fraudstats-range-2021-10-04_2021-10-10.pdf"));
        assertThat(pdf).contains("“—”表示基期数为0（同比基期在最早记录2021-10-01之前，没有记录），或环比基期含无记录的日期（最早记录为"
                + "2021-10-01），不计算变化。").doesNotContain("200.0%")
                .contains("去年同期在最早记录2021-10-01之前，没有记录，不计算同比。");

        KeyFigures.Said said = keyFigures.of(false, LocalDate.of(2021, 10, 4), LocalDate.of(2021, 10, 10), published("range", "2021-10-04"))
                .orElseThrow();
        // its 同比 base, in 2020, is before the records: 0 for want of records, not of cases
        assertThat(said.figures().get(0)).isEqualTo("电诈警情 3宗（同比—（基期无记录），环比—（基期含无记录的日期））");
        assertThat(said.gapsLine()).contains("环比基期含无记录的日期（最早记录为2021-10-01），不计算环比。");
    }

    @Test
    void aYearToDateOfTheFirstYearIsNamedFromTheFirstDayOfTheRecords() throws IOException {
        // "2021年以来，全市共处置电诈警情4宗" counted October's cases only
        String pdf = pdfText(out.resolve("range/2021-10-04_2021-10-10/fraudstats-range-2021-10-04_2021-10-10.pdf"));
        assertThat(pdf).contains("10月4日至10日，全市共处置电诈警情3宗").contains("10月以来，全市共处置电诈警情4宗")
                .contains("全市今年以来（2021年10月1日至10月10日，此前无记录）与去年同期（2020年1月1日至10月10日，无记录）对比")
                .doesNotContain("2021年以来");
        KeyFigures.Said said = keyFigures.of(false, LocalDate.of(2021, 10, 4), LocalDate.of(2021, 10, 10), published("range", "2021-10-04"))
                .orElseThrow();
        assertThat(said.sentences().get(0)).startsWith("10月以来，全市共处置电诈警情4宗");
        // the workbook's columns say it too
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(java.nio.file.Files.newInputStream(
                out.resolve("range/2021-10-04_2021-10-10/fraudstats-range-2021-10-04_2021-10-10.xlsx")))) {
            var header = workbook.getSheetAt(0).getRow(6);
            assertThat(header.getCell(6).getStringCellValue()).isEqualTo("今年以来（10月1日起，此前无记录）");
            assertThat(header.getCell(7).getStringCellValue()).isEqualTo("去年同期（无记录）");
            // its 同比基期 too, wholly before the records (review 31b); its 环比基期 holds days of them
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("同比基期（无记录）");
            assertThat(header.getCell(4).getStringCellValue()).isEqualTo("环比基期");
        }
        // a bulletin whose own period begins before the records names the days it counts, once
        String first = pdfText(out.resolve("range/2021-01-01_2021-10-10/fraudstats-range-2021-01-01_2021-10-10.pdf"));
        assertThat(first).contains("10月以来，全市共处置电诈警情4宗").doesNotContain("2021年以来");
        assertThat(first.split("全市共处置电诈警情4宗", -1)).hasSize(2);
        // a year whose records begin on 1 January is the year's, as ever
        String daily = pdfText(out.resolve("daily/2022-10-05/fraudstats-daily-2022-10-05.pdf"));
        assertThat(daily).contains("2022年以来，全市共处置电诈警情5宗").contains("全市今年以来（2022年1月1日至10月5日）");
        assertThat(keyFigures.of(true, LocalDate.of(2022, 10, 5), LocalDate.of(2022, 10, 5), published("daily", "2022-10-05"))
                .orElseThrow().sentences().get(0)).startsWith("2022年以来，全市共处置电诈警情5宗");
    }

    @Test
    void theDailyComputesNo今年以来同比AgainstALastYearHoldingFiveDaysOfRecords() throws IOException {
        String pdf = pdfText(out.resolve("daily/2022-10-05/fraudstats-daily-2022-10-05.pdf"));
        // its own 同比 against 5 October 2021 (3 cases against 2) stands
        // said under the year to date, not under the table of 同比 and 环比, which compares whole bases (review 33b)
        assertThat(pdf).contains("50.0%").contains("“—”表示基期数为0，不计算变化。")
                .contains("今年以来或去年同期含无记录的日期（最早记录为2021-10-01），不计算同比。")
                .doesNotContain("或今年以来或去年同期含无记录的日期")
                .doesNotContain("66.7%")
                // and its 去年同期, five days of records, says so above its figures (tester: 去年同期 50宗 read as a year's)
                .contains("与去年同期（2021年1月1日至10月5日，10月1日前无记录）对比");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(java.nio.file.Files.newInputStream(
                out.resolve("daily/2022-10-05/fraudstats-daily-2022-10-05.xlsx")))) {
            assertThat(workbook.getSheetAt(0).getRow(6).getCell(7).getStringCellValue()).isEqualTo("去年同期（10月1日前无记录）");
        }
        assertThat(FigureSnapshot.gaps(FigureSnapshot.read(figures("daily", "2022-10-05"))).beforeRecords())
                .isEqualTo(new BaseGaps.BeforeRecords(FIRST_DAY, false, false, true));
    }

    @Test
    void aBaseThatStopsBeginningBeforeTheRecordsIsAChangeSaid() {
        String week = figures("range", "2021-10-04");
        String whole = jdbc.queryForObject("SELECT (CAST(? AS jsonb) #- '{notes,bases_before_records}')::text", String.class, week);
        assertThat(SnapshotComparison.sameFigures(week, week)).isTrue();
        // a base wholly before the records is said, not compared: a revision published before it was said is the same
        String unsaid = jdbc.queryForObject("SELECT (CAST(? AS jsonb) #- '{notes,bases_without_records}')::text", String.class, week);
        assertThat(unsaid).isNotEqualTo(week);
        assertThat(SnapshotComparison.sameFigures(week, unsaid)).isTrue();
        assertThat(SnapshotComparison.sameFigures(week, whole)).isFalse();
        // an older history loaded later makes the base whole: the 环比 is computed, and the revision says why it moved
        // and names each change that now prints, the city's one by one, the districts' counted (r38d: the note's line
        // alone, while the changes came or went unnamed; review r38g: 100 lines of them for a province)
        assertThat(SnapshotComparison.changes(week, whole, catalog)).containsExactly("环比基期无记录 最早记录为2021-10-01 → 无",
                "环比 佛山市 电诈警情 — → +200.0%", "环比 佛山市 案损金额 — → +200.0%", "环比 各区县 2 项 — → 已计算（见分区表）");
        assertThat(SnapshotComparison.changes(whole, week, catalog)).containsExactly("环比基期无记录 无 → 最早记录为2021-10-01",
                "环比 佛山市 电诈警情 +200.0% → —", "环比 佛山市 案损金额 +200.0% → —", "环比 各区县 2 项 已计算 → —");
    }

    /**
     * A stray record before the history moved the first day of the records: the daily's 今年以来同比, not computed against
     * a 去年同期 of five days of records, was computed again, and its revision named only the note (r38d).
     */
    @Test
    void theYearToDateChangesThatComeOrGoAreEachNamed() {
        String daily = figures("daily", "2022-10-05");
        String whole = jdbc.queryForObject("SELECT (CAST(? AS jsonb) #- '{notes,bases_before_records}')::text", String.class, daily);
        assertThat(SnapshotComparison.changes(daily, whole, catalog)).containsExactly("今年以来或去年同期无记录 最早记录为2021-10-01 → 无",
                "今年以来同比 全市 电诈警情 — → +66.7%", "今年以来同比 全市 案损金额 — → +66.7%");
        assertThat(SnapshotComparison.changes(whole, daily, catalog)).containsExactly("今年以来或去年同期无记录 无 → 最早记录为2021-10-01",
                "今年以来同比 全市 电诈警情 +66.7% → —", "今年以来同比 全市 案损金额 +66.7% → —");
    }

    private PublishedFigures published(String kind, String from) {
        return PublishedFigures.of(figures(kind, from));
    }

    private String figures(String kind, String from) {
        return jdbc.queryForObject("SELECT figures::text FROM bulletin_revision WHERE kind = ? AND date_from = CAST(? AS date) "
                + "ORDER BY revision DESC LIMIT 1", String.class, kind, from);
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replace("\n", "").replace("\r", "");
        }
    }
}

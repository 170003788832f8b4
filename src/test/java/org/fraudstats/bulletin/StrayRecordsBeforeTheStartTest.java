package org.fraudstats.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.fraudstats.support.DatabaseTest;
import org.fraudstats.support.Drops;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A deployment that says its records are whole from 1 October 2021 (fraudstats.records-start), whose first drop holds
 * stray records of September, the very reason the README gives for saying it. Those records are loaded, and no
 * bulletin counts them: a weekly of 2022 printed 同比 +33.3% against a base of three stray cases under the note that
 * its base had no records, and the first 月报 said "10月以来…7宗" of October's three (review).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "fraudstats.records-start=2021-10-01")
class StrayRecordsBeforeTheStartTest extends DatabaseTest {

    private final Path home = org.fraudstats.support.TestPostgres.tempHome();
    private final Path out = home.resolve("out");

    @Autowired
    KeyFigures keyFigures;

    @Autowired
    BulletinPublisher publisher;

    @Autowired
    FirstDayLoaded firstDayLoaded;

    @BeforeAll
    void loadAFirstDropWithStrayRecordsOfSeptember() {
        forgetEverything();
        Drops drops = new Drops(home.resolve("inbox"));
        drops.write("2021-10-01", "cases.csv", Drops.CASES
                + "S1,2021-09-14T09:00:00+08:00,440604,,OTHER,100.00,\n"
                + "S2,2021-09-14T10:00:00+08:00,440604,,OTHER,100.00,\n"
                + "S3,2021-09-15T10:00:00+08:00,440605,,OTHER,100.00,\n"
                + "S4,2021-09-28T10:00:00+08:00,440605,,OTHER,100.00,\n"
                + "A1,2021-10-01T09:00:00+08:00,440604,,OTHER,100.00,\n");
        drops.write("2021-10-05", "cases.csv", Drops.CASES + "A2,2021-10-05T09:00:00+08:00,440604,,OTHER,100.00,\n"
                + "A3,2021-10-05T10:00:00+08:00,440605,,OTHER,100.00,\n");
        drops.write("2022-09-14", "cases.csv", Drops.CASES + "B1,2022-09-14T09:00:00+08:00,440604,,OTHER,100.00,\n"
                + "B2,2022-09-14T10:00:00+08:00,440604,,OTHER,100.00,\n" + "B3,2022-09-14T11:00:00+08:00,440604,,OTHER,100.00,\n"
                + "B4,2022-09-15T11:00:00+08:00,440605,,OTHER,100.00,\n");
        // every other day of the periods arrived, with nothing: no 数据未到 keeps a change from being computed
        for (LocalDate[] days : new LocalDate[][] {{LocalDate.of(2021, 10, 2), LocalDate.of(2021, 10, 31)},
                {LocalDate.of(2022, 9, 5), LocalDate.of(2022, 9, 18)}}) {
            for (LocalDate day = days[0]; !day.isAfter(days[1]); day = day.plusDays(1)) {
                if (!Set.of("2021-10-05", "2022-09-14").contains(day.toString())) {
                    drops.write(day.toString(), "cases.csv", Drops.CASES);
                }
            }
        }
        Run ingest = cli("ingest", "--inbox", drops.inbox().toString());
        assertThat(ingest.exitCode()).isZero();
        // said as they are loaded (tester: 957 cases of older history loaded without a word)
        assertThat(ingest.err()).contains("fraudstats ingest: warning: drop 2021-10-01: cases.csv line 2 is dated 2021-09-14 "
                + "(4 rows dated before 2021-10-01), before the records start (fraudstats.records-start): loaded, counted by metrics "
                + "and the headline command, by no bulletin; if the records are whole from 2021-09-14, move the setting back");
        // the stray records are loaded: the metrics command, which knows no start, counts them
        assertThat(cli("metrics", "--from", "2021-09-01", "--to", "2021-09-30", "--district", "440600").out()).contains(",440600,4,");
        for (LocalDate[] period : new LocalDate[][] {{LocalDate.of(2022, 9, 12), LocalDate.of(2022, 9, 18)},
                {LocalDate.of(2021, 10, 1), LocalDate.of(2021, 10, 31)}, {LocalDate.of(2021, 9, 27), LocalDate.of(2021, 10, 3)},
                {LocalDate.of(2022, 10, 1), LocalDate.of(2022, 10, 5)}}) {
            publisher.range(period[0], period[1], out, Set.of(BulletinPublisher.Format.pdf, BulletinPublisher.Format.xlsx), null);
        }
    }

    @Test
    void noChangeIsComputedAgainstABaseOfStrayRecordsBeforeTheStart() throws IOException {
        // the 同比 base, 12–18 September 2021, holds three stray cases: 4 against 3 is no +33.3%, and its 3 no figure
        String pdf = pdf("2022-09-12_2022-09-18");
        assertThat(pdf).contains("同比基期在最早记录2021-10-01之前，没有记录").doesNotContain("33.3%")
                .contains("去年同期（2021年1月1日至9月18日，无记录）对比指标 今年以来 去年同期 同比电诈警情（宗） 4 0 —");
        KeyFigures.Said said = keyFigures.of(false, LocalDate.of(2022, 9, 12), LocalDate.of(2022, 9, 18), published("2022-09-12"))
                .orElseThrow();
        assertThat(said.figures().get(0)).startsWith("电诈警情 4宗（同比—（基期无记录），");
    }

    @Test
    void theFirstYearToDateCountsFromTheStartNotOnlyNamesIt() throws IOException {
        // October holds three cases; 1 January to 31 October seven, four of them September's strays
        String pdf = pdf("2021-10-01_2021-10-31");
        assertThat(pdf).contains("10月以来，全市共处置电诈警情3宗").contains("全市今年以来（2021年10月1日至10月31日，此前无记录）")
                .doesNotContain("电诈警情7宗");
        assertThat(keyFigures.of(false, LocalDate.of(2021, 10, 1), LocalDate.of(2021, 10, 31), published("2021-10-01"))
                .orElseThrow().sentences().get(0)).startsWith("10月以来，全市共处置电诈警情3宗");
    }

    @Test
    void aWeekBeginningBeforeTheStartSaysTheDaysItCounts() throws IOException {
        // 27 September to 3 October: A1 alone, in its summary and in its table, not S4 of the 28th (review: 1宗 above
        // a table of 2)
        assertThat(pdf("2021-09-27_2021-10-03")).contains("10月以来，全市共处置电诈警情1宗").contains("佛山市 1 100.00")
                // and its trend leaves the days before empty, as for days whose data has not arrived (tester: drawn as 0)
                .contains("四、统计期内每日警情及止付金额走势（10月1日前无记录，图中空缺）");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(java.nio.file.Files.newInputStream(
                out.resolve("range/2021-09-27_2021-10-03/fraudstats-range-2021-09-27_2021-10-03.xlsx")))) {
            var trend = workbook.getSheet("每日趋势");
            // 28 September held S4: no bar of it
            assertThat(trend.getRow(2).getCell(1).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.BLANK);
            assertThat(trend.getRow(2).getCell(3).getStringCellValue()).isEqualTo("无记录");
            assertThat(trend.getRow(5).getCell(1).getNumericCellValue()).isEqualTo(1.0);
        }
        // and kept as none: a later load of strays would otherwise revise the bulletin for a bar it does not draw (tester)
        assertThat(jdbc.queryForObject("SELECT figures -> 'days' -> '2021-09-28' ->> 'cases' FROM bulletin_revision "
                + "WHERE kind = 'range' AND date_from = DATE '2021-09-27'", String.class)).isEqualTo("0");
    }

    @Test
    void aBaseBegunBeforeTheStartCountsFromIt() throws IOException {
        // last year's days to date, 1 January to 5 October 2021, hold four strays and three records: 3, not 7 (review)
        assertThat(pdf("2022-10-01_2022-10-05")).contains("与去年同期（2021年1月1日至10月5日，10月1日前无记录）对比")
                .contains("电诈警情（宗） 4 3 —");
    }

    @Test
    void theHeadlineCommandCountsWhatWasLoadedAndWarnsOfTheStart() {
        // cli.md's figures of whatever was loaded, September's strays too, and a line on stderr that they are no record
        Run before = cli("headline", "--from", "2021-09-01", "--to", "2021-10-31");
        assertThat(before.exitCode()).isZero();
        assertThat(before.out()).startsWith("2021年9月1日至10月31日，全市共处置电诈警情7宗");
        assertThat(before.err()).isEqualTo("fraudstats headline: warning: the records start on 2021-10-01, fraudstats.records-start: "
                + "the figures of the days before it are no record of the centre's, and the portal's headline refuses this period; "
                + "ask from 2021-10-01\n");
        Run from = cli("headline", "--from", "2021-10-01", "--to", "2021-10-31");
        assertThat(from.out()).startsWith("10月以来，全市共处置电诈警情3宗");
        assertThat(from.err()).isEmpty();
    }

    @Test
    void aRerunOfDaysBeforeTheStartIsRefused() {
        Run before = cli("rerun", "--from", "2021-09-14", "--to", "2021-10-02", "--out", out.toString());
        assertThat(before.exitCode()).isEqualTo(2);
        assertThat(before.err()).contains("--from 2021-09-14 is before the records start (2021-10-01, fraudstats.records-start): "
                + "no bulletin counts a day before it; rerun from 2021-10-01");
        assertThat(out.resolve("daily/2021-09-14")).doesNotExist();
    }

    @Test
    void theNightDoesNotReviseADailyOfADayBeforeTheStart() {
        // a daily of 14 August, published before the centre said where its records start (days no other test reads)
        publisher.daily(LocalDate.of(2021, 8, 14), out, Set.of(BulletinPublisher.Format.pdf), null, null);
        Drops drops = new Drops(home.resolve("inbox-night"));
        drops.write("2022-12-01", "cases.csv", Drops.CASES + "S9,2021-08-14T11:00:00+08:00,440604,,OTHER,100.00,\n"
                + "B9,2022-12-01T11:00:00+08:00,440604,,OTHER,100.00,\n");
        Run night = cli("nightly", "--date", "2022-12-01", "--inbox", drops.inbox().toString(), "--out", out.toString());
        assertThat(night.exitCode()).as(night.err()).isZero();
        // no correction "电诈警情 0 → 0" nor "3 → 0" to leadership for a load of strays (review)
        assertThat(night.out()).contains("2021-08-14  not revised: before the records start (2021-10-01, fraudstats.records-start), "
                + "which no bulletin counts").doesNotContain("2021-08-14  revised");
        assertThat(jdbc.queryForObject("SELECT max(revision) FROM bulletin_revision WHERE kind = 'daily' AND date_from = DATE '2021-08-14'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void aRefusalNamesTheSettingTheStartComesFrom() {
        // "the first day loaded" sent a statistician to the data, not to HOME/fraudstats.yml (tester)
        assertThat(firstDayLoaded.said(LocalDate.of(2021, 10, 1))).isEqualTo("the records start on 2021-10-01, fraudstats.records-start");
        assertThat(firstDayLoaded.saidInChinese(LocalDate.of(2021, 10, 1))).isEqualTo("数据记录自 2021-10-01 起（部署设置 fraudstats.records-start）");
    }

    private PublishedFigures published(String from) {
        return PublishedFigures.of(jdbc.queryForObject("SELECT figures::text FROM bulletin_revision WHERE kind = 'range' "
                + "AND date_from = CAST(? AS date) ORDER BY revision DESC LIMIT 1", String.class, from));
    }

    private String pdf(String period) throws IOException {
        try (PDDocument document = Loader.loadPDF(out.resolve("range/" + period + "/fraudstats-range-" + period + ".pdf").toFile())) {
            return new PDFTextStripper().getText(document).replace("\n", "").replace("\r", "");
        }
    }
}

package org.fraudstats.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.fraudstats.support.DatabaseTest;
import org.fraudstats.support.Drops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A weekly bulletin rendered before Sunday's drop came (the nightly still waiting for it) is revised by the
 * night that loads the late drop, like a daily bulletin, and says what moved; a range that holds no changed day
 * is left as it was.
 */
class RangeRevisionTest extends DatabaseTest {

    @TempDir
    Path inbox;

    @TempDir
    Path out;

    @Autowired
    NightlyPipeline pipeline;

    /**
     * A range bulletin whose days another run holds is refused as RunLock says it, unwrapped: the schedule waits on
     * exactly that (ScheduleRunner, WaitingWords.BUSY), and a catch turning it into a failure would bring back the
     * 周报 that was FAILED for good (review).
     */
    @Test
    void aRangeWhoseDaysAnotherRunHoldsIsRefusedAsTheLockSaysIt() {
        int before = jdbc.queryForObject("SELECT count(*) FROM bulletin_revision WHERE kind = 'range'", Integer.class);
        try (org.fraudstats.storage.RunLock.Held rerun = context.getBean(org.fraudstats.storage.RunLock.class)
                .days("rerun", LocalDate.of(2022, 10, 20), LocalDate.of(2022, 10, 20))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> pipeline.rangeBulletin(LocalDate.of(2022, 10, 17), LocalDate.of(2022, 10, 23), out))
                    .isExactlyInstanceOf(org.fraudstats.storage.RunLock.Refused.class);
        }
        // nothing published (the other test of this class may have published its own weeks before, in either order)
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bulletin_revision WHERE kind = 'range'", Integer.class)).isEqualTo(before);
    }

    @Test
    void aWeeklyBulletinIsRevisedWhenItsLateSundayArrives() throws java.io.IOException {
        Drops drops = new Drops(inbox);
        for (int d = 17; d <= 22; d++) {
            drops.write("2022-10-" + d, "cases.csv", Drops.CASES + "C" + d + ",2022-10-" + d + "T09:00:00+08:00,440604,,OTHER,100.00,\n");
            assertThat(night("2022-10-" + d).exitCode()).isZero();
        }
        // Sunday the 23rd: the drop is late, the week's bulletin goes out on Monday without it
        assertThat(night("2022-10-23").exitCode()).isEqualTo(1);
        // as the schedule runs it: published with 数据未到, a night's 1, MISSING_DATA (review 33d, 33e: the first render)
        assertThat(pipeline.scheduledRangeBulletin(LocalDate.of(2022, 10, 17), LocalDate.of(2022, 10, 23), out)).isEqualTo(1);
        assertThat(pipeline.rangeBulletin(LocalDate.of(2022, 10, 10), LocalDate.of(2022, 10, 16), out).revision()).isEqualTo(1);
        // the week's bulletin says which day's data had not come; the week before, all there, says nothing
        assertThat(jdbc.queryForList("SELECT date_from || ' ' || coalesce(figures -> 'notes' -> 'missing' ->> 'text', '-') "
                + "FROM bulletin_revision WHERE kind = 'range' ORDER BY date_from", String.class)).containsExactly(
                "2022-10-10 -", "2022-10-17 数据未到：2022-10-23 的数据尚未到达，本期只计入已报送的这些日期的记录，数字不全，数据到达后将以修订版重发。");
        // and rendered again, unchanged (kept as published): still 1; a whole week 0
        assertThat(pipeline.scheduledRangeBulletin(LocalDate.of(2022, 10, 17), LocalDate.of(2022, 10, 23), out)).isEqualTo(1);
        assertThat(pipeline.scheduledRangeBulletin(LocalDate.of(2022, 10, 10), LocalDate.of(2022, 10, 16), out)).isZero();

        // a week's 0 with Sunday missing is its six days' figure, printed and said; the missing Sunday's own 0 is no data
        String weekly = pdfText(out.resolve("range/2022-10-17_2022-10-23/fraudstats-range-2022-10-17_2022-10-23.pdf"));
        assertThat(weekly).contains("南海区 0 0.00").contains("佛山市 6 600.00").doesNotContain("南海区 —");
        // and its sentences say what they leave out: the week's and the year's were quoted as whole (review 31b); the
        // records begin on the 17th, so the year to date is named from it and is the week's own period here
        assertThat(weekly.replaceAll("\\s+", "")).contains("】10月17日至23日（10月23日数据未到，数字不全），全市共处置电诈警情6宗");
        assertThat(pdfText(out.resolve("daily/2022-10-23/fraudstats-daily-2022-10-23.pdf")).replaceAll("\\s+", ""))
                .contains("】10月17日至23日（10月23日数据未到，数字不全），全市共处置电诈警情6宗").doesNotContain("10月23日，全市");
        assertThat(pdfText(out.resolve("daily/2022-10-22/fraudstats-daily-2022-10-22.pdf")).replaceAll("\\s+", ""))
                .contains("10月17日至22日，全市共处置电诈警情6宗").doesNotContain("不含");
        assertThat(pdfText(out.resolve("daily/2022-10-23/fraudstats-daily-2022-10-23.pdf")))
                .contains("南海区 — — — — — — — — —").contains("佛山市 — — — — — — — — —").doesNotContain("本期无警情");
        var keyFigures = context.getBean(org.fraudstats.bulletin.KeyFigures.class);
        assertThat(keyFigures.of(false, LocalDate.of(2022, 10, 17), LocalDate.of(2022, 10, 23), published("range", "2022-10-17"))
                .orElseThrow().figures()).containsExactly("电诈警情 6宗（数据未到，数字不全，不计算同比、环比）",
                "止付账户 0个（数据未到，数字不全，不计算同比、环比）", "止付金额 0.00元（数据未到，数字不全，不计算同比、环比）",
                "返还案件 0宗（数据未到，数字不全，不计算同比、环比）", "返还金额 0.00元（数据未到，数字不全，不计算同比、环比）");
        // its mail's and page's year sentences say the day too, as the PDF's (review 31d: kept with the notice)
        assertThat(String.join("\n", keyFigures.of(false, LocalDate.of(2022, 10, 17), LocalDate.of(2022, 10, 23), published("range", "2022-10-17"))
                .orElseThrow().lines())).contains("10月17日至23日（10月23日数据未到，数字不全），全市共处置电诈警情6宗");
        assertThat(keyFigures.of(true, LocalDate.of(2022, 10, 23), LocalDate.of(2022, 10, 23), published("daily", "2022-10-23"))
                .orElseThrow().figures()).containsExactly("电诈警情 —（数据未到）", "止付账户 —（数据未到）",
                "止付金额 —（数据未到）", "返还案件 —（数据未到）", "返还金额 —（数据未到）");

        // Monday night loads Sunday's late drop with Monday's
        drops.write("2022-10-23", "cases.csv", Drops.CASES + "C23,2022-10-23T09:00:00+08:00,440605,,OTHER,50.00,\n");
        drops.write("2022-10-24", "cases.csv", Drops.CASES + "C24,2022-10-24T09:00:00+08:00,440604,,OTHER,10.00,\n");
        Run monday = night("2022-10-24");

        assertThat(monday.exitCode()).isZero();
        // the daily printed "—" for its zeros and no trend bar for its day: said so, not "0 → 1" (tester 31c)
        assertThat(monday.out()).contains("2022-10-23  revised to r2 (数据未到 → 数据已到达; 佛山市 电诈警情 — → 1;")
                .contains("2022-10-17_2022-10-23  revised to r2 (数据未到 → 数据已到达; 佛山市 电诈警情 6 → 7; 佛山市 案损金额 600.00 → 650.00; "
                        + "南海区 电诈警情 0 → 1; 南海区 案损金额 0.00 → 50.00;")
                .contains("; 趋势 2022-10-23 电诈警情 数据未到 → 1; 更正原因：")
                .doesNotContain("2022-10-10_2022-10-16");
        assertThat(Files.exists(out.resolve("range/2022-10-17_2022-10-23/fraudstats-range-2022-10-17_2022-10-23.r2.pdf"))).isTrue();
        // its manifest says it is a weekly, as revisions and the API do, beside the folder's kind (tester 31c)
        assertThat(Files.readString(out.resolve("range/2022-10-17_2022-10-23/manifest.json")))
                .containsPattern("\"kind\"\\s*:\\s*\"range\"").containsPattern("\"bulletin\"\\s*:\\s*\"weekly\"");
        assertThat(cli("revisions", "--from", "2022-10-10", "--to", "2022-10-23").out())
                .contains("weekly,2022-10-17,2022-10-23,2,").contains("weekly,2022-10-10,2022-10-16,1,")
                .doesNotContain("weekly,2022-10-10,2022-10-16,2,");

        // the next night changes nothing of that week: no further revision
        drops.write("2022-10-25", "cases.csv", Drops.CASES + "C25,2022-10-25T09:00:00+08:00,440604,,OTHER,10.00,\n");
        assertThat(night("2022-10-25").out()).doesNotContain("2022-10-17_2022-10-23");
    }

    private org.fraudstats.bulletin.PublishedFigures published(String kind, String from) {
        return org.fraudstats.bulletin.PublishedFigures.of(jdbc.queryForObject("SELECT figures::text FROM bulletin_revision "
                + "WHERE kind = ? AND date_from = ?::date AND revision = 1", String.class, kind, from));
    }

    private static String pdfText(Path pdf) {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("[ \\t]+", " ");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Run night(String date) {
        return cli("nightly", "--date", date, "--inbox", inbox.toString(), "--out", out.toString());
    }
}

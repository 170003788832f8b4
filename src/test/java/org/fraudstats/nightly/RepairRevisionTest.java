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
 * A fact corrected by hand in psql and put into the rollups by `verify --repair` is a change of the day like a
 * load's (V23): the next night revises that day's published bulletin and the week's that holds it, as revisions
 * saying what moved, and leaves the days the repair did not change as they were; no `rerun` by hand is needed.
 */
class RepairRevisionTest extends DatabaseTest {

    @TempDir
    Path inbox;

    @TempDir
    Path out;

    @Autowired
    NightlyPipeline pipeline;

    @Autowired
    StaleBulletins stale;

    @Test
    void theNightAfterARepairRevisesTheRepairedDaysBulletinAndItsWeek() throws Exception {
        Drops drops = new Drops(inbox)
                .write("2022-10-22", "cases.csv", Drops.CASES + "C22,2022-10-22T09:00:00+08:00,440604,,OTHER,100.00,\n")
                .write("2022-10-23", "cases.csv", Drops.CASES + "C23,2022-10-23T09:00:00+08:00,440605,,OTHER,50.00,\n");
        assertThat(night("2022-10-22").exitCode()).isZero();
        assertThat(night("2022-10-23").exitCode()).isZero();
        assertThat(pipeline.rangeBulletin(LocalDate.of(2022, 10, 17), LocalDate.of(2022, 10, 23), out).revision()).isEqualTo(1);

        // a statistician corrects the 22nd's loss in psql, then repairs the week's rollups
        jdbc.update("UPDATE fact_case SET loss_amount = 120.00 WHERE case_id = 'C22'");
        Run repair = cli("verify", "--from", "2022-10-17", "--to", "2022-10-23", "--repair");
        assertThat(repair.exitCode()).as(repair.err()).isZero();
        assertThat(stale.days(LocalDate.of(2022, 10, 24))).containsExactly(LocalDate.of(2022, 10, 22));
        assertThat(stale.ranges(LocalDate.of(2022, 10, 24)))
                .containsExactly(new StaleBulletins.Period(LocalDate.of(2022, 10, 17), LocalDate.of(2022, 10, 23)));

        drops.write("2022-10-24", "cases.csv", Drops.CASES + "C24,2022-10-24T09:00:00+08:00,440604,,OTHER,10.00,\n");
        Run monday = night("2022-10-24");
        assertThat(monday.exitCode()).as(monday.err()).isZero();
        assertThat(monday.out())
                // the first day of the records: its year to date is its day, listed once
                .contains("2022-10-22  revised to r2 (佛山市 案损金额 100.00 → 120.00; 禅城区 案损金额 100.00 → 120.00; "
                        + "诈骗类型 其他 案损金额 100.00 → 120.00; "
                        // and why: the day the repair changed
                        + "更正原因：2022-10-22 的数据有更新（迟报、更正或修复）): ")
                .contains("2022-10-17_2022-10-23  revised to r2 (佛山市 案损金额 150.00 → 170.00; 禅城区 案损金额 100.00 → 120.00; "
                        + "今年以来 全市 案损金额 150.00 → 170.00; 诈骗类型 其他 案损金额 150.00 → 170.00; "
                        + "更正原因：2022-10-22 的数据有更新（迟报、更正或修复）): ")
                // the 23rd's rows were right, so the repair did not change it and its bulletin is not rendered again
                .doesNotContainPattern("(?m)^2022-10-23 ")
                .contains("2022-10-24  bulletin r1");
        assertThat(Files.exists(out.resolve("daily/2022-10-22/fraudstats-daily-2022-10-22.r2.pdf"))).isTrue();
        assertThat(Files.exists(out.resolve("range/2022-10-17_2022-10-23/fraudstats-range-2022-10-17_2022-10-23.r2.pdf"))).isTrue();
        assertThat(stale.days(LocalDate.of(2022, 10, 25))).isEmpty();
        assertThat(stale.ranges(LocalDate.of(2022, 10, 25))).isEmpty();

        // the next night has nothing of the repair left to revise
        drops.write("2022-10-25", "cases.csv", Drops.CASES + "C25,2022-10-25T09:00:00+08:00,440604,,OTHER,10.00,\n");
        assertThat(night("2022-10-25").out()).doesNotContain("2022-10-22").doesNotContain("2022-10-17_2022-10-23");

        // a correction undone before the night (moved to 南海区, then back): the night renders the 22nd again, finds its
        // figures as published and says so, not "bulletin r2" as of a bulletin published (tester)
        drops.write("2022-10-26", "cases.csv", Drops.CASES + "C22,2022-10-22T09:00:00+08:00,440605,,OTHER,120.00,\n"
                + "C26,2022-10-26T09:00:00+08:00,440604,,OTHER,10.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-26").exitCode()).isZero();
        drops.write("2022-10-27", "cases.csv", Drops.CASES + "C22,2022-10-22T09:00:00+08:00,440604,,OTHER,120.00,\n");
        Run undone = night("2022-10-27");
        assertThat(undone.exitCode()).as(undone.err()).isZero();
        assertThat(undone.out()).contains("2022-10-22  unchanged since published, kept as r2: ").doesNotContain("2022-10-22  bulletin r2");

        // a rerun over the revised day with nothing new publishes nothing: r2's files keep their bytes and their list
        // of changes (rendered again in place, they said "变化的数字：无"), r2 its publication time
        Path folder = out.resolve("daily/2022-10-22");
        Path pdf = folder.resolve("fraudstats-daily-2022-10-22.r2.pdf");
        Path xlsx = folder.resolve("fraudstats-daily-2022-10-22.r2.xlsx");
        String changed = "本期为修订版（第2版），与上一版相比变化的数字：佛山市 案损金额 100.00 → 120.00；";
        assertThat(pdfText(pdf)).contains(changed)
                // the reason after the changed figures, not listed as one of them
                .contains("诈骗类型 其他 案损金额").contains("→ 120.00。更正原因：2022-10-22 的数据有更新（迟报、更正或修复）。");
        byte[] pdfBytes = Files.readAllBytes(pdf);
        byte[] manifest = Files.readAllBytes(folder.resolve("manifest.json"));
        String publishedAt = jdbc.queryForObject("SELECT generated_at::text FROM bulletin_revision "
                + "WHERE kind = 'daily' AND date_from = DATE '2022-10-22' AND revision = 2", String.class);
        Run again = cli("rerun", "--from", "2022-10-22", "--to", "2022-10-22", "--out", out.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("1 daily bulletins rendered into ")
                .contains("\n1 daily bulletin unchanged since published, kept as published (no new revision, nothing mailed)\n");
        assertThat(Files.readAllBytes(pdf)).isEqualTo(pdfBytes);
        assertThat(Files.readAllBytes(folder.resolve("manifest.json"))).isEqualTo(manifest);
        assertThat(jdbc.queryForObject("SELECT generated_at::text FROM bulletin_revision "
                + "WHERE kind = 'daily' AND date_from = DATE '2022-10-22' AND revision = 2", String.class)).isEqualTo(publishedAt);
        assertThat(stale.days(LocalDate.of(2022, 10, 25))).isEmpty();

        // a file of the revision deleted is written again, with the revision's own list of changes
        Files.delete(xlsx);
        assertThat(cli("rerun", "--from", "2022-10-22", "--to", "2022-10-22", "--out", out.toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(pdf)).isEqualTo(pdfBytes);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(xlsx))) {
            StringBuilder quality = new StringBuilder();
            workbook.getSheet("数据质量").forEach(row -> row.forEach(cell -> quality.append(cell.toString()).append('\n')));
            assertThat(quality.toString()).contains("修订变化\n佛山市 案损金额 100.00 → 120.00\n修订变化\n禅城区 案损金额 100.00 → 120.00")
                    .contains("修订变化\n诈骗类型 其他 案损金额 100.00 → 120.00\n更正原因\n2022-10-22 的数据有更新（迟报、更正或修复）\n");
        }
    }

    private static String pdfText(Path pdf) throws java.io.IOException {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replace("\n", "");
        }
    }

    private Run night(String date) {
        return cli("nightly", "--date", date, "--inbox", inbox.toString(), "--out", out.toString());
    }
}

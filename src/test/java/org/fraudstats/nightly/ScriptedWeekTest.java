package org.fraudstats.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fraudstats.support.DatabaseTest;
import org.fraudstats.support.Drops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A week of nightly runs as the schedule would do them, with a late case, a drop that arrives a day late and a
 * correction that moves a case to another district. Afterwards every published figure equals a fresh
 * computation, and every change to a published day is a revision that says what moved.
 */
class ScriptedWeekTest extends DatabaseTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path inbox;

    @TempDir
    Path out;

    @Test
    void aWeekOfNightsRevisesWhatChangedAndNothingElse(@org.junit.jupiter.api.io.TempDir Path manual) throws Exception {
        Drops drops = new Drops(inbox);
        // night of 1 October: two cases
        drops.write("2022-10-01", "cases.csv", Drops.CASES
                + "C1,2022-10-01T09:00:00+08:00,440604,,OTHER,100.00,\n"
                + "C2,2022-10-01T10:00:00+08:00,440605,,ROMANCE,200.00,\n");
        assertThat(nightly("2022-10-01").exitCode()).isZero();

        // night of 2 October: a case of the 2nd, and a case of the 1st reported late
        drops.write("2022-10-02", "cases.csv", Drops.CASES
                + "C3,2022-10-02T09:00:00+08:00,440604,,OTHER,300.00,\n"
                + "C4,2022-10-01T20:00:00+08:00,440606,,FAKE_LOAN,400.00,\n");
        Run night2 = nightly("2022-10-02");
        assertThat(night2.exitCode()).isZero();
        assertThat(night2.out()).contains("2022-10-01  revised to r2 (佛山市 电诈警情 2 → 3; 佛山市 案损金额 300.00 → 700.00; "
                + "顺德区 电诈警情 0 → 1; 顺德区 案损金额 0.00 → 400.00; ");

        // night of 3 October: the drop has not come
        Run night3 = nightly("2022-10-03");
        assertThat(night3.exitCode()).isEqualTo(1);
        assertThat(night3.err()).contains("the drop of 2022-10-03 has not arrived (数据未到)");
        // its trend leaves the day empty and says why: drawn as 0, the day fell to the floor of the chart (tester A)
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(out.resolve("daily/2022-10-03/fraudstats-daily-2022-10-03.pdf").toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", ""))
                    .contains("四、近30日警情及止付金额走势（10月1日前无记录，10月3日数据未到，图中空缺）");
        }

        // night of 4 October: the 3rd's drop arrives a day late, with the 4th's
        drops.write("2022-10-03", "cases.csv", Drops.CASES + "C5,2022-10-03T09:00:00+08:00,440607,,OTHER,50.00,\n");
        drops.write("2022-10-04", "warnings.csv", Drops.WARNINGS + "W1,2022-10-04T09:00:00+08:00,440608,VISIT,DISSUADED\n");
        Run night4 = nightly("2022-10-04");
        assertThat(night4.exitCode()).isZero();
        // the 3rd's bulletin said 数据未到: its revision says first that the data came
        assertThat(night4.out()).contains("2022-10-03  revised to r2 (数据未到 → 数据已到达; 佛山市 电诈警情 — → 1; 佛山市 案损金额 — → 50.00; "
                + "三水区 电诈警情 — → 1; 三水区 案损金额 — → 50.00; ")
                // its trend's bar of the day is the city's change, listed once (it printed no bar: 数据未到 → 1)
                .doesNotContain("趋势 2022-10-03");

        // night of 5 October: a correction moves C2 from Nanhai to Sanshui
        drops.write("2022-10-05", "cases.csv", Drops.CASES + "C2,2022-10-01T10:00:00+08:00,440607,,ROMANCE,200.00,\n");
        Run night5 = nightly("2022-10-05");
        assertThat(night5.out()).contains("2022-10-01  revised to r3 (南海区 电诈警情 1 → 0; 南海区 案损金额 200.00 → 0.00; "
                + "三水区 电诈警情 0 → 1; 三水区 案损金额 0.00 → 200.00");

        // a late case of the 4th loaded by hand between nights: the next night revises the 4th all the same
        // (a folder of its own that JUnit deletes: beside the inbox it stayed in /tmp after every run)
        new Drops(manual).write("2022-10-05", "warnings.csv", Drops.WARNINGS + "W2,2022-10-04T10:00:00+08:00,440604,SMS,UNREACHED\n");
        assertThat(cli("ingest", "--inbox", manual.toString()).exitCode()).isZero();

        // nights of 6 and 7 October: nothing late; the 7th run twice is harmless
        // (and a case whose year was mistyped into the past: loaded as written, and said on a line of its own)
        drops.write("2022-10-06", "cases.csv", Drops.CASES + "C6,2022-10-06T09:00:00+08:00,440608,,OTHER,60.00,\n"
                + "C7,2012-10-06T09:00:00+08:00,440608,,OTHER,70.00,\n");
        drops.write("2022-10-07", "refunds.csv", Drops.REFUNDS + "R1,C6,10.00,2022-10-07T12:00:00+08:00\n");
        Run night6 = nightly("2022-10-06");
        assertThat(night6.exitCode()).isZero();
        assertThat(night6.out()).contains("2022-10-04  revised to r2 (佛山市 处置预警 1 → 2; 禅城区 处置预警 0 → 1; ");
        // on standard error, as ingest's warnings
        assertThat(night6.err()).contains("fraudstats nightly: 2022-10-06  warning: cases.csv line 3 is dated 2012-10-06, before 2021-01-01, earlier than any "
                + "bulletin of its drop's day shows (1 row so dated); loaded as written: check the source\n");
        assertThat(nightly("2022-10-07").exitCode()).isZero();
        Run again = nightly("2022-10-07");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("2022-10-07  drop unchanged (already loaded)").doesNotContain("revised")
                .contains("6 earlier drops unchanged (already loaded)").doesNotContain("2022-10-01  drop unchanged");

        // every day's latest revision shows what a fresh computation gives, and its PDF is there
        for (LocalDate day = LocalDate.of(2022, 10, 1); !day.isAfter(LocalDate.of(2022, 10, 7)); day = day.plusDays(1)) {
            String published = jdbc.queryForObject("SELECT figures::text FROM bulletin_revision WHERE kind = 'daily' "
                    + "AND date_from = ? ORDER BY revision DESC LIMIT 1", String.class, day);
            Map<String, Map<String, String>> printed = JSON.readValue(published,
                    new TypeReference<Map<String, Map<String, Map<String, String>>>>() { }).get("areas");
            List<String> fresh = cli("metrics", "--from", day.toString(), "--to", day.toString()).out().lines().toList();
            String[] keys = fresh.get(0).split(",", -1);
            for (String row : fresh.subList(1, fresh.size())) {
                String[] f = row.split(",", -1);
                for (int k = 3; k < keys.length; k++) {
                    assertThat(printed.get(f[2]).get(keys[k])).as(day + " " + f[2] + " " + keys[k]).isEqualTo(f[k]);
                }
            }
        }
        assertThat(Files.exists(out.resolve("daily/2022-10-01/fraudstats-daily-2022-10-01.r3.pdf"))).isTrue();
        assertThat(Files.readString(out.resolve("daily/2022-10-01/manifest.json")))
                .contains("fraudstats-daily-2022-10-01.pdf").contains("fraudstats-daily-2022-10-01.r2.pdf")
                .contains("fraudstats-daily-2022-10-01.r3.pdf").contains("南海区 电诈警情 1 → 0");

        Run revisions = cli("revisions", "--from", "2022-10-01", "--to", "2022-10-07");
        assertThat(revisions.out().lines().filter(l -> l.startsWith("daily,")).count()).isEqualTo(7 + 4);
        assertThat(revisions.out()).contains("daily,2022-10-01,2022-10-01,3,");
    }

    private Run nightly(String date) {
        return cli("nightly", "--date", date, "--inbox", inbox.toString(), "--out", out.toString());
    }
}

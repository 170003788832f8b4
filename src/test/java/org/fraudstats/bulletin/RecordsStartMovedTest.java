package org.fraudstats.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.fraudstats.support.DatabaseTest;
import org.fraudstats.support.Drops;
import org.fraudstats.web.portal.RerunPlans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A stray record dated before the first day of the records (no fraudstats.records-start) moves that day back, and
 * with it every base reaching before it: a 2022 daily's 今年以来同比, not computed against a 去年同期 holding only
 * October 2021's records, is computed again. The daily was said unchanged, the dry run foresaw nothing, and the rerun
 * published a revision naming only the note while ten cells came (r38d). The days between the old first day and the
 * new are the load's changed days now, and the revision names each change that came, and why: the first day moved, not
 * nine months of data updated (review r38g).
 */
class RecordsStartMovedTest extends DatabaseTest {

    @Autowired
    RerunPlans plans;

    @Test
    void aStrayRecordBeforeTheFirstDayMarksTheBulletinsReachingBackAndTheirRevisionNamesWhatCame() {
        Path home = org.fraudstats.support.TestPostgres.tempHome();
        Path out = home.resolve("out");
        Drops drops = new Drops(home.resolve("inbox"));
        drops.write("2021-10-01", "cases.csv", Drops.CASES + "A1,2021-10-01T09:00:00+08:00,440604,,OTHER,100.00,\n");
        drops.write("2021-10-05", "cases.csv", Drops.CASES + "A2,2021-10-05T09:00:00+08:00,440604,,OTHER,100.00,\n");
        drops.write("2022-10-05", "cases.csv", Drops.CASES + "B1,2022-10-05T09:00:00+08:00,440604,,OTHER,100.00,\n"
                + "B2,2022-10-05T10:00:00+08:00,440604,,OTHER,100.00,\n" + "B3,2022-10-05T11:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", drops.inbox().toString()).exitCode()).isZero();
        assertThat(cli("rerun", "--from", "2022-10-05", "--to", "2022-10-05", "--out", out.toString()).exitCode()).isZero();
        assertThat(status()).isEqualTo("unchanged");

        drops.write("2022-10-06", "cases.csv", Drops.CASES + "S1,2020-12-31T09:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", drops.inbox().toString(), "--date", "2022-10-06").exitCode()).isZero();
        // the days from the new first day to the old one: of no record before, of the records now
        assertThat(jdbc.queryForObject("SELECT count(*) || ' ' || min(business_day) || ' ' || max(business_day) FROM changed_day "
                + "WHERE job_execution_id = (SELECT max(job_execution_id) FROM drop_load)", String.class))
                .isEqualTo("274 2020-12-31 2021-09-30");
        assertThat(status()).isEqualTo("may-revise");

        assertThat(cli("rerun", "--from", "2022-10-05", "--to", "2022-10-05", "--out", out.toString()).exitCode()).isZero();
        assertThat(cli("revisions", "--from", "2022-10-05", "--to", "2022-10-05").out())
                .contains("今年以来或去年同期无记录 最早记录为2021-10-01 → 无; 今年以来同比 全市 电诈警情 — → +50.0%; "
                        + "今年以来同比 全市 案损金额 — → +50.0%; 更正原因：最早记录的日期有变动（载入了更早的记录，或这样的记录改到了其他日期）\"");
        assertThat(status()).isEqualTo("unchanged");
    }

    private String status() {
        List<RerunPlans.DayOutlook> outlook = plans.plan(LocalDate.of(2022, 10, 5), LocalDate.of(2022, 10, 5),
                Set.of(BulletinPublisher.Format.pdf), false).outlook();
        return outlook.get(0).status();
    }
}

package org.fraudstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.fraudstats.support.DatabaseTest;
import org.fraudstats.support.Drops;
import org.junit.jupiter.api.Test;

/**
 * A drop holding records older than anything loaded before moves the start of the records back, and every base
 * reaching back with it: a tester's drop of stray September records made a day of two refunds a whole base (同比 +50.0%)
 * and nothing said so. The load says it, and how to keep the start where it was.
 */
class RecordsBeforeTheFirstDayTest extends DatabaseTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.fraudstats.bulletin.BulletinPublisher publisher;

    @Test
    void aDropOfRecordsOlderThanTheFirstDayLoadedSaysItMovesTheStartBack() {
        forgetEverything();
        Drops drops = new Drops(org.fraudstats.support.TestPostgres.tempHome().resolve("inbox"));
        drops.write("2022-10-01", "cases.csv", Drops.CASES + "A1,2022-10-01T09:00:00+08:00,440604,,OTHER,100.00,\n");
        Run first = cli("ingest", "--inbox", drops.inbox().toString());
        assertThat(first.exitCode()).isZero();
        // the first drop of a deployment starts the records wherever it starts
        assertThat(first.err()).isEmpty();

        drops.write("2022-10-02", "cases.csv", Drops.CASES + "A2,2022-10-02T09:00:00+08:00,440604,,OTHER,100.00,\n"
                + "S1,2022-09-28T09:00:00+08:00,440605,,OTHER,100.00,\n" + "S2,2022-09-29T09:00:00+08:00,440605,,OTHER,100.00,\n");
        Run stray = cli("ingest", "--inbox", drops.inbox().toString(), "--date", "2022-10-02");
        assertThat(stray.exitCode()).isZero();
        assertThat(stray.err()).isEqualTo("fraudstats ingest: warning: drop 2022-10-02: cases.csv line 3 is dated 2022-09-28 "
                + "(2 rows dated before 2022-10-01), before the first day loaded so far: the records now start on 2022-09-28, and "
                + "every base reaching back counts from it; if these are stray records, set fraudstats.records-start: 2022-10-01 "
                + "(README, Configuration)\n");
        // loaded as written
        assertThat(cli("metrics", "--from", "2022-09-28", "--to", "2022-09-29", "--district", "440600").out()).contains(",440600,2,");
    }

    /**
     * A stop-payment effective the evening before its case's day is a record, not a stray: it moves no start, is said by
     * no warning, and the first year's figures count it as they always did (review: counted from the first day, a
     * published 止付账户 12 would have become 11 and been mailed as a correction).
     */
    @Test
    void aStopEffectiveBeforeTheFirstDayIsNoStrayWithoutTheSetting() throws java.io.IOException {
        forgetEverything();
        java.nio.file.Path home = org.fraudstats.support.TestPostgres.tempHome();
        Drops drops = new Drops(home.resolve("inbox"));
        drops.write("2022-10-01", "cases.csv", Drops.CASES + "A1,2022-10-01T09:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", drops.inbox().toString()).exitCode()).isZero();
        drops.write("2022-10-02", "cases.csv", Drops.CASES + "A2,2022-10-02T00:10:00+08:00,440604,,OTHER,100.00,\n")
                .write("2022-10-02", "freezes.csv", Drops.FREEZES + "F2,A2,STOP_PAYMENT,,TESTACCT3333,500.00,2022-09-30T23:50:00+08:00\n");
        Run late = cli("ingest", "--inbox", drops.inbox().toString(), "--date", "2022-10-02");
        assertThat(late.exitCode()).isZero();
        assertThat(late.err()).doesNotContain("before the first day");
        String metrics = cli("metrics", "--from", "2022-01-01", "--to", "2022-10-31", "--district", "440600").out();
        publisher.range(java.time.LocalDate.of(2022, 10, 1), java.time.LocalDate.of(2022, 10, 31), home.resolve("out"),
                java.util.Set.of(org.fraudstats.bulletin.BulletinPublisher.Format.pdf), null);
        String pdf;
        try (var document = org.apache.pdfbox.Loader.loadPDF(home.resolve("out/range/2022-10-01_2022-10-31/"
                + "fraudstats-range-2022-10-01_2022-10-31.pdf").toFile())) {
            pdf = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replace("\n", "");
        }
        // the year to date, named from the first day, holds what metrics counts from 1 January
        String stops = metrics.split("\n")[1].split(",")[5];
        assertThat(stops).isEqualTo("1");
        assertThat(pdf).contains("全市今年以来（2022年10月1日至10月31日，此前无记录）").contains("止付账户（个） 1 ");
    }
}

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
}

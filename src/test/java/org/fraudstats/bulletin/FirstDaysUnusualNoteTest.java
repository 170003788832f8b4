package org.fraudstats.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import org.fraudstats.support.DatabaseTest;
import org.fraudstats.support.Drops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 异常提示 of a deployment's first days, or of a backfill of them: the days before anything was loaded are no data,
 * not 28 days of no fraud (tester: 南海区警情6宗，为近28日日均0.1宗的56.0倍 on the third day of the history).
 */
class FirstDaysUnusualNoteTest extends DatabaseTest {

    @TempDir
    Path inbox;

    @Autowired
    UnusualNotes notes;

    @Test
    void theFirstDaysOfDataAreNotJudgedAgainstDaysBeforeThem() {
        forgetEverything();
        StringBuilder cases = new StringBuilder(Drops.CASES);
        // one case a day for nine days, then six in 南海区 on the tenth
        for (int d = 1; d <= 9; d++) {
            cases.append("A").append(d).append(",2021-10-0").append(d).append("T09:00:00+08:00,440604,,OTHER,100.00,\n");
        }
        for (int i = 1; i <= 6; i++) {
            cases.append("B").append(i).append(",2021-10-10T09:00:00+08:00,440605,,OTHER,100.00,\n");
        }
        new Drops(inbox).write("2021-10-10", "cases.csv", cases.toString());
        assertThat(cli("ingest", "--inbox", inbox.toString()).exitCode()).isZero();

        // the first day has no day of data behind it, the third two: too few to judge by
        assertThat(notes.of(LocalDate.of(2021, 10, 1))).isEqualTo("近28日无数据，未作判断。");
        assertThat(notes.of(LocalDate.of(2021, 10, 3))).isEqualTo("近28日中有数据的仅2日，未作判断。");
        // the tenth has nine days of data behind it, none of 南海区's: six cases there are unusual against those nine
        assertThat(notes.of(LocalDate.of(2021, 10, 10))).isEqualTo("南海区警情6宗，近28日中有数据的9日无警情。");
    }
}

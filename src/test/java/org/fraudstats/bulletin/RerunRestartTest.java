package org.fraudstats.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;

import org.fraudstats.storage.RunLock;
import org.fraudstats.support.DatabaseTest;
import org.fraudstats.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A rerun that failed half-way renders only its missing days when run again; overlapping runs are refused. */
class RerunRestartTest extends DatabaseTest {

    @Autowired
    RunLock runLock;

    @Test
    void aFailedRerunRunAgainRendersOnlyTheMissingDays() throws Exception {
        assertThat(cli("ingest", "--inbox", SAMPLE_INBOX.toString(), "--from", "2022-10-01", "--to", "2022-10-06").exitCode()).isZero();
        Path out = TestPostgres.tempHome().resolve("out");
        // a file where the 3rd's folder should be: that day cannot be written
        Files.createDirectories(out.resolve("daily"));
        Path obstacle = Files.writeString(out.resolve("daily/2022-10-03"), "not a folder");

        Run failed = cli("rerun", "--from", "2022-10-01", "--to", "2022-10-05", "--out", out.toString());
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).startsWith("fraudstats rerun: rerun 2022-10-01..2022-10-05 failed").contains("run the same command again");
        Path done = out.resolve("daily/2022-10-01/fraudstats-daily-2022-10-01.pdf");
        assertThat(done).exists();
        FileTime firstRender = Files.getLastModifiedTime(done);

        Files.delete(obstacle);
        Thread.sleep(20);
        Run again = cli("rerun", "--from", "2022-10-01", "--to", "2022-10-05", "--out", out.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("restarted");
        assertThat(out.resolve("daily/2022-10-03/fraudstats-daily-2022-10-03.pdf")).exists();
        assertThat(Files.getLastModifiedTime(done)).isEqualTo(firstRender);
    }

    @Test
    void runsOverOverlappingDatesAreRefusedNotRaced() {
        try (RunLock.Held nightly = runLock.days("nightly", LocalDate.of(2022, 10, 10), LocalDate.of(2022, 10, 12))) {
            Run rerun = cli("rerun", "--from", "2022-10-12", "--to", "2022-10-14", "--out", TestPostgres.tempHome().toString());
            assertThat(rerun.exitCode()).isEqualTo(1);
            assertThat(rerun.err()).isEqualTo("fraudstats rerun: rerun 2022-10-12..2022-10-14 refused: another run (rerun or "
                    + "nightly) is working on some of these days; try again when it has finished\n");
            Run elsewhere = cli("rerun", "--from", "2022-10-13", "--to", "2022-10-13", "--out", TestPostgres.tempHome().toString());
            assertThat(elsewhere.exitCode()).as(elsewhere.err()).isZero();
        }
    }
}

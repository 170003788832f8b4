package org.fraudstats.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;

import org.fraudstats.storage.RunLock;
import org.fraudstats.support.DatabaseTest;
import org.fraudstats.support.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A rerun that failed half-way renders only its missing days when run again; overlapping runs are refused. */
class RerunRestartTest extends DatabaseTest {

    @Autowired
    RunLock runLock;

    @BeforeEach
    void drops() {
        Run ingest = cli("ingest", "--inbox", SAMPLE_INBOX.toString(), "--from", "2022-10-01", "--to", "2022-10-15");
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
    }

    @Test
    void aFailedRerunRunAgainRendersOnlyTheMissingDays() throws Exception {
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

    /**
     * A stop asked while a day was being rendered leaves its step STOPPED once the bulletin is saved (Batch checks for a
     * stop after the work too): the day is done and counted so; its restart renders it again, which publishes nothing
     * and counts it as rendered now only for a new revision (r33f, r34a: 4 of 10 done beside 5 published, and the
     * restart counted the fifth a second time).
     */
    @Test
    void aDaySavedAsAStopCameIsDone_andNotRenderedAgainByTheRestart() throws Exception {
        Path out = TestPostgres.tempHome().resolve("out");
        ownDays("2022-11-01", "2022-11-02");
        Run first = cli("rerun", "--from", "2022-11-01", "--to", "2022-11-02", "--out", out.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        // as the stop leaves it: the run and the 2nd's step STOPPED, the 2nd's bulletin and step context saved
        long id = stoppedOn("2022-11-02");
        Path pdf = out.resolve("daily/2022-11-02/fraudstats-daily-2022-11-02.pdf");
        FileTime rendered = Files.getLastModifiedTime(pdf);
        var named = new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(jdbc);
        assertThat(named.queryForObject(org.fraudstats.storage.SqlFiles.load("web/rerun-days-done.sql"), java.util.Map.of("id", id),
                Integer.class)).isEqualTo(2);

        Thread.sleep(20);
        Run again = cli("rerun", "--from", "2022-11-01", "--to", "2022-11-02", "--out", out.toString());

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("restarted: 0 rendered now, 2 before it stopped");
        assertThat(Files.getLastModifiedTime(pdf)).isEqualTo(rendered);

        // stopped so again, and a late record of the 2nd loaded meanwhile: rendered again, or its bulletin would stay
        // without the record (r34d)
        stoppedOn("2022-11-02");
        lateRecord("2022-11-10", "2022-11-02");
        Run third = cli("rerun", "--from", "2022-11-01", "--to", "2022-11-02", "--out", out.toString());
        assertThat(third.exitCode()).as(third.err()).isZero();
        // started anew, the load having changed a day of the period (theSameRerunAfterALoadChangedAFinishedDay…)
        assertThat(third.out()).doesNotContain("restarted");
        // rendered by the restart, with the late record: its second revision
        assertThat(jdbc.queryForObject("SELECT max(revision) || ' ' || (max(job_execution_id) = ?) FROM bulletin_revision "
                + "WHERE kind = 'daily' AND date_from = '2022-11-02'", String.class, jdbc.queryForObject(
                "SELECT max(job_execution_id) FROM batch_job_execution", Long.class))).isEqualTo("2 true");
    }

    /**
     * The same command run again after a load changed a day the stopped run had finished starts anew: restarted, Batch
     * skipped that day's completed step, and its bulletin stayed as it was while the run said every day was rendered
     * (r34e: a 数据未到 bulletin kept after its data came).
     */
    @Test
    void theSameRerunAfterALoadChangedAFinishedDayRendersItAgain() throws Exception {
        Path out = TestPostgres.tempHome().resolve("out");
        ownDays("2022-11-03", "2022-11-04");
        Run first = cli("rerun", "--from", "2022-11-03", "--to", "2022-11-04", "--out", out.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        // stopped on the 4th, the 3rd finished
        long id = stoppedOn("2022-11-04");
        lateRecord("2022-11-11", "2022-11-03");

        Run again = cli("rerun", "--from", "2022-11-03", "--to", "2022-11-04", "--out", out.toString());

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).doesNotContain("restarted");
        assertThat(jdbc.queryForObject("SELECT max(revision) || ' ' || (max(job_execution_id) > ?) FROM bulletin_revision "
                + "WHERE kind = 'daily' AND date_from = '2022-11-03'", String.class, id)).isEqualTo("2 true");
    }

    /** A rerun whose failure Batch could not write down (the disk full) is UNKNOWN, which Batch restarts never (tester E). */
    @Test
    void aRerunLeftUnknownIsRestartedByTheSameRerun() throws Exception {
        Path out = TestPostgres.tempHome().resolve("out");
        Files.createDirectories(out.resolve("daily"));
        Path obstacle = Files.writeString(out.resolve("daily/2022-10-12"), "not a folder");
        Run failed = cli("rerun", "--from", "2022-10-11", "--to", "2022-10-12", "--out", out.toString());
        assertThat(failed.exitCode()).isEqualTo(1);
        long id = jdbc.queryForObject("SELECT max(job_execution_id) FROM batch_job_execution", Long.class);
        jdbc.update("UPDATE batch_job_execution SET status = 'UNKNOWN', exit_code = 'UNKNOWN' WHERE job_execution_id = ?", id);
        jdbc.update("UPDATE batch_step_execution SET status = 'UNKNOWN', exit_code = 'UNKNOWN' WHERE job_execution_id = ? "
                + "AND status = 'FAILED'", id);
        Files.delete(obstacle);

        Run again = cli("rerun", "--from", "2022-10-11", "--to", "2022-10-12", "--out", out.toString());

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("restarted");
        assertThat(out.resolve("daily/2022-10-12/fraudstats-daily-2022-10-12.pdf")).exists();
        assertThat(jdbc.queryForObject("SELECT status FROM batch_job_execution WHERE job_execution_id = ?", String.class, id))
                .isEqualTo("FAILED");
    }

    @Test
    void aRerunKilledHalfWayIsRestartedByTheSameRerunWhichRendersOnlyTheMissingDays() throws Exception {
        Path out = TestPostgres.tempHome().resolve("out");
        long killed = killedHalfWay(out, "2022-10-07", "2022-10-09");
        Path done = out.resolve("daily/2022-10-07/fraudstats-daily-2022-10-07.pdf");
        FileTime firstRender = Files.getLastModifiedTime(done);
        Thread.sleep(20);

        Run again = cli("rerun", "--from", "2022-10-07", "--to", "2022-10-09", "--out", out.toString(), "--formats", "pdf");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("restarted");
        assertThat(status(killed)).isEqualTo("FAILED");
        assertThat(out.resolve("daily/2022-10-08/fraudstats-daily-2022-10-08.pdf")).exists();
        assertThat(Files.getLastModifiedTime(done)).isEqualTo(firstRender);
    }

    @Test
    void aRerunKilledHalfWayCanBeRestartedById() throws Exception {
        Path out = TestPostgres.tempHome().resolve("out");
        long killed = killedHalfWay(out, "2022-10-10", "2022-10-12");

        Run restart = cli("restart", Long.toString(killed));

        assertThat(restart.exitCode()).as(restart.err()).isZero();
        assertThat(restart.out()).startsWith("job execution " + killed + " restarted as ").endsWith(": COMPLETED\n");
        assertThat(out.resolve("daily/2022-10-11/fraudstats-daily-2022-10-11.pdf")).exists();

        // once more: restarted already, it is said so in one line (Batch's refusal listed every parameter)
        long again = Long.parseLong(restart.out().replaceAll("(?s).* restarted as ([0-9]+):.*", "$1"));
        Run twice = cli("restart", Long.toString(killed));
        assertThat(twice.exitCode()).isEqualTo(1);
        assertThat(twice.err()).isEqualTo("fraudstats restart: job execution " + killed + " was restarted as " + again
                + ", which completed: there is nothing to restart\n");
    }

    @Test
    void restartingARerunByIdIsRefusedWhileAnotherRunHoldsItsDays() throws Exception {
        Path out = TestPostgres.tempHome().resolve("out");
        long killed = killedHalfWay(out, "2022-10-13", "2022-10-15");

        try (RunLock.Held nightly = runLock.days("nightly", LocalDate.of(2022, 10, 15), LocalDate.of(2022, 10, 15))) {
            Run restart = cli("restart", Long.toString(killed));
            assertThat(restart.exitCode()).isEqualTo(1);
            assertThat(restart.err()).isEqualTo("fraudstats restart: restart " + killed + " 2022-10-13..2022-10-15 refused: "
                    + "another run (rerun or nightly) is working on some of these days; try again when it has finished\n");
        }
        assertThat(status(killed)).isEqualTo("STARTED");
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

    /**
     * What kill -9 leaves of a rerun over three days whose first finished: the execution, the step over the days
     * and the partition of the day being rendered all marked STARTED, nobody to finish them. Made by a rerun
     * whose second day cannot be written, then marked as the dead process would have left it.
     */
    private long killedHalfWay(Path out, String from, String to) throws Exception {
        LocalDate second = LocalDate.parse(from).plusDays(1);
        Files.createDirectories(out.resolve("daily"));
        Path obstacle = Files.writeString(out.resolve("daily/" + second), "not a folder");
        Run failed = cli("rerun", "--from", from, "--to", to, "--out", out.toString(), "--formats", "pdf");
        assertThat(failed.exitCode()).as(failed.out()).isEqualTo(1);
        Files.delete(obstacle);
        long id = jdbc.queryForObject("SELECT max(job_execution_id) FROM batch_job_execution", Long.class);
        jdbc.update("UPDATE batch_job_execution SET status = 'STARTED', exit_code = 'UNKNOWN', end_time = NULL "
                + "WHERE job_execution_id = ?", id);
        jdbc.update("UPDATE batch_step_execution SET status = 'STARTED', exit_code = 'EXECUTING', end_time = NULL "
                + "WHERE job_execution_id = ? AND status <> 'COMPLETED'", id);
        assertThat(out.resolve("daily/" + from + "/fraudstats-daily-" + from + ".pdf")).exists();
        return id;
    }

    /** The latest rerun as a stop leaves it while {@code day} was being rendered: the run and that day's step STOPPED. */
    private long stoppedOn(String day) {
        long id = jdbc.queryForObject("SELECT max(job_execution_id) FROM batch_job_execution", Long.class);
        jdbc.update("UPDATE batch_job_execution SET status = 'STOPPED', exit_code = 'STOPPED' WHERE job_execution_id = ?", id);
        jdbc.update("UPDATE batch_step_execution SET status = 'STOPPED', exit_code = 'STOPPED' WHERE job_execution_id = ? "
                + "AND step_name IN ('renderDays', 'renderDay:day-" + day + "')", id);
        return id;
    }

    /** A late case of {@code day} loaded in a drop dated {@code dropDate}. */
    private void lateRecord(String dropDate, String day) throws Exception {
        caseDrop(dropDate, "FSLATE", day);
    }

    /**
     * Days of November no other test renders nor loads, one case each in drops of their own: the sample's later drops
     * carry late records of the days other tests render, whose revisions then became .r2 files their tests did not
     * find (the methods run in a random order).
     */
    private void ownDays(String from, String to) throws Exception {
        for (LocalDate day = LocalDate.parse(from); !day.isAfter(LocalDate.parse(to)); day = day.plusDays(1)) {
            caseDrop(day.toString(), "FSOWN", day.toString());
        }
    }

    private void caseDrop(String dropDate, String idPrefix, String day) throws Exception {
        Path drop = Files.createDirectories(TestPostgres.tempHome().resolve("inbox/" + dropDate));
        Files.writeString(drop.resolve("cases.csv"), "case_id,reported_at,district_code,station,fraud_type,loss_amount,victim_age\n"
                + idPrefix + day.replace("-", "") + "," + day + "T10:00:00+08:00,440604,禅城分局祖庙派出所,FAKE_LOAN,1000.00,\n");
        Run ingest = cli("ingest", "--inbox", drop.getParent().toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
    }

    private String status(long jobExecutionId) {
        return jdbc.queryForObject("SELECT status FROM batch_job_execution WHERE job_execution_id = ?", String.class, jobExecutionId);
    }
}

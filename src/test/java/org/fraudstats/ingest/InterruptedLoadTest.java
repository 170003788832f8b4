package org.fraudstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.fraudstats.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A load killed mid-drop leaves its job execution marked STARTED and, its transaction never committed, nothing
 * of the drop in the facts. The next ingest recovers it and loads the drop once; a failed execution can be
 * restarted by id. Either way every figure ends as if nothing had happened.
 */
class InterruptedLoadTest extends DatabaseTest {

    @Autowired
    JobRepository jobRepository;

    @Autowired
    org.springframework.batch.core.launch.JobOperator jobOperator;

    @Autowired
    org.springframework.batch.core.job.Job ingestDropJob;

    @BeforeEach
    void cleanSlate() {
        forgetEverything();
    }

    @Test
    void aLoadKilledMidDropIsLoadedOnceByTheNextIngest() throws Exception {
        assertThat(cli("ingest", "--inbox", SAMPLE_INBOX.toString(), "--from", "2021-10-01", "--to", "2022-10-10").exitCode()).isZero();
        JobExecution killed = leftBehind(new Drop(LocalDate.of(2022, 10, 11), SAMPLE_INBOX.resolve("2022-10-11")), BatchStatus.STARTED);

        Run resumed = cli("ingest", "--inbox", SAMPLE_INBOX.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(jobRepository.getJobExecution(killed.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThatFiguresAreTheContractsOnes();
    }

    @Test
    void aLoadKilledAfterItsDropCommittedIsReportedAsLoaded_notAsAFailure() throws Exception {
        assertThat(cli("ingest", "--inbox", SAMPLE_INBOX.toString(), "--from", "2021-10-01", "--to", "2022-10-11").exitCode()).isZero();
        // kill -9 after the drop's step committed, before Spring Batch marked its job execution COMPLETED
        long loadedBy = jdbc.queryForObject("SELECT max(job_execution_id) FROM batch_job_execution", Long.class);
        jdbc.update("UPDATE batch_job_execution SET status = 'STARTED', exit_code = 'UNKNOWN', end_time = NULL "
                + "WHERE job_execution_id = ?", loadedBy);

        Run resumed = cli("ingest", "--inbox", SAMPLE_INBOX.toString(), "--date", "2022-10-11");

        // "fraudstats ingest: No value present", exit 1, before (tester C): the restart had no step left to run
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).containsPattern("2022-10-11  \\d+ rows read, \\d+ rejected, \\d+ changed \\(job execution " + loadedBy + "\\)");
        assertThat(cli("ingest", "--inbox", SAMPLE_INBOX.toString()).exitCode()).isZero();
        assertThatFiguresAreTheContractsOnes();
    }

    @Test
    void aFailedLoadRestartedByIdFinishesTheDrop() throws Exception {
        assertThat(cli("ingest", "--inbox", SAMPLE_INBOX.toString(), "--from", "2021-10-01", "--to", "2022-10-15").exitCode()).isZero();
        JobExecution failed = leftBehind(new Drop(LocalDate.of(2022, 10, 16), SAMPLE_INBOX.toAbsolutePath().resolve("2022-10-16")), BatchStatus.FAILED);

        Run restart = cli("restart", Long.toString(failed.getId()));
        assertThat(restart.exitCode()).as(restart.err()).isZero();
        assertThat(restart.out()).contains("job execution " + failed.getId() + " restarted as").contains("COMPLETED");
        assertThat(cli("history").out()).contains("ingestDrop").contains("drop.date=2022-10-16");

        Run rest = cli("ingest", "--inbox", SAMPLE_INBOX.toString());
        assertThat(rest.out()).contains("2022-10-16  unchanged (already loaded)");
        assertThatFiguresAreTheContractsOnes();
    }

    @Test
    void aLoadKilledMidDropCanAlsoBeRestartedById() throws Exception {
        assertThat(cli("ingest", "--inbox", SAMPLE_INBOX.toString(), "--from", "2021-10-01", "--to", "2022-10-12").exitCode()).isZero();
        JobExecution killed = leftBehind(new Drop(LocalDate.of(2022, 10, 13), SAMPLE_INBOX.toAbsolutePath().resolve("2022-10-13")), BatchStatus.STARTED);

        // history shows it as still running; nobody holds the loader's lock, so its process is gone
        Run restart = cli("restart", Long.toString(killed.getId()));
        assertThat(restart.exitCode()).as(restart.err()).isZero();
        assertThat(restart.out()).contains("job execution " + killed.getId() + " restarted as").contains("COMPLETED");
        assertThat(jobRepository.getJobExecution(killed.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);

        Run rest = cli("ingest", "--inbox", SAMPLE_INBOX.toString());
        assertThat(rest.out()).contains("2022-10-13  unchanged (already loaded)");
        // what is done, or never was, is said in one line
        String again = restart.out().replaceAll("(?s).* restarted as (\\d+):.*", "$1");
        Run completed = cli("restart", again);
        assertThat(completed.exitCode()).isEqualTo(1);
        assertThat(completed.err()).isEqualTo("fraudstats restart: job execution " + again + " completed: there is "
                + "nothing to restart (to redo its work, run the same rerun again, or ingest a corrected drop)\n");
        // the killed execution itself is FAILED, but its drop has been loaded since
        Run loaded = cli("restart", Long.toString(killed.getId()));
        assertThat(loaded.exitCode()).isEqualTo(1);
        assertThat(loaded.err()).isEqualTo("fraudstats restart: job execution " + killed.getId() + ": its drop is loaded (job execution "
                + again + " completed); there is nothing to restart\n");
        // an id that names nothing is a usage error, as a user name that names none (review 30: it was exit 1)
        Run unknown = cli("restart", "999999");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("fraudstats restart: no job execution 999999 (see fraudstats history)\n");
        assertThatFiguresAreTheContractsOnes();
    }

    @Test
    void aLoadKilledBetweenItsJobInstanceAndItsExecutionIsLoadedByTheNextIngest() throws Exception {
        assertThat(cli("ingest", "--inbox", SAMPLE_INBOX.toString(), "--from", "2021-10-01", "--to", "2022-10-10").exitCode()).isZero();
        Drop drop = new Drop(LocalDate.of(2022, 10, 11), SAMPLE_INBOX.resolve("2022-10-11"));
        // Spring Batch writes the instance and its first execution in two transactions; kill -9 between them
        jobRepository.createJobInstance(IngestJobConfiguration.JOB_NAME, new JobParametersBuilder()
                .addString("drop.date", drop.date().toString())
                .addString("drop.checksum", drop.checksum())
                .addString("drop.folder", drop.folder().toAbsolutePath().toString(), false)
                .toJobParameters());

        Run resumed = cli("ingest", "--inbox", SAMPLE_INBOX.toString());

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThatFiguresAreTheContractsOnes();
    }

    /**
     * A load whose failure Batch could not write down (the disk full) is UNKNOWN, which Batch restarts never and
     * every later ingest failed on for good (tester E): rolled back, it is loaded again; committed, it is loaded.
     */
    @Test
    void aLoadLeftUnknownIsLoadedAgainWhenItsTransactionRolledBack_andCountsAsLoadedWhenItCommitted() throws Exception {
        assertThat(cli("ingest", "--inbox", SAMPLE_INBOX.toString(), "--from", "2021-10-01", "--to", "2022-10-10").exitCode()).isZero();
        JobExecution rolledBack = leftBehind(new Drop(LocalDate.of(2022, 10, 11), SAMPLE_INBOX.resolve("2022-10-11")), BatchStatus.UNKNOWN);

        Run resumed = cli("ingest", "--inbox", SAMPLE_INBOX.toString(), "--from", "2022-10-11", "--to", "2022-10-12");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).containsPattern("2022-10-11  \\d+ rows read");
        assertThat(jobRepository.getJobExecution(rolledBack.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);

        // the 12th committed, then Batch could not mark it COMPLETED
        long committed = jdbc.queryForObject("SELECT max(job_execution_id) FROM drop_load", Long.class);
        jdbc.update("UPDATE batch_job_execution SET status = 'UNKNOWN', exit_code = 'UNKNOWN' WHERE job_execution_id = ?", committed);
        jdbc.update("UPDATE batch_step_execution SET status = 'UNKNOWN', exit_code = 'UNKNOWN' WHERE job_execution_id = ?", committed);
        Run restart = cli("restart", Long.toString(committed));
        assertThat(restart.exitCode()).isEqualTo(1);
        assertThat(restart.err()).contains("its drop is loaded (job execution " + committed + " completed)");
        Run rest = cli("ingest", "--inbox", SAMPLE_INBOX.toString());
        assertThat(rest.exitCode()).as(rest.err()).isZero();
        assertThat(rest.out()).contains("2022-10-12  unchanged (already loaded)");
        assertThatFiguresAreTheContractsOnes();
    }

    /**
     * The drop's checksum is taken before its files are read again to be loaded: a drop written or replaced in between
     * was loaded as half of each version under the first's checksum, and the next ingest skipped the second (tester E).
     */
    @Test
    void aDropWhoseFilesChangeAfterItsChecksumIsNotLoaded() throws Exception {
        Drop drop = new Drop(LocalDate.of(2022, 10, 11), SAMPLE_INBOX.toAbsolutePath().resolve("2022-10-11"));
        // the checksum of the version there was when the load began; the files read now are another's
        JobParameters parameters = new JobParametersBuilder()
                .addString("drop.date", drop.date().toString())
                .addString("drop.checksum", "0".repeat(64))
                .addString("drop.folder", drop.folder().toString(), false)
                .toJobParameters();

        JobExecution execution = jobOperator.start(ingestDropJob, parameters);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getAllFailureExceptions()).singleElement().extracting(Throwable::getMessage).asString()
                .endsWith("its files changed while they were being loaded (written or replaced meanwhile): nothing of it "
                        + "was loaded; run ingest again once the drop is complete");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM drop_load", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM fact_case", Long.class)).isZero();
    }

    /** What a process leaves in the job repository when it dies (STARTED) or fails (FAILED) mid-load. */
    private JobExecution leftBehind(Drop drop, BatchStatus status) {
        JobParameters parameters = new JobParametersBuilder()
                .addString("drop.date", drop.date().toString())
                .addString("drop.checksum", drop.checksum())
                .addString("drop.folder", drop.folder().toAbsolutePath().toString(), false)
                .toJobParameters();
        JobInstance instance = jobRepository.createJobInstance(IngestJobConfiguration.JOB_NAME, parameters);
        JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStartTime(LocalDateTime.now());
        execution.setStatus(status);
        jobRepository.update(execution);
        StepExecution step = jobRepository.createStepExecution("loadDrop", execution);
        step.setStartTime(LocalDateTime.now());
        step.setStatus(status);
        jobRepository.update(step);
        if (status == BatchStatus.FAILED || status == BatchStatus.UNKNOWN) {
            execution.setEndTime(LocalDateTime.now());
            jobRepository.update(execution);
        }
        return execution;
    }

    private void assertThatFiguresAreTheContractsOnes() throws Exception {
        assertThat(cli("metrics", "--from", "2022-10-01", "--to", "2022-10-24").out())
                .isEqualTo(Files.readString(Path.of("src/test/resources/golden/expected-range-2022-10-01_2022-10-24.csv"), StandardCharsets.UTF_8));
        assertThat(cli("metrics", "--from", "2022-10-01", "--to", "2022-10-24", "--by", "day").out())
                .isEqualTo(Files.readString(Path.of("src/test/resources/golden/expected-by-day-2022-10-01_2022-10-24.csv"), StandardCharsets.UTF_8));
    }
}

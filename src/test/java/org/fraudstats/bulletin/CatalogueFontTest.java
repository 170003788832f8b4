package org.fraudstats.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

import org.fraudstats.bulletin.rerun.RerunParameters;
import org.fraudstats.nightly.NightlyPipeline;

import org.fraudstats.support.DatabaseTest;
import org.fraudstats.support.Drops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A fraud type renamed in characters the bulletin font does not hold stops the commands that print bulletins before
 * they load or render anything, naming the setting: found only when a bulletin first printed the name, the first
 * night a case of that type came failed and leadership had no bulletin (tester A).
 */
@TestPropertySource(properties = "fraudstats.catalog.fraud-types.OTHER=其他（含\uD842\uDFB7）")
class CatalogueFontTest extends DatabaseTest {

    private static final String REFUSAL = "fraudstats.catalog.fraud-types.OTHER 其他（含\uD842\uDFB7） has characters the bulletin "
            + "font cannot draw: \uD842\uDFB7 U+20BB7 (add them to report-templates/fonts/extra-text.txt and run build-font.sh)";

    @TempDir
    Path inbox;

    @Autowired
    NightlyPipeline pipeline;

    @Autowired
    JobOperator jobOperator;

    @Autowired
    Job rerunBulletinsJob;

    @TempDir
    Path out;

    @Test
    void theNightAndAPdfRerunRefuseAtOnce_aWorkbookRerunDoesNot() {
        new Drops(inbox).write("2022-10-24", "cases.csv", Drops.CASES + "C1,2022-10-24T09:00:00+08:00,440604,,TELECOM,100.00,\n");

        Run night = cli("nightly", "--date", "2022-10-24", "--inbox", inbox.toString(), "--out", out.toString());
        assertThat(night.exitCode()).isEqualTo(1);
        assertThat(night.err()).isEqualTo("fraudstats nightly: " + REFUSAL + "\n");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM drop_load", Long.class)).isZero();

        Run pdf = cli("rerun", "--from", "2022-10-24", "--to", "2022-10-24", "--out", out.toString());
        assertThat(pdf.exitCode()).isEqualTo(1);
        assertThat(pdf.err()).isEqualTo("fraudstats rerun: " + REFUSAL + "\n");
        assertThat(out.resolve("daily")).doesNotExist();

        Run xlsx = cli("rerun", "--from", "2022-10-24", "--to", "2022-10-24", "--formats", "xlsx", "--out", out.toString());
        assertThat(xlsx.exitCode()).as(xlsx.err()).isZero();
        assertThat(Files.exists(out.resolve("daily/2022-10-24/fraudstats-daily-2022-10-24.xlsx"))).isTrue();
    }

    @Test
    void serveRefusesToStart() {
        assertThatThrownBy(() -> pipeline.checkConfiguration()).isInstanceOf(IllegalArgumentException.class).hasMessage(REFUSAL);
    }

    /** A PDF rerun that failed before the name changed (here: a file where its day's folder goes) is not restarted. */
    @Test
    void aPdfRerunsRestartRefusesAtOnce() throws Exception {
        Path elsewhere = out.resolve("restarted");
        Files.createDirectories(elsewhere.resolve("daily"));
        Files.writeString(elsewhere.resolve("daily/2022-10-20"), "not a folder");
        JobExecution failed = jobOperator.start(rerunBulletinsJob, new RerunParameters(LocalDate.of(2022, 10, 20),
                LocalDate.of(2022, 10, 20), elsewhere, Set.of(BulletinPublisher.Format.pdf), false).toJobParameters(System.nanoTime()));
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);

        Run restart = cli("restart", Long.toString(failed.getId()));

        assertThat(restart.exitCode()).isEqualTo(1);
        assertThat(restart.err()).isEqualTo("fraudstats restart: " + REFUSAL + "\n");
    }
}

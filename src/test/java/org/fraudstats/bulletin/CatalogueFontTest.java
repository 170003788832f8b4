package org.fraudstats.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.fraudstats.support.DatabaseTest;
import org.fraudstats.support.Drops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
}

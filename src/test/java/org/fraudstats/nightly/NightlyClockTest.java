package org.fraudstats.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;

import org.fraudstats.support.DatabaseTest;
import org.fraudstats.support.Drops;
import org.fraudstats.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The nightly pipeline on the application's one Clock bean: a test that sets it moves "yesterday" and the
 * bulletins' generated-at time together, and which published days a load has changed does not depend on it (the
 * database's and the application's clocks are never compared).
 */
@Import(NightlyClockTest.Beans.class)
class NightlyClockTest extends DatabaseTest {

    /** Ten past midnight in Beijing on 3 October: still the 2nd in UTC, the machine's zone in tests. */
    static final OffsetDateTime OCTOBER_3_0010 = OffsetDateTime.parse("2022-10-03T00:10:00+08:00");

    /** Not a @TestConfiguration: a stereotype would let other tests' component scans pick it up. */
    static class Beans {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(OCTOBER_3_0010.toInstant(), 1);
        }
    }

    @Autowired
    TestClock clock;

    @TempDir
    Path inbox;

    @TempDir
    Path out;

    @Test
    void nightlyWithoutADateRunsYesterdayInBeijingByTheApplicationsClock() throws Exception {
        clock.set(OCTOBER_3_0010.toInstant());
        new Drops(inbox).write("2022-10-02", "cases.csv", Drops.CASES + "C1,2022-10-02T09:00:00+08:00,440604,,OTHER,100.00,\n");

        Run run = cli("nightly", "--inbox", inbox.toString(), "--out", out.toString());

        Path daily = out.resolve("daily/2022-10-02");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("2022-10-02  drop loaded: 1 rows read, 0 rejected, 1 changed\n"
                + "2022-10-02  bulletin r1: " + daily.resolve("fraudstats-daily-2022-10-02.pdf") + ", "
                + daily.resolve("fraudstats-daily-2022-10-02.xlsx") + "\n");
        assertThat(Files.readString(daily.resolve("manifest.json"))).contains("\"generated_at\": \"2022-10-03T00:1");
        // in Beijing time, as the manifest's own time, audit and history print it (the database reads UTC)
        assertThat(cli("revisions", "--from", "2022-10-02", "--to", "2022-10-02").out())
                .containsPattern("daily,2022-10-02,2022-10-02,1,2022-10-03T00:1\\d:\\d\\d(\\.\\d+)?\\+08:00,");
        assertThat(Files.readString(daily.resolve("manifest.json"))).containsPattern(
                "\"revisions\": \\[ \\{[^}]*\"generated_at\": \"2022-10-03T00:1\\d:\\d\\d(\\.\\d+)?\\+08:00\"");
        // the files' revision is the latest one by the same time, to the microsecond the database keeps (review 33b:
        // nanoseconds at the top, microseconds in the list, and a script comparing them read "not the latest")
        java.util.List<String> times = java.util.regex.Pattern.compile("\"generated_at\": \"([^\"]+)\"")
                .matcher(Files.readString(daily.resolve("manifest.json"))).results().map(m -> m.group(1)).toList();
        assertThat(times).hasSize(2);
        assertThat(times.get(0)).isEqualTo(times.get(1));
    }

    @Test
    void aBulletinRenderedWhileTheApplicationsClockIsAheadIsStillRevisedByALateRecord() {
        clock.set(OffsetDateTime.parse("2099-01-01T01:30:00+08:00").toInstant());
        Drops drops = new Drops(inbox);
        drops.write("2022-10-05", "cases.csv", Drops.CASES + "C51,2022-10-05T09:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(night("2022-10-05").exitCode()).isZero();

        drops.write("2022-10-06", "cases.csv", Drops.CASES + "C52,2022-10-05T20:00:00+08:00,440605,,OTHER,50.00,\n"
                + "C61,2022-10-06T09:00:00+08:00,440604,,OTHER,10.00,\n");
        Run next = night("2022-10-06");

        assertThat(next.exitCode()).isZero();
        assertThat(next.out()).contains("2022-10-05  revised to r2 (佛山市 电诈警情 1 → 2; 佛山市 案损金额 100.00 → 150.00; 南海区 电诈警情 0 → 1; 南海区 案损金额 0.00 → 50.00; ");
    }

    @Test
    void aBulletinRenderedWhileTheApplicationsClockIsBehindIsNotRenderedAgainForLoadsItHadSeen() {
        // the night after the 9th, years behind the database's clock (a day after today is refused: BusinessTime.notYet)
        clock.set(OffsetDateTime.parse("2022-10-10T01:30:00+08:00").toInstant());
        Drops drops = new Drops(inbox);
        drops.write("2022-10-08", "cases.csv", Drops.CASES + "C81,2022-10-08T09:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(night("2022-10-08").exitCode()).isZero();

        drops.write("2022-10-09", "cases.csv", Drops.CASES + "C91,2022-10-09T09:00:00+08:00,440604,,OTHER,10.00,\n");
        Run next = night("2022-10-09");

        assertThat(next.exitCode()).isZero();
        assertThat(next.out()).contains("2022-10-09  bulletin r1: ").doesNotContain("2022-10-08  bulletin")
                .doesNotContain("2022-10-08  revised");
    }

    private Run night(String date) {
        return cli("nightly", "--date", date, "--inbox", inbox.toString(), "--out", out.toString());
    }
}

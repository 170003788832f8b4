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
 * bulletins' generated-at time together.
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
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("2022-10-02  drop loaded: 1 rows read, 0 rejected, 1 changed\n"
                + "2022-10-02  bulletin r1: " + daily.resolve("fraudstats-daily-2022-10-02.pdf") + ", "
                + daily.resolve("fraudstats-daily-2022-10-02.xlsx") + "\n");
        assertThat(Files.readString(daily.resolve("manifest.json"))).contains("\"generated_at\" : \"2022-10-03T00:1");
        assertThat(cli("revisions", "--from", "2022-10-02", "--to", "2022-10-02").out())
                .contains("daily,2022-10-02,2022-10-02,1,2022-10-02T16:1");
    }
}

package org.fraudstats.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.fraudstats.support.DatabaseTest;
import org.junit.jupiter.api.Test;

/**
 * `bench --scale tiny` end to end through the real command: every measurement of the issue is a row of the
 * table with numbers in it, and running it twice on the same database works (it empties only what is its own).
 */
class BenchSmokeTest extends DatabaseTest {

    private static final List<String> MEASURES = List.of("ingest rows/s", "peak heap, ingest 1×", "peak heap, ingest 4×",
            "all metrics, every day × area", "one night's recompute", "one year city-wide", "bulletins: a year of daily");

    @Test
    void tinyScaleTableHasEveryRowWithFigures() {
        long start = System.nanoTime();
        Run run = cli("bench", "--scale", "tiny");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));

        List<String[]> rows = run.out().lines().filter(l -> l.startsWith("| ") && !l.startsWith("| measure"))
                .map(l -> Arrays.stream(l.substring(1, l.length() - 1).split("\\|")).map(String::strip).toArray(String[]::new))
                .toList();
        assertThat(rows).hasSize(MEASURES.size());
        for (int i = 0; i < MEASURES.size(); i++) {
            String[] row = rows.get(i);
            assertThat(row).as(String.join(" | ", row)).hasSize(6);
            assertThat(row[0]).startsWith(MEASURES.get(i));
            assertThat(row[1]).as(row[0]).matches("[0-9][0-9,.]* .*");
            if (!row[2].equals("—")) {
                assertThat(row[2]).as(row[0]).matches("[0-9][0-9,.]* .*");
                assertThat(row[3]).as(row[0]).matches("[0-9]+\\.[0-9]+×");
            }
            assertThat(row[5]).isIn("met", "**missed**");
        }
        assertThat(run.out()).contains("cores", "PostgreSQL", "the bare query agrees on every metric of every area");
    }

    @Test
    void refusesDatabaseWithDataItDidNotPutThere() {
        jdbc.execute("DROP SCHEMA IF EXISTS bench CASCADE");
        jdbc.update("INSERT INTO fact_case (case_id, reported_at, business_day, district_code, fraud_type, loss_amount, drop_date, line) "
                + "VALUES ('REAL1', now(), current_date, '440604', 'OTHER', 1, current_date, 2)");
        try {
            Run run = cli("bench", "--scale", "tiny");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("bench refused");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM fact_case WHERE case_id = 'REAL1'", Long.class)).isEqualTo(1);
        } finally {
            jdbc.update("DELETE FROM fact_case WHERE case_id = 'REAL1'");
        }
    }
}

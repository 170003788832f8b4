package org.fraudstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.fraudstats.storage.SqlFiles;
import org.fraudstats.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V19 moves the facts a home loaded before it into monthly partitions and fills the key registers from them:
 * every row in the month of its business day, the same rows and rollups as before, and verify still clean.
 */
class FactPartitionsMigrationTest {

    @Test
    void factsLoadedBeforeV19LandInTheirMonthsWithTheirIdsRegistered() {
        TestPostgres.Database db = TestPostgres.freshDatabase();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:sql/migration").target("17").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO fact_case (case_id, reported_at, business_day, district_code, fraud_type, loss_amount, drop_date, line) VALUES "
                + "('C1', TIMESTAMPTZ '2022-10-31 09:00+08', DATE '2022-10-31', '440604', 'OTHER', 100.00, DATE '2022-10-31', 2), "
                + "('C2', TIMESTAMPTZ '2022-11-01 09:00+08', DATE '2022-11-01', '440605', 'OTHER', 50.00, DATE '2022-11-01', 2)");
        jdbc.update("INSERT INTO fact_freeze (freeze_id, case_id, action, account_hmac, account_masked, amount, effective_at, "
                + "business_day, drop_date, line) VALUES "
                + "('F1', 'C1', 'STOP_PAYMENT', '\\x01', '****', 10.00, TIMESTAMPTZ '2022-11-02 09:30+08', DATE '2022-11-02', DATE '2022-11-02', 2), "
                + "('F2', 'NO-CASE', 'FREEZE', '\\x02', '****', 7.00, TIMESTAMPTZ '2022-12-02 11:00+08', DATE '2022-12-02', DATE '2022-12-02', 3)");
        jdbc.update("INSERT INTO fact_refund (refund_id, case_id, amount, refunded_at, business_day, drop_date, line) VALUES "
                + "('R1', 'C1', 3.00, TIMESTAMPTZ '2023-01-03 10:00+08', DATE '2023-01-03', DATE '2023-01-03', 2)");
        jdbc.update("INSERT INTO fact_warning (warning_id, issued_at, business_day, district_code, channel, outcome, drop_date, line) VALUES "
                + "('W1', TIMESTAMPTZ '2022-10-31 10:00+08', DATE '2022-10-31', '440604', 'VISIT', 'DISSUADED', DATE '2022-10-31', 2)");
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        for (String rollup : new String[] {"warnings", "cases", "actions", "action-accounts", "refunds", "refund-cases", "stop-times"}) {
            named.update(SqlFiles.load("ingest/rollup-" + rollup + ".sql"), Map.of("days", "2022-10-31,2022-11-01,2022-11-02,2022-12-02,2023-01-03"));
        }
        String factsBefore = facts(jdbc);
        String rollupsBefore = rollups(jdbc);

        Flyway.configure().dataSource(dataSource).locations("classpath:sql/migration").target("19").load().migrate();

        assertThat(jdbc.queryForList("SELECT tableoid::regclass || ' ' || case_id FROM fact_case "
                + "UNION ALL SELECT tableoid::regclass || ' ' || freeze_id FROM fact_freeze "
                + "UNION ALL SELECT tableoid::regclass || ' ' || refund_id FROM fact_refund "
                + "UNION ALL SELECT tableoid::regclass || ' ' || warning_id FROM fact_warning ORDER BY 1", String.class))
                .containsExactly("fact_case_2022_10 C1", "fact_case_2022_11 C2", "fact_freeze_2022_11 F1", "fact_freeze_2022_12 F2",
                        "fact_refund_2023_01 R1", "fact_warning_2022_10 W1");
        assertThat(jdbc.queryForList("SELECT case_id || ' ' || business_day FROM fact_case_key "
                + "UNION ALL SELECT freeze_id || ' ' || case_id || ' ' || business_day FROM fact_freeze_key "
                + "UNION ALL SELECT refund_id || ' ' || case_id || ' ' || business_day FROM fact_refund_key "
                + "UNION ALL SELECT warning_id || ' ' || business_day FROM fact_warning_key ORDER BY 1", String.class))
                .containsExactly("C1 2022-10-31", "C2 2022-11-01", "F1 C1 2022-11-02", "F2 NO-CASE 2022-12-02", "R1 C1 2023-01-03",
                        "W1 2022-10-31");
        assertThat(facts(jdbc)).isEqualTo(factsBefore);
        assertThat(rollups(jdbc)).isEqualTo(rollupsBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM fact_case_default", Long.class)).isZero();
        assertThat(named.queryForList(SqlFiles.load("metrics/verify-rollups.sql"),
                Map.of("from", LocalDate.of(2022, 10, 1), "to", LocalDate.of(2023, 1, 31)))).isEmpty();
    }

    private static String facts(JdbcTemplate jdbc) {
        return String.join("\n", jdbc.queryForList("SELECT f::text FROM fact_case f UNION ALL SELECT f::text FROM fact_freeze f "
                + "UNION ALL SELECT f::text FROM fact_refund f UNION ALL SELECT f::text FROM fact_warning f ORDER BY 1", String.class));
    }

    private static String rollups(JdbcTemplate jdbc) {
        return String.join("\n", jdbc.queryForList("SELECT r::text FROM case_day r UNION ALL SELECT r::text FROM action_day r "
                + "UNION ALL SELECT r::text FROM case_stop_time r UNION ALL SELECT r::text FROM refund_day r "
                + "UNION ALL SELECT r::text FROM warning_day r ORDER BY 1", String.class));
    }
}

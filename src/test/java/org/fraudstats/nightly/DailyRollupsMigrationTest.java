package org.fraudstats.nightly;

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

/** V16 fills the daily rollups from the facts a home loaded before it, so that an upgraded home verifies clean. */
class DailyRollupsMigrationTest {

    @Test
    void factsLoadedBeforeV16HaveTheirRollupsAfterIt() {
        TestPostgres.Database db = TestPostgres.freshDatabase();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:sql/migration").target("15").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO fact_case (case_id, reported_at, business_day, district_code, fraud_type, loss_amount, drop_date, line) "
                + "VALUES ('C1', TIMESTAMPTZ '2022-10-01 09:00+08', DATE '2022-10-01', '440604', 'OTHER', 100.00, DATE '2022-10-01', 2)");
        jdbc.update("INSERT INTO fact_freeze (freeze_id, case_id, action, account_hmac, account_masked, amount, effective_at, "
                + "business_day, drop_date, line) VALUES "
                + "('F1', 'C1', 'STOP_PAYMENT', '\\x01', '****', 10.00, TIMESTAMPTZ '2022-10-02 09:30+08', DATE '2022-10-02', DATE '2022-10-02', 2), "
                + "('F2', 'C1', 'STOP_PAYMENT', '\\x01', '****', 5.00, TIMESTAMPTZ '2022-10-02 11:00+08', DATE '2022-10-02', DATE '2022-10-02', 3), "
                + "('F3', 'NO-CASE', 'FREEZE', '\\x02', '****', 7.00, TIMESTAMPTZ '2022-10-02 11:00+08', DATE '2022-10-02', DATE '2022-10-02', 4)");
        jdbc.update("INSERT INTO fact_refund (refund_id, case_id, amount, refunded_at, business_day, drop_date, line) VALUES "
                + "('R1', 'C1', 3.00, TIMESTAMPTZ '2022-10-03 10:00+08', DATE '2022-10-03', DATE '2022-10-03', 2)");

        Flyway.configure().dataSource(dataSource).locations("classpath:sql/migration").target("16").load().migrate();

        assertThat(jdbc.queryForList("SELECT business_day || ' ' || district_code || ' ' || cases || ' ' || loss_amount FROM case_day",
                String.class)).containsExactly("2022-10-01 440604 1 100.00");
        // the pending freeze F3 counts nowhere; the account stopped twice on the 2nd is one row
        assertThat(jdbc.queryForList("SELECT business_day || ' ' || district_code || ' ' || action || ' ' || actions || ' ' || amount "
                + "FROM action_day", String.class)).containsExactly("2022-10-02 440604 STOP_PAYMENT 2 15.00");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM action_account_day", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT case_id || ' ' || seconds FROM case_stop_time", String.class))
                .containsExactly("C1 88200.000000");
        assertThat(jdbc.queryForList("SELECT business_day || ' ' || case_id FROM refund_case_day", String.class))
                .containsExactly("2022-10-03 C1");
        assertThat(new NamedParameterJdbcTemplate(jdbc).queryForList(SqlFiles.load("metrics/verify-rollups.sql"),
                Map.of("from", LocalDate.of(2022, 1, 1), "to", LocalDate.of(2022, 12, 31)))).isEmpty();
    }
}

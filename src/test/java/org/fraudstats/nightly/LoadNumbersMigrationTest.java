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

/**
 * V14 numbers the loads of a database made before it, and says which of them each published bulletin had seen,
 * the way the old rule (loaded_at against generated_at) did: a revision that was due before the upgrade is due
 * after it, and one that was not is not.
 */
class LoadNumbersMigrationTest {

    @Test
    void loadsAndBulletinsMadeBeforeV14KeepTheirStaleness() {
        TestPostgres.Database db = TestPostgres.freshDatabase();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:sql/migration").target("13").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // loads 7 and 8 (job executions) at 01:00 and 03:00; 5 at 02:00: numbered by time, not by id
        jdbc.update("INSERT INTO drop_load (job_execution_id, drop_date, checksum, loaded_at, rows_read, rows_loaded, "
                + "rows_rejected, rows_changed) VALUES "
                + "(7, DATE '2022-10-01', 'a', TIMESTAMPTZ '2022-10-02 01:00+08', 1, 1, 0, 1), "
                + "(5, DATE '2022-10-02', 'b', TIMESTAMPTZ '2022-10-03 02:00+08', 1, 1, 0, 1), "
                + "(8, DATE '2022-10-03', 'c', TIMESTAMPTZ '2022-10-04 03:00+08', 1, 1, 0, 1)");
        jdbc.update("INSERT INTO changed_day (job_execution_id, business_day) VALUES "
                + "(7, DATE '2022-10-01'), (5, DATE '2022-10-02'), (8, DATE '2022-10-01')");
        // 1 October rendered after the first load only (so the third makes it stale), 2 October after the second
        jdbc.update("INSERT INTO bulletin_revision (kind, date_from, date_to, revision, figures, generated_at) VALUES "
                + "('daily', DATE '2022-10-01', DATE '2022-10-01', 1, '{}', TIMESTAMPTZ '2022-10-02 01:30+08'), "
                + "('daily', DATE '2022-10-02', DATE '2022-10-02', 1, '{}', TIMESTAMPTZ '2022-10-03 02:30+08')");

        Flyway.configure().dataSource(dataSource).locations("classpath:sql/migration").target("14").load().migrate();

        assertThat(jdbc.queryForList("SELECT job_execution_id || ':' || load_number FROM drop_load ORDER BY load_number",
                String.class)).containsExactly("7:1", "5:2", "8:3");
        assertThat(jdbc.queryForObject("SELECT last_load FROM load_counter", Long.class)).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT date_from || ':' || last_load_seen FROM bulletin_revision ORDER BY date_from",
                String.class)).containsExactly("2022-10-01:1", "2022-10-02:2");
        // the stale check of today reads what later migrations made (numbered_changed_day, V23): migrated to the last
        Flyway.configure().dataSource(dataSource).locations("classpath:sql/migration").load().migrate();
        assertThat(new StaleBulletins(new NamedParameterJdbcTemplate(jdbc)).days(LocalDate.of(2022, 10, 31)))
                .containsExactly(LocalDate.of(2022, 10, 1));
    }
}

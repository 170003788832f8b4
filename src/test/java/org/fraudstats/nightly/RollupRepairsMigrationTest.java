package org.fraudstats.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.fraudstats.storage.SqlFiles;
import org.fraudstats.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V23 on a database of an earlier version: its loads' changed days read through numbered_changed_day with the numbers
 * V14 gave them, so what was stale before the upgrade is stale after it and nothing else; and a repair recorded after
 * it takes the next number of the same counter and makes its days stale, for the nightly and the headline alike.
 */
class RollupRepairsMigrationTest {

    private static final LocalDate END_OF_OCTOBER = LocalDate.of(2022, 10, 31);

    @Test
    void loadsMadeBeforeV23KeepTheirNumbersAndARepairAfterItIsNumberedNext() {
        TestPostgres.Database db = TestPostgres.freshDatabase();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:sql/migration").target("22").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        // load 1 (job execution 7) changed the 1st and 2nd, load 2 (job execution 5) the 1st again
        jdbc.update("INSERT INTO drop_load (job_execution_id, drop_date, checksum, rows_read, rows_loaded, rows_rejected, "
                + "rows_changed, load_number) VALUES (7, DATE '2022-10-02', 'a', 2, 2, 0, 2, 1), (5, DATE '2022-10-03', 'b', 1, 1, 0, 1, 2)");
        jdbc.update("INSERT INTO changed_day (job_execution_id, business_day) VALUES "
                + "(7, DATE '2022-10-01'), (7, DATE '2022-10-02'), (5, DATE '2022-10-01')");
        jdbc.update("UPDATE load_counter SET last_load = 2");
        // the 1st rendered after load 1 only (so load 2 makes it stale), the 2nd and the week after both
        jdbc.update("INSERT INTO bulletin_revision (kind, date_from, date_to, revision, figures, generated_at, last_load_seen) VALUES "
                + "('daily', DATE '2022-10-01', DATE '2022-10-01', 1, '{}', TIMESTAMPTZ '2022-10-02 01:30+08', 1), "
                + "('daily', DATE '2022-10-02', DATE '2022-10-02', 1, '{}', TIMESTAMPTZ '2022-10-03 01:30+08', 2), "
                + "('range', DATE '2022-09-26', DATE '2022-10-02', 1, '{}', TIMESTAMPTZ '2022-10-03 02:30+08', 2)");

        Flyway.configure().dataSource(dataSource).locations("classpath:sql/migration").load().migrate();

        assertThat(jdbc.queryForList("SELECT load_number || ':' || business_day FROM numbered_changed_day ORDER BY 1", String.class))
                .containsExactly("1:2022-10-01", "1:2022-10-02", "2:2022-10-01");
        assertThat(new StaleBulletins(named).days(END_OF_OCTOBER))
                .containsExactly(LocalDate.of(2022, 10, 1));
        assertThat(new StaleBulletins(named).ranges(END_OF_OCTOBER)).isEmpty();
        // the bulletin of the 2nd was rendered after both loads: a headline over the 1st and 2nd may quote it
        assertThat(changedSinceBulletinOfThe2nd(named)).isEqualTo("null, 0 days");

        // a repair of the 2nd after the upgrade, as DailyRollups.repair records it in its transaction
        Long number = named.queryForObject(SqlFiles.load("ingest/record-repair.sql"), Map.of("from", LocalDate.of(2022, 10, 1),
                "to", LocalDate.of(2022, 10, 2), "by", "li.tongji", "rowsRewritten", 1), Long.class);
        named.update(SqlFiles.load("ingest/record-repaired-days.sql"), Map.of("loadNumber", number, "days", "2022-10-02"));

        assertThat(number).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT last_load FROM load_counter", Long.class)).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT concat_ws('|', load_number, date_from, date_to, repaired_by, rows_rewritten) "
                + "FROM rollup_repair", String.class)).containsExactly("3|2022-10-01|2022-10-02|li.tongji|1");
        assertThat(new StaleBulletins(named).days(END_OF_OCTOBER))
                .containsExactly(LocalDate.of(2022, 10, 1), LocalDate.of(2022, 10, 2));
        assertThat(new StaleBulletins(named).days(LocalDate.of(2022, 10, 1))).containsExactly(LocalDate.of(2022, 10, 1));
        assertThat(new StaleBulletins(named).ranges(END_OF_OCTOBER))
                .containsExactly(new StaleBulletins.Period(LocalDate.of(2022, 9, 26), LocalDate.of(2022, 10, 2)));
        // and after the repair it may not, until a bulletin rendered after the repair stands
        assertThat(changedSinceBulletinOfThe2nd(named)).isEqualTo("2022-10-02, 1 days");
    }

    /** What the headline's guard finds changed in [1st, 2nd] since the bulletin of the 2nd (revision 1) was rendered. */
    private static String changedSinceBulletinOfThe2nd(NamedParameterJdbcTemplate named) {
        Map<String, Object> row = named.queryForMap(SqlFiles.load("web/changed-since-bulletin.sql"), Map.of(
                "from", LocalDate.of(2022, 10, 1), "to", LocalDate.of(2022, 10, 2), "bulletinDate", LocalDate.of(2022, 10, 2),
                "revision", 1));
        return row.get("first_day") + ", " + row.get("days") + " days";
    }
}

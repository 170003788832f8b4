package org.fraudstats.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flywaydb.core.Flyway;
import org.fraudstats.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V34 has the database hold one user per name in any case, which two `user add`s at once could beat, and leaves a home
 * that already holds two such names as it is: both accounts, no index, the upgrade not stopped.
 */
class UserNameAnyCaseMigrationTest {

    private static final String ADD = "INSERT INTO app_user (name, role, password_hash, created_at, password_changed_at, "
            + "password_change_required) VALUES (?, 'press', 'x', now(), now(), true)";

    @Test
    void aHomeWithOneSpellingOfEachNameGetsTheIndex() {
        JdbcTemplate jdbc = migratedTo33();
        jdbc.update(ADD, "li.na");
        migrate(jdbc);
        assertThatThrownBy(() -> jdbc.update(ADD, "Li.Na")).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aHomeHoldingTwoSpellingsAlreadyKeepsBothAndUpgrades() {
        JdbcTemplate jdbc = migratedTo33();
        jdbc.update(ADD, "li.na");
        jdbc.update(ADD, "Li.Na");
        migrate(jdbc);
        assertThat(jdbc.queryForList("SELECT name FROM app_user ORDER BY name", String.class)).containsExactly("Li.Na", "li.na");
        assertThat(jdbc.queryForObject("SELECT max(version::int) FROM flyway_schema_history WHERE success", Integer.class))
                .isGreaterThanOrEqualTo(34);
    }

    private static JdbcTemplate migratedTo33() {
        TestPostgres.Database db = TestPostgres.freshDatabase();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:sql/migration").target("33").load().migrate();
        return new JdbcTemplate(dataSource);
    }

    private static void migrate(JdbcTemplate jdbc) {
        Flyway.configure().dataSource(jdbc.getDataSource()).locations("classpath:sql/migration").load().migrate();
    }
}

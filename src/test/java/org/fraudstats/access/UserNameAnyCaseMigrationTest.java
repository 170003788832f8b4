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

    /** V46 does for names that look alike (Iead1 beside lead1: r40d) what V34 does for names in two cases. */
    @Test
    void namesThatLookAlike_oneIndexedByV46_twoKeptAsTheyWere() {
        JdbcTemplate one = migratedTo(45);
        one.update(ADD, "lead1");
        migrate(one);
        assertThatThrownBy(() -> one.update(ADD, "Iead1")).isInstanceOf(DuplicateKeyException.class);
        assertThat(one.update(ADD, "lead.wong")).isOne();
        JdbcTemplate two = migratedTo(45);
        two.update(ADD, "lead1");
        two.update(ADD, "Iead1");
        migrate(two);
        assertThat(two.queryForList("SELECT name FROM app_user ORDER BY name", String.class)).containsExactly("Iead1", "lead1");
        assertThat(two.queryForObject("SELECT count(*) FROM pg_indexes WHERE indexname = 'app_user_name_as_it_looks'", Integer.class)).isZero();
    }

    /**
     * V48 keeps when each user last signed in, for the administrators (an account unused for months is found and
     * disabled: r42b); the users of a home upgraded to it get their last successful sign-in in the audit log.
     */
    @Test
    void lastSignInOfTheUsersOfAnUpgradedHomeIsTheirLastSuccessfulSignInInTheAuditLog() {
        JdbcTemplate jdbc = migratedTo(47);
        jdbc.update(ADD, "seen.twice");
        jdbc.update(ADD, "refused.only");
        jdbc.update(ADD, "never.came");
        // the audit log stamps each row with the time of its insert (V17's trigger): the rows in the order they happened
        String sign = "INSERT INTO audit_event (user_name, role, client, action, object, result) VALUES (?, 'press', '192.0.2.7', ?, ?, ?)";
        jdbc.update(sign, "seen.twice", "sign-in", "seen.twice", "success");
        jdbc.update(sign, "seen.twice", "sign-in", "seen.twice", "success: TOTP enrolment confirmed");
        String last = jdbc.queryForObject("SELECT CAST(max(time) AS text) FROM audit_event", String.class);
        jdbc.update(sign, "seen.twice", "sign-in", "seen.twice", "failure: wrong password");
        jdbc.update(sign, "seen.twice", "sign-out", "seen.twice", "success");
        jdbc.update(sign, "refused.only", "sign-in", "refused.only", "failure: wrong password");
        // another user's row naming this one is not this user's sign-in
        jdbc.update(sign, "admin.one", "sign-in", "never.came", "success");
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT time) FROM audit_event", Integer.class)).as("six times").isEqualTo(6);

        migrate(jdbc);

        assertThat(jdbc.queryForList("SELECT name || ' ' || coalesce(CAST(last_signed_in_at AS text), 'never') FROM app_user ORDER BY name",
                String.class)).containsExactly("never.came never", "refused.only never", "seen.twice " + last);
    }

    private static JdbcTemplate migratedTo33() {
        return migratedTo(33);
    }

    private static JdbcTemplate migratedTo(int version) {
        TestPostgres.Database db = TestPostgres.freshDatabase();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:sql/migration").target(String.valueOf(version)).load().migrate();
        return new JdbcTemplate(dataSource);
    }

    private static void migrate(JdbcTemplate jdbc) {
        Flyway.configure().dataSource(jdbc.getDataSource()).locations("classpath:sql/migration").load().migrate();
    }
}

package org.fraudstats.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.fraudstats.storage.EmbeddedDatabaseTest.asOwner;
import static org.fraudstats.storage.EmbeddedDatabaseTest.cli;
import static org.fraudstats.storage.EmbeddedDatabaseTest.start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Separation of privileges (MLPS 2.0 level 3) on the production path, the embedded server started as
 * ./fraudstats starts it: the application's connections are a role that owns nothing, so neither a bug nor an
 * injected statement can change the audit log or its guard, and the pipeline still does all its work.
 */
class ApplicationRoleTest {

    @Test
    void theApplicationIsNoSuperuserAndCanOnlyReadAndAppendTheAuditLog(@TempDir Path home) throws Exception {
        try (ConfigurableApplicationContext app = start(home)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("fraudstats_app");
            assertThat(jdbc.queryForMap("SELECT rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls FROM pg_roles "
                    + "WHERE rolname = current_user")).containsOnly(Map.entry("rolsuper", false), Map.entry("rolcreatedb", false),
                    Map.entry("rolcreaterole", false), Map.entry("rolreplication", false), Map.entry("rolbypassrls", false));
            Path password = home.resolve("fraudstats_app.password");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password))).isEqualTo("rw-------");
            assertThat(Files.readString(password).strip()).matches("[0-9a-f]{64}")
                    .isNotEqualTo(Files.readString(home.resolve("postgres.password")).strip());

            jdbc.update("INSERT INTO audit_event (action, result) VALUES ('probe', 'kept')");
            String[] refused = {
                "UPDATE audit_event SET result = 'changed'",
                "DELETE FROM audit_event",
                "TRUNCATE audit_event",
                "ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_change",
                "ALTER TABLE audit_event DISABLE TRIGGER ALL",
                "DROP TRIGGER audit_event_no_change ON audit_event",
                "DROP TABLE audit_event",
                "CREATE TABLE probe (n int)",
                "SELECT archive_fact_month(DATE '2022-10-01')",
                "SELECT count(*) FROM flyway_schema_history",
                "ALTER ROLE fraudstats_app SUPERUSER",
                // a role is the owner's to change: with the application's password a plain UPDATE made anyone an
                // administrator, recorded nowhere (tester)
                "UPDATE app_user SET role = 'admin'",
                "UPDATE app_user SET name = 'someone.else'",
                // nor a sequence set back: the audit log's next ids would collide, or a forged row fill a gap (r37b)
                "SELECT setval(pg_get_serial_sequence('audit_event', 'id'), 1)",
            };
            for (String statement : refused) {
                DataAccessException e = catchThrowableOfType(DataAccessException.class, () -> jdbc.execute(statement));
                assertThat(e).as(statement).isNotNull();
                assertThat(((SQLException) e.getMostSpecificCause()).getSQLState()).as(statement).isEqualTo("42501");
            }
            assertThat(jdbc.queryForObject("SELECT result FROM audit_event WHERE action = 'probe'", String.class)).isEqualTo("kept");
            // nor hidden: a TEMP table of the log's name, made by one statement on a pooled connection, took every
            // row that connection recorded after it (r40d); the application and the idle-session trigger write
            // through a search_path with pg_temp last
            jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) c -> {
                var one = new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(
                        new org.springframework.jdbc.datasource.SingleConnectionDataSource(c, true));
                one.getJdbcTemplate().execute("CREATE TEMP TABLE audit_event (LIKE public.audit_event INCLUDING DEFAULTS)");
                one.queryForObject(SqlFiles.load("audit/record-event.sql"), Map.of("user", "probe", "role", "", "client", "here",
                        "action", "probe-shadowed", "object", "", "result", "kept"), Long.class);
                assertThat(one.getJdbcTemplate().queryForObject("SELECT count(*) FROM pg_temp.audit_event", Long.class)).isZero();
                one.getJdbcTemplate().execute("DROP TABLE pg_temp.audit_event");
                return null;
            });
            assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'probe-shadowed'", Long.class)).isOne();
            // granted by name, not through PUBLIC's default, which a hardened server revokes (review r40e)
            assertThat(jdbc.queryForObject("SELECT string_agg(p.proname, ',' ORDER BY p.proname) FROM pg_proc p, aclexplode(p.proacl) a "
                    + "WHERE p.proname IN ('record_audit_event', 'user_name_look') AND a.grantee = 'fraudstats_app'::regrole "
                    + "AND a.privilege_type = 'EXECUTE'", String.class)).isEqualTo("record_audit_event,user_name_look");
            // and no function of the schema (triggers included) finds a TEMP table first: a TEMP fact_version took the
            // bumps a load makes, so the year to date a bulletin remembered by it stayed as it was (review r40e; V47)
            assertThat(jdbc.queryForObject("SELECT string_agg(proname, ',') FROM pg_proc WHERE pronamespace = current_schema()::regnamespace "
                    + "AND NOT coalesce(array_to_string(proconfig, ' ') ~ 'search_path=.*pg_temp$', false)", String.class)).isNull();
            jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) c -> {
                var one = new org.springframework.jdbc.core.JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(c, true));
                long before = one.queryForObject("SELECT version FROM fact_version WHERE fact = 'warning_day'", Long.class);
                one.execute("CREATE TEMP TABLE fact_version (LIKE public.fact_version)");
                one.execute("INSERT INTO pg_temp.fact_version SELECT * FROM public.fact_version");
                one.update("UPDATE warning_day SET warnings = warnings WHERE false");
                one.execute("DROP TABLE pg_temp.fact_version");
                assertThat(one.queryForObject("SELECT version FROM fact_version WHERE fact = 'warning_day'", Long.class)).isEqualTo(before + 1);
                return null;
            });
            // app_user's columns it may change are exactly those the statements of sql/access/ change: one missing
            // would fail a password change in production only (these tests mostly run as the owner)
            java.util.Set<String> changed = new java.util.TreeSet<>();
            try (var files = Files.list(Path.of("sql/access"))) {
                for (Path sql : files.toList()) {
                    java.util.regex.Matcher update = java.util.regex.Pattern.compile("(?s)UPDATE app_user SET (.*?)\\s+WHERE")
                            .matcher(Files.readString(sql));
                    while (update.find()) {
                        for (String assignment : update.group(1).split(",")) {
                            changed.add(assignment.strip().split("\\s*=")[0]);
                        }
                    }
                }
            }
            assertThat(changed).contains("password_hash", "enabled", "totp_secret");
            assertThat(new java.util.TreeSet<>(jdbc.queryForList("SELECT a.attname FROM pg_attribute a WHERE a.attrelid = 'app_user'::regclass "
                    + "AND a.attnum > 0 AND NOT a.attisdropped AND has_column_privilege(current_user, a.attrelid, a.attnum, 'UPDATE')",
                    String.class))).isEqualTo(changed);
            assertThat(asOwner(home, app, "SELECT tgenabled FROM pg_trigger WHERE tgname = 'audit_event_no_change'")).isEqualTo("O");
            // the migrations ran as the owner, who owns every table, including the months made at load time
            assertThat(asOwner(home, app, "SELECT string_agg(DISTINCT installed_by, ',') FROM flyway_schema_history")).isEqualTo("postgres");
            assertThat(asOwner(home, app, "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace "
                    + "AND relowner <> 'postgres'::regrole")).isEqualTo("0");
        }
    }

    @Test
    void loadingANewMonthRepairingAndTheNightlyRunAllWorkAsTheApplicationRole(@TempDir Path home) throws Exception {
        String[] onHome = {"--fraudstats.home=" + home};
        EmbeddedDatabaseTest.Ran october = cli(onHome, "ingest", "--inbox", "samples/inbox", "--from", "2022-10-01", "--to", "2022-10-03");
        assertThat(october.exitCode()).as(october.output()).isZero();
        // a month the database has no partition for yet: made by fact_month, the owner's, through SECURITY DEFINER
        EmbeddedDatabaseTest.Ran november = cli(onHome, "ingest", "--inbox", "samples/inbox", "--from", "2022-11-01", "--to", "2022-11-02");
        assertThat(november.exitCode()).as(november.output()).isZero();

        // a correction by hand, as the owner in psql, which the rollups do not know of until verify --repair
        try (ConfigurableApplicationContext app = start(home)) {
            assertThat(asOwner(home, app, "WITH corrected AS (UPDATE fact_case SET loss_amount = loss_amount + 1 "
                    + "WHERE case_id = (SELECT min(case_id) FROM fact_case WHERE business_day = (SELECT max(business_day) FROM fact_case)) RETURNING 1) "
                    + "SELECT count(*) FROM corrected")).isEqualTo("1");
        }
        EmbeddedDatabaseTest.Ran repair = cli(onHome, "verify", "--from", "2022-10-01", "--to", "2022-11-02", "--repair");
        assertThat(repair.exitCode()).as(repair.output()).isZero();
        assertThat(repair.output()).contains("rows rewritten from the facts");
        EmbeddedDatabaseTest.Ran nightly = cli(onHome, "nightly", "--date", "2022-11-03", "--inbox", "samples/inbox",
                "--out", home.resolve("out").toString());
        assertThat(nightly.exitCode()).as(nightly.output()).isZero();
        EmbeddedDatabaseTest.Ran metrics = cli(onHome, "metrics", "--from", "2022-10-01", "--to", "2022-10-03");
        assertThat(metrics.output()).contains("2022-10-01,2022-10-03,440600,");
        assertThat(home.resolve("out")).isNotEmptyDirectory();

        try (ConfigurableApplicationContext app = start(home)) {
            // nightly loaded every drop up to its date: 2021's months too, each made at load time, all the owner's
            assertThat(asOwner(home, app, "SELECT string_agg(c.relname || ':' || pg_get_userbyid(c.relowner), ',' ORDER BY c.relname) "
                    + "FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'fact_case'::regclass"))
                    .isEqualTo("fact_case_2021_10:postgres,fact_case_2021_11:postgres,fact_case_2021_12:postgres,"
                            + "fact_case_2022_10:postgres,fact_case_2022_11:postgres,fact_case_default:postgres");
            assertThat(app.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM audit_event WHERE action = 'rollups-repair'",
                    Integer.class)).isOne();
            // and recorded by the application's role as a change of the corrected case's day (the latest holding a case: the
            // sample drops of November hold refunds only), numbered after the five loads before it (V23)
            assertThat(app.getBean(JdbcTemplate.class).queryForObject("SELECT concat_ws('|', d.business_day, "
                    + "(SELECT string_agg(l.drop_date::text, ',' ORDER BY l.load_number) FROM drop_load l WHERE l.load_number < r.load_number)) "
                    + "FROM rollup_repair r JOIN repaired_day d USING (load_number)", String.class))
                    .isEqualTo("2022-10-03|2022-10-01,2022-10-02,2022-10-03,2022-11-01,2022-11-02");
        }
    }
}

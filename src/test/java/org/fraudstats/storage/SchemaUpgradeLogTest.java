package org.fraudstats.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.fraudstats.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An upgrade's migrations say so in one line (an operator had no record of when the schema changed); a new home's do
 * not. A database a newer build migrated is refused, untouched.
 */
class SchemaUpgradeLogTest {

    @Test
    void anUpgradeSaysFromWhichVersionToWhich_aNewDatabaseSaysNothing() {
        Logger logger = (Logger) LoggerFactory.getLogger(SchemaUpgradeLog.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        // as application.properties sets it
        Level level = logger.getLevel();
        logger.setLevel(Level.INFO);
        // one strategy for every migrate, as the application's one bean
        SchemaUpgradeLog strategy = new SchemaUpgradeLog();
        try {
            TestPostgres.Database db = TestPostgres.freshDatabase();
            DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
            strategy.migrate(Flyway.configure().dataSource(dataSource).locations("classpath:sql/migration").target("30").load());
            assertThat(lines.list).isEmpty();

            strategy.migrate(Flyway.configure().dataSource(dataSource).locations("classpath:sql/migration").target("32").load());
            assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                    .isEqualTo(List.of("database schema upgraded from version 30 to 32 (2 migrations of sql/migration)"));

            // nothing to migrate: nothing said
            strategy.migrate(Flyway.configure().dataSource(dataSource).locations("classpath:sql/migration").target("32").load());
            assertThat(lines.list).hasSize(1);
        } finally {
            logger.detachAppender(lines);
            logger.setLevel(level);
        }
    }

    @Test
    void aDatabaseANewerBuildMigratedIsRefusedAndLeftAsItWas() {
        TestPostgres.Database db = TestPostgres.freshDatabase();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
        new SchemaUpgradeLog().migrate(Flyway.configure().dataSource(dataSource).locations("classpath:sql/migration").target("30").load());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // what a newer build leaves behind: a migration this build has never seen, applied
        jdbc.update("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                + "installed_by, execution_time, success) SELECT max(installed_rank) + 1, '9001', 'from a newer build', 'SQL', "
                + "'V9001__from_a_newer_build.sql', 1, current_user, 1, true FROM flyway_schema_history");

        assertThatThrownBy(() -> new SchemaUpgradeLog().migrate(
                Flyway.configure().dataSource(dataSource).locations("classpath:sql/migration").load()))
                .isInstanceOf(FlywayException.class)
                .hasMessage("the database's schema is version 9001, made by a newer fraudstats; this build knows versions "
                        + "up to " + latestMigration() + ": run the newer build (or a later one) with this database, or restore the backup made "
                        + "before the upgrade (losing what was loaded, published and audited since)");
        // nothing of this build's was applied over it: 31 and on still pending
        assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE version::int BETWEEN 31 AND 9000",
                Integer.class)).isZero();
    }

    private static int latestMigration() {
        try (Stream<Path> files = Files.list(Path.of("sql/migration"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

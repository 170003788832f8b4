package org.fraudstats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.flywaydb.core.Flyway;
import org.fraudstats.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** An upgrade's migrations say so in one line (an operator had no record of when the schema changed); a new home's do not. */
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
}

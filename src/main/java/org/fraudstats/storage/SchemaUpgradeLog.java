package org.fraudstats.storage;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Migrates as Spring Boot would, and says so in one line when the database was an older version's (an upgrade): it did
 * so without a word, and an operator had no record of when the schema changed. A new home's first migrations say
 * nothing: they make the database, they change no one's. Stateless: what it says comes from Flyway's own answers.
 */
@Component
class SchemaUpgradeLog implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(SchemaUpgradeLog.class);

    @Override
    public void migrate(org.flywaydb.core.Flyway flyway) {
        MigrationInfo before = flyway.info().current();
        MigrateResult result = flyway.migrate();
        if (before != null && before.getVersion() != null && result.migrationsExecuted > 0) {
            log.info("database schema upgraded from version {} to {} ({} migration{} of sql/migration)", before.getVersion(),
                    result.targetSchemaVersion, result.migrationsExecuted, result.migrationsExecuted == 1 ? "" : "s");
        }
    }
}

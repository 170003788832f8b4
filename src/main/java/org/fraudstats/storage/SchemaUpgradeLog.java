package org.fraudstats.storage;

import java.util.Arrays;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Migrates as Spring Boot would, and says so in one line when the database was an older version's (an upgrade): it did
 * so without a word, and an operator had no record of when the schema changed. A new home's first migrations say
 * nothing: they make the database, they change no one's. Stateless: what it says comes from Flyway's own answers.
 * <p>
 * A database a newer build migrated is refused before anything touches it: Flyway's default only warned ("newer than
 * the latest available migration") and an older build then ran on a schema it does not know, its checks (the account
 * key's fingerprint, say) skipped or wrong (tester r37e).
 */
@Component
class SchemaUpgradeLog implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(SchemaUpgradeLog.class);

    @Override
    public void migrate(org.flywaydb.core.Flyway flyway) {
        MigrationInfoService info = flyway.info();
        String refusal = refusal(info);
        if (refusal != null) {
            throw new FlywayException(refusal);
        }
        MigrationInfo before = info.current();
        MigrateResult result = flyway.migrate();
        if (before != null && before.getVersion() != null && result.migrationsExecuted > 0) {
            log.info("database schema upgraded from version {} to {} ({} migration{} of sql/migration)", before.getVersion(),
                    result.targetSchemaVersion, result.migrationsExecuted, result.migrationsExecuted == 1 ? "" : "s");
        }
    }

    /** Why this build must not use the database, or null when it may. */
    static String refusal(MigrationInfoService info) {
        MigrationInfo[] unknown = Arrays.stream(info.applied())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .toArray(MigrationInfo[]::new);
        if (unknown.length == 0) {
            return null;
        }
        MigrationInfo newest = unknown[unknown.length - 1];
        MigrationInfo[] known = Arrays.stream(info.all()).filter(m -> m.getState().isResolved()).toArray(MigrationInfo[]::new);
        String knows = known.length == 0 ? "none" : String.valueOf(known[known.length - 1].getVersion());
        // "home" was wrong of an external server; a restore loses what was done since, said (review r38g)
        return "the database's schema is version " + newest.getVersion() + ", made by a newer fraudstats; this build knows "
                + "versions up to " + knows + ": run the newer build (or a later one) with this database, or restore the backup "
                + "made before the upgrade (losing what was loaded, published and audited since)";
    }
}

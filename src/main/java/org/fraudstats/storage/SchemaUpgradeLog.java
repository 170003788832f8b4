package org.fraudstats.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One line when the first command of a new version migrates an existing database (an upgrade): it did so without a
 * word, and an operator had no record of when the schema changed. A new home's first migrations say nothing: they
 * make the database, they change no one's.
 */
@Component
class SchemaUpgradeLog implements Callback {

    private static final Logger log = LoggerFactory.getLogger(SchemaUpgradeLog.class);

    private Integer before;
    private String after;
    private int applied;

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE || event == Event.AFTER_EACH_MIGRATE || event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        switch (event) {
            case BEFORE_MIGRATE -> {
                before = version(context);
                applied = 0;
            }
            case AFTER_EACH_MIGRATE -> {
                applied++;
                if (context.getMigrationInfo() != null && context.getMigrationInfo().getVersion() != null) {
                    after = context.getMigrationInfo().getVersion().getVersion();
                }
            }
            default -> {
                if (before != null && applied > 0) {
                    log.info("database schema upgraded from version {} to {} ({} migration{} of sql/migration)", before, after,
                            applied, applied == 1 ? "" : "s");
                }
            }
        }
    }

    private static Integer version(Context context) {
        try (Statement statement = context.getConnection().createStatement()) {
            try (ResultSet exists = statement.executeQuery(SqlFiles.load("storage/schema-history-exists.sql"))) {
                if (!exists.next() || !exists.getBoolean(1)) {
                    return null;
                }
            }
            try (ResultSet version = statement.executeQuery(SqlFiles.load("storage/schema-version.sql"))) {
                return version.next() ? (Integer) version.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new FlywayException("cannot read the database's schema version: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "schema upgrade log";
    }
}

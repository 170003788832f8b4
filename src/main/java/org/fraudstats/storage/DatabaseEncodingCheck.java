package org.fraudstats.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * Before the first migration of a new database: its encoding must be UTF8, or the Chinese names of the catalogue and
 * the schedules cannot be stored. A LATIN1 database (an external server's template under a LATIN1 locale) failed at
 * the tenth migration with "character with byte sequence 0xe6 0x95 0xb0 … has no equivalent in encoding LATIN1" and
 * was left half-migrated, five migrations in, for the DBA to drop (tester). A database migrated before (the embedded
 * one is UTF8; an existing SQL_ASCII one has kept its bytes) is left alone: one whose Flyway history holds a
 * migration applied.
 */
@Component
class DatabaseEncodingCheck implements Callback {

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try (Statement statement = context.getConnection().createStatement()) {
            String name;
            String encoding;
            boolean hasHistory;
            try (ResultSet row = statement.executeQuery(SqlFiles.load("storage/database-encoding.sql"))) {
                row.next();
                name = row.getString("name");
                encoding = row.getString("encoding");
                hasHistory = row.getBoolean("has_history");
            }
            boolean migratedBefore = false;
            if (hasHistory) {
                try (ResultSet row = statement.executeQuery(SqlFiles.load("storage/migrations-applied.sql"))) {
                    row.next();
                    migratedBefore = row.getBoolean("applied");
                }
            }
            String refusal = refusal(name, encoding, migratedBefore);
            if (refusal != null) {
                throw new FlywayException(refusal);
            }
        } catch (SQLException e) {
            throw new FlywayException("cannot read the database's encoding: " + e.getMessage(), e);
        }
    }

    /** Why a database cannot be used, or null when it can. */
    static String refusal(String database, String encoding, boolean migratedBefore) {
        if (migratedBefore || "UTF8".equals(encoding)) {
            return null;
        }
        return "database " + database + " is encoded " + encoding + ", and fraudstats needs UTF8: create one with "
                + "ENCODING 'UTF8' TEMPLATE template0 (no migration was applied to this one)";
    }

    @Override
    public String getCallbackName() {
        return "database encoding check";
    }
}

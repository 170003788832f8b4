package org.fraudstats.storage;

import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * After every migrate, so at every start, on the migrations' own connection (the owner's): the application's role
 * gets exactly the rights sql/storage/application-grants.sql lists on whatever the migrations made. A Java
 * callback rather than an afterMigrate SQL file in sql/migration: the launcher's classpath may hold that folder
 * twice (the jar's copy and the repository's), which Flyway refuses for a SQL callback.
 */
@Component
class ApplicationRoleGrants implements Callback {

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute(SqlFiles.load("storage/application-grants.sql"));
        } catch (SQLException e) {
            throw new FlywayException("cannot grant the application's role its rights: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "application role grants";
    }
}

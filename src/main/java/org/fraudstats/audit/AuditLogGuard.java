package org.fraudstats.audit;

import java.util.Map;
import java.util.Optional;

import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the audit log is append-only to the application that writes it: on an external server connected to as a
 * superuser, as the log's owner or as a member of the owner, it is not, and nothing said so (r43b).
 */
@Component
public class AuditLogGuard {

    private final NamedParameterJdbcTemplate jdbc;

    AuditLogGuard(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Why the application's role could rewrite the audit log, or empty when it cannot (sql/audit/who-can-rewrite.sql). */
    public Optional<String> weakened() {
        return jdbc.query(SqlFiles.load("audit/who-can-rewrite.sql"), Map.of(), rs -> {
            if (!rs.next()) {
                return Optional.<String>empty();
            }
            String role = rs.getString("role_name");
            if (rs.getBoolean("superuser")) {
                return Optional.of("the database role " + role + " is a superuser");
            }
            if (rs.getBoolean("owner")) {
                String owner = rs.getString("owner_name");
                return Optional.of("the database role " + role + (owner.equals(role) ? " owns audit_event" : " is a member of "
                        + owner + ", which owns audit_event"));
            }
            if (rs.getBoolean("schema_owner")) {
                return Optional.of("the database role " + role + " owns the schema " + rs.getString("schema_name")
                        + " of audit_event, or is a member of its owner, and may drop the table");
            }
            if (rs.getBoolean("may_grant_itself")) {
                return Optional.of("the database role " + role + " has CREATEROLE, which before PostgreSQL 16 lets it make itself "
                        + "a member of audit_event's owner");
            }
            return Optional.<String>empty();
        });
    }

    /**
     * The warning line serve logs at its start, or empty: also when the check itself could not be made, which is said
     * instead of stopping serve.
     */
    public Optional<String> warning() {
        try {
            return weakened().map(why -> "warning: " + why + ", so this application could rewrite the audit log, which MLPS "
                    + "level 3 wants append-only to it: connect as a role of its own that owns neither the tables nor their "
                    + "schema and is no superuser (README, Where data lives)");
        } catch (RuntimeException e) {
            return Optional.of("warning: could not check whether this application could rewrite the audit log: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("")));
        }
    }
}

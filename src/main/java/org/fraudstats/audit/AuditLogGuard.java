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
            return Optional.<String>empty();
        });
    }
}

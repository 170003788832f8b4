package org.fraudstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * An external database that refuses fraudstats is said in one line naming what to mend: the host that is unknown, the
 * settings of a refused password, the migrations' user; pgjdbc's words alone named none of them (tester).
 */
class DatabaseErrorsTest {

    private static String said(Throwable cause) {
        return Cli.userMessage(new IllegalStateException("context failed", new RuntimeException("Failed to obtain JDBC Connection", cause)));
    }

    @Test
    void eachRefusalNamesWhatToMend() {
        assertThat(said(new PSQLException("The connection attempt failed.", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new java.net.UnknownHostException("db.invalid"))))
                .isEqualTo("database unreachable: unknown host db.invalid (SPRING_DATASOURCE_URL)");
        assertThat(said(new java.sql.SQLException("FATAL: password authentication failed for user \"fraudstats_app\"", "28P01")))
                .isEqualTo("FATAL: password authentication failed for user \"fraudstats_app\" (SPRING_DATASOURCE_USERNAME and "
                        + "SPRING_DATASOURCE_PASSWORD; for the migrations' user, SPRING_FLYWAY_USER and SPRING_FLYWAY_PASSWORD)");
        assertThat(said(new java.sql.SQLException("FATAL: role \"nobody\" does not exist", "28000"))).startsWith(
                "FATAL: role \"nobody\" does not exist (SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD;");
        assertThat(said(new java.sql.SQLException("ERROR: permission denied for schema public\n  Position: 14", "42501")))
                .isEqualTo("ERROR: permission denied for schema public (the migrations need a user that may create in it: "
                        + "SPRING_FLYWAY_USER, README \"Where data lives\")");
        assertThat(said(new IllegalArgumentException("'url' must start with \"jdbc\"")))
                .isEqualTo("SPRING_DATASOURCE_URL must start with jdbc:postgresql:// (jdbc:postgresql://HOST:5432/DATABASE)");
        // the pool's timeout around the server's refusal: the server's words
        assertThat(said(new java.sql.SQLTransientConnectionException("fraudstats-embedded - Connection is not available, request timed out "
                + "after 30000ms (total=1, active=1, idle=0, waiting=0)", "08001", new PSQLException("FATAL: terminating connection due to "
                + "unexpected postmaster exit", PSQLState.CONNECTION_FAILURE))))
                .isEqualTo("database unreachable: FATAL: terminating connection due to unexpected postmaster exit");
        // ours, further down, wins over the lost connection it wraps (review: EmbeddedServer's own line was lost)
        UserError ours = new UserError("the embedded PostgreSQL under /srv/home/pgdata, run by another fraudstats, refused this one");
        ours.initCause(new PSQLException("Connection to 127.0.0.1:5 refused.", PSQLState.CONNECTION_UNABLE_TO_CONNECT));
        assertThat(said(ours)).isEqualTo("the embedded PostgreSQL under /srv/home/pgdata, run by another fraudstats, refused this one");
        // a wrong password inside the pool's timeout is a password, not "unreachable"
        assertThat(said(new java.sql.SQLTransientConnectionException("fraudstats-embedded - Connection is not available", "08001",
                new java.sql.SQLException("FATAL: password authentication failed for user \"fraudstats_app\"", "28P01"))))
                .startsWith("FATAL: password authentication failed for user \"fraudstats_app\" (SPRING_DATASOURCE_USERNAME");
        // the failure a rollback refused on the dead connection hid, not the pool's "Connection is closed" (r34c)
        org.springframework.transaction.TransactionSystemException rollback = new org.springframework.transaction.TransactionSystemException(
                "JDBC rollback failed", new java.sql.SQLException("Connection is closed"));
        rollback.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException("could not publish",
                new PSQLException("FATAL: terminating connection due to unexpected postmaster exit", PSQLState.CONNECTION_FAILURE)));
        assertThat(Cli.userMessage(new IllegalStateException("nightly failed", rollback)))
                .isEqualTo("database unreachable: FATAL: terminating connection due to unexpected postmaster exit");
        // and our own line above it still wins, naming the drop (r34f)
        UserError named = new UserError("drop 2022-10-29 not loaded: the database connection was lost");
        named.initCause(rollback);
        assertThat(Cli.userMessage(new IllegalStateException("ingest failed", named))).isEqualTo(named.getMessage());
        // the mail relay's refusal is not the database's
        assertThat(org.fraudstats.storage.DatabaseDown.isCause(new RuntimeException("Mail server connection failed",
                new java.net.ConnectException("Connection refused")))).isFalse();
        // the application's role at a migrated database, with no owner for the migrations (r43b)
        assertThat(said(new java.sql.SQLException("ERROR: permission denied for table flyway_schema_history", "42501")))
                .isEqualTo("ERROR: permission denied for table flyway_schema_history (the migrations run as the schema's owner at "
                        + "every start: SPRING_FLYWAY_USER and SPRING_FLYWAY_PASSWORD, README \"Where data lives\")");
        // a server certificate Java does not trust, said as TLS (r43b)
        javax.net.ssl.SSLHandshakeException handshake = new javax.net.ssl.SSLHandshakeException("PKIX path building failed");
        handshake.initCause(new java.security.cert.CertPathValidatorException("unable to find valid certification path to requested target"));
        assertThat(said(new PSQLException("SSL error: PKIX path building failed", PSQLState.CONNECTION_FAILURE, handshake)))
                .isEqualTo("database unreachable: unable to find valid certification path to requested target (TLS to the server "
                        + "failed: its certificate must be trusted, sslrootcert=CA.crt in SPRING_DATASOURCE_URL, README \"Where data lives\")");
        // a refused table is not the schema: the server's line as before
        assertThat(said(new java.sql.SQLException("ERROR: permission denied for table audit_event", "42501")))
                .isEqualTo("ERROR: permission denied for table audit_event");
    }
}

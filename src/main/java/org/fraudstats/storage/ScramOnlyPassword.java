package org.fraudstats.storage;

import java.util.Properties;

import org.postgresql.plugin.AuthenticationPlugin;
import org.postgresql.plugin.AuthenticationRequestType;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * The password of a connection to the embedded PostgreSQL, given to a server that asks for it by scram-sha-256 only,
 * the one method its pg_hba.conf allows. pgjdbc answers a request for the password in clear as readily: once the
 * postmaster was killed, a process of any local user that took its port first was sent the application role's
 * password by every reconnecting pool (r41b), the superuser's by a command joining in that instant. With SCRAM the
 * password never crosses the connection, so a listener that is not this home's server learns nothing.
 */
public final class ScramOnlyPassword implements AuthenticationPlugin {

    private final String password;

    /** pgjdbc makes one per authentication, with the connection's properties (the password among them). */
    public ScramOnlyPassword(Properties connection) {
        this.password = connection.getProperty("password");
    }

    @Override
    public char[] getPassword(AuthenticationRequestType type) throws PSQLException {
        if (type != AuthenticationRequestType.SASL) {
            throw new PSQLException("the server on the embedded PostgreSQL's port asked for the password by " + type
                    + ", not by scram-sha-256 as the embedded PostgreSQL does: another process may hold its port; nothing was sent",
                    // a connection that could not be made, as a port nobody listens on: the portal answers 503 and
                    // probes until the home's own server is back; 08004 read as a refusal for good (500s, review r41e)
                    PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        }
        // a new array each time: pgjdbc overwrites the one it is given once it has used it
        return password == null ? null : password.toCharArray();
    }
}

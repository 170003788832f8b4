package org.fraudstats.storage;

/**
 * The embedded PostgreSQL could not be started, or its home is in use by another fraudstats: the message names
 * the cause in one line a user can act on.
 */
public class DatabaseUnavailable extends RuntimeException {

    DatabaseUnavailable(String message) {
        super(message);
    }

    DatabaseUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}

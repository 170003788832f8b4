package org.fraudstats.cli;

/** A failure whose message alone tells the user what to fix (exit 1). */
class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
